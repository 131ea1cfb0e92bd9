import { describe, expect, it } from 'vitest';
import { Evaluation, getProfile, scoreEvaluation } from '@jixiao/core';
import type { ScoreJson } from '../api/types.js';
import { basisLines, documentText } from './score-basis.js';

/** A reverse indicator above its target, scored by the hunan profile, as the server would send it. */
const score = JSON.parse(
  JSON.stringify(
    scoreEvaluation(
      Evaluation.parse({
        kind: 'department',
        fiscalYear: 2023,
        profile: 'hunan',
        indicators: [{ name: '产出指标', weight: 50, children: [{ name: '成本指标', children: [{ name: '费用开支控制在预算内执行', target: '≤263.38', actual: '265.45', weight: 50 }] }] }],
      }),
      getProfile('hunan'),
    ),
  ),
) as ScoreJson;

describe('score-basis', () => {
  it('names the source of each knob an indicator used, marking unverified ones', () => {
    const leaf = score.indicators[0]!;
    expect(leaf.knobs).toEqual(['reverse.formula']);
    expect(basisLines(leaf.knobs, score.basis)).toEqual(['反向指标计分公式：无文件依据（jixiao 默认）【未核实】']);
  });
  it('a verified knob is not marked; a report is named by its title', () => {
    const level1 = score.basis!.find((b) => b.knob === 'weights.level1.department')!;
    expect(level1.verified).toBe(true);
    expect(basisLines(['weights.level1.department'], score.basis)[0]).not.toContain('未核实');
    expect(documentText(level1)).toMatch(/^《.+》（单份报告，2024）$/);
  });
  it('a national document is named by its 文号', () => {
    expect(documentText(score.basis!.find((b) => b.knob === 'grades')!)).toBe('财预〔2020〕10号（国家，2020）');
  });
  it('a knob without a listed source gives no line', () => {
    expect(basisLines(['no.such.knob'], score.basis)).toEqual([]);
  });
});
