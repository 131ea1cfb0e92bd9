import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nonWhiteShare } from '../../test/helpers.js';
import { chartFontFor } from './find-cjk-font.js';
import { chartText, renderChartPng, type ChartSpec } from './render-chart-png.js';

const bar = (title: string): ChartSpec => ({ kind: 'bar', title, unit: '万元', categories: ['年度资金总额', '项目支出'], series: [{ name: '全年执行数', data: [1105.6, 820] }] });

describe('the chart font', () => {
  it('is the bundled single face (Noto Sans CJK SC, under 2 MB) when it has every character of the chart', () => {
    const font = chartFontFor(chartText(bar('预算数与执行数')));
    expect(font?.family).toBe('Noto Sans CJK SC');
    expect(font!.file).toMatch(/NotoSansSC-Regular-charts\.otf$/);
    expect(statSync(font!.file).size).toBeLessThan(2 * 1024 * 1024);
    expect(existsSync(font!.file.replace(/NotoSansSC-Regular-charts\.otf$/, 'OFL.txt'))).toBe(true);
  });

  it('falls back to the system font for a character the bundled face lacks (a rare hanzi outside GB 2312 level 1)', () => {
    const font = chartFontFor(chartText(bar('龘项目资金')));
    expect(font?.file ?? null).not.toMatch(/NotoSansSC-Regular-charts\.otf$/);
  });

  it('draws the Chinese title with the bundled face (more ink than the same chart without it)', () => {
    const withTitle = renderChartPng(bar('预算数与执行数'), { scale: 1 });
    const without = renderChartPng(bar(' '), { scale: 1 });
    expect(withTitle.fontMissing).toBe(false);
    expect(nonWhiteShare(Buffer.from(withTitle.png))).toBeGreaterThan(nonWhiteShare(Buffer.from(without.png)) + 0.0015);
  });
});
