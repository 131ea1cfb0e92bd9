import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { scoreRateMatches } from './score-rate-matches.js';

describe('score-rate-matches', () => {
  it('fires when 18 of 20 is stated as a score rate of 80%', () => {
    const f = run(scoreRateMatches, { indicators: [{ name: '投入管理', weight: '20', selfScore: '18', statedScoreRate: '80' }] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '80', expected: '90', location: { path: 'indicators.0.statedScoreRate' } });
  });
  it('does not fire for 3 of 10 = 30% and a total of 91 of 100 = 91%', () => {
    expect(
      run(scoreRateMatches, {
        budgetExecution: { weight: '10', selfScore: '3', statedScoreRate: '30' },
        totals: { statedWeight: '100', statedScore: '91', statedScoreRate: '91' },
      }),
    ).toEqual([]);
  });
});
