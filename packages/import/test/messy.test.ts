/** Unseen reports are partial, messy, OCR'd or in traditional script: the same figures must come through. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { importReport } from '../src/index.js';
import { HAVE_SEEDS, NEEDS_SHARED, seedFiles, seedPieces } from './helpers/seed-content.js';
import { figures } from './helpers/compare.js';

const seeds = Object.fromEntries(seedFiles().map((s) => [s.id, readFileSync(s.path, 'utf8')]));
const imp = async (text: string, name = 'x.txt') => (await importReport({ bytes: new TextEncoder().encode(text), fileName: name })).evaluation;

describe.skipIf(!HAVE_SEEDS)(`messy copies of the seeds${NEEDS_SHARED}`, () => {
  it('OCR-like text: full-width digits, spaced-out CJK lines, page numbers between lines', async () => {
    const lines = seeds['003']!.split('\n');
    const messy = lines.flatMap((l, i) => {
      let m = l.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
      if (i % 7 === 3 && !/\d|[0-9０-９]/.test(l) && l.length > 4) m = [...m].join(' ');
      return i % 20 === 10 ? [m, `— ${i / 20 + 1} —`] : [m];
    });
    const a = figures(await imp(messy.join('\n')));
    const b = figures(await imp(seeds['003']!));
    expect({ ...a, chapters: null }).toEqual({ ...b, chapters: null });
    expect(a.chapters.map((c) => c.slice(0, 4))).toEqual(b.chapters.map((c) => c.slice(0, 4)));
  });

  for (const seed of seedFiles()) {
    it(`seed ${seed.id} with tables as space-separated lines (PDF text without layout: empty cells vanish)`, async () => {
      const text = seedPieces(seed.path)
        .map((p) => (p.kind === 'p' ? p.text : p.rows.map((r) => r.filter((c) => c !== '').join(' ')).join('\n')))
        .join('\n');
      const a = figures(await imp(text));
      const b = figures(await imp(seeds[seed.id]!));
      expect(a).toEqual(b);
    });
  }

  it('traditional script', async () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' });
    const r = await importReport({ bytes: new TextEncoder().encode(toTraditional(seeds['002']!)), fileName: 'x.txt' });
    expect(r.notes.join('')).toContain('繁体');
    const a = figures(r.evaluation);
    const b = figures(await imp(seeds['002']!));
    expect(a.funds).toEqual(b.funds);
    expect(a.claims).toEqual(b.claims);
    expect(a.unit).toBe(b.unit);
  });

  it('a report cut off in the middle of its indicator table', async () => {
    const lines = seeds['001']!.split('\n');
    const cut = lines.findIndex((l) => l.includes('巡察任务完成及时率'));
    const ev = await imp(lines.slice(0, cut + 2).join('\n'));
    expect(ev.funds.total).toMatchObject({ initial: '263.38', adjusted: '276.7', executed: '276.7' });
    const leaves = ev.indicators.flatMap((l) => l.children.flatMap((c) => c.children));
    expect(leaves.map((i) => i.name)).toContain('优化贯通融合率');
    expect(ev.totals.statedScore).toBeNull();
  });

});

describe('a layout the seeds do not have', () => {
  it('a Sichuan-style table with 指标性质 | 指标值 | 计量单位 columns', async () => {
    const ev = await imp(
      [
        '2023年度项目支出绩效自评表',
        ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].join('\t'),
        ['产出指标', '数量指标', '培训人次', '≥', '500', '人次', '520', '20', '20', ''].join('\t'),
        ['', '成本指标', '人均培训成本', '≤', '300', '元', '310', '10', '9', '物价上涨'].join('\t'),
      ].join('\n'),
    );
    const [a, b] = ev.indicators[0]!.children.map((c) => c.children[0]!);
    // the target and actual as a reader states them across the columns: sign + value + unit
    expect(a).toMatchObject({ name: '培训人次', sign: '>=', target: '≥500人次', unitOfMeasure: '人次', actual: '520人次', weight: '20', selfScore: '20' });
    expect(b).toMatchObject({ name: '人均培训成本', sign: '<=', target: '≤300元', unitOfMeasure: '元', actual: '310元', deviationReason: '物价上涨' });
  });
});
