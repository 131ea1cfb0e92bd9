import { describe, expect, it } from 'vitest';
import { Evaluation } from '@jixiao/core';
import { inputFindingsOf } from './live-score.js';
import { nameIndicatorRows, pathLabel } from './path-labels.js';

const ev = Evaluation.parse({
  kind: 'department',
  fiscalYear: 2025,
  indicators: [{ name: '产出指标', children: [{ name: '数量指标', children: [{ name: '培训人次', target: '≥100人次' }] }] }],
  chapters: [{ level: 1, title: '存在的问题及原因', body: 'x' }],
  funds: { bySource: [{ source: 'carry_over', initial: '1' }] },
});

describe('pathLabel', () => {
  it('names indicator cells by their row, in Chinese', () => {
    expect(pathLabel(ev, 'indicators.0.children.0.children.0.actual')).toBe('产出指标 › 数量指标 › 培训人次 › 实际完成值');
    expect(pathLabel(ev, 'indicators.0.weight')).toBe('产出指标 › 分值');
  });
  it('names fund rows, chapters and other fields', () => {
    expect(pathLabel(ev, 'funds.bySource.0.executed')).toBe('其中：上年结转 › 全年执行数');
    expect(pathLabel(ev, 'chapters.0.body')).toBe('报告正文 › 存在的问题及原因');
    expect(pathLabel(ev, 'dates.reportDate')).toBe('日期 › 报告日期');
    expect(pathLabel(ev, 'supervisingDepartment')).toBe('主管部门');
  });
});

describe('nameIndicatorRows', () => {
  it('a level-1 weight of 120 is reported on its own cell with the row named', () => {
    const doc = { ...ev, indicators: [{ ...ev.indicators[0]!, weight: '120' }] };
    const { findings } = inputFindingsOf(doc);
    const named = nameIndicatorRows(findings, ev);
    expect(named).toEqual([expect.objectContaining({ location: expect.objectContaining({ path: 'indicators.0.weight', label: '产出指标 › 分值' }) })]);
    expect(named[0]!.message).toMatch(/^产出指标 › 分值：/);
  });
});
