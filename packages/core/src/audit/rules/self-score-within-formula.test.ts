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
