import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { selfScoreWithinFormula } from './self-score-within-formula.js';

const leaf = (target: string, actual: string, score: string) => ({
  indicators: [{ name: '产出指标', children: [{ name: '质量指标', children: [{ name: '验收合格率', target, actual, weight: '10', selfScore: score }] }] }],
});

describe('self-score-within-formula', () => {
  it('fires when ≥95% with actual 93% (formula 10 × 93 ÷ 95 = 9.79) is scored 10', () => {
    const f = run(selfScoreWithinFormula, leaf('≥95%', '93%', '10'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '10', expected: '9.79' });
  });
  it('does not fire when scored 9.79 (the formula, rounded)', () => {
    expect(run(selfScoreWithinFormula, leaf('≥95%', '93%', '9.79'))).toEqual([]);
  });
  it('does not fire when the unit scores below the formula (4 for a reverse 4.96)', () => {
    expect(run(selfScoreWithinFormula, leaf('≤263.38', '265.45', '4'))).toEqual([]);
  });
});

describe('self-score-within-formula: an inferred qualitative level is jixiao’s call, not the unit’s', () => {
  const input = (extra: Record<string, unknown>) => ({
    indicators: [{ name: '效益指标', children: [{ name: '可持续影响指标', children: [{ name: '制度建设', target: '健全', actual: '基本健全', weight: '5', selfScore: '5', ...extra }] }] }],
  });
  it('says the band is inferred from 基本健全 and asks the unit to state its level', () => {
    const [f] = run(selfScoreWithinFormula, input({}));
    expect(f!.message).toContain('jixiao 依据实际完成值推定');
    expect(f!.message).toContain('单位未填报定性等级');
    expect(f!.expected).toBe('4');
  });
  it('a stated level of 达成 is the unit’s statement: 5 is within its band', () => {
    expect(run(selfScoreWithinFormula, input({ qualitativeLevel: 'achieved' }))).toEqual([]);
  });
});
