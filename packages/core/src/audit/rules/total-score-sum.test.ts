import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { totalScoreSum } from './total-score-sum.js';

const input = (total: string) => ({
  budgetExecution: { weight: '10', selfScore: '10' },
  indicators: [{ name: '产出指标', children: [{ name: '数量指标', children: [{ name: 'a', weight: '90', selfScore: '89' }] }] }],
  totals: { statedScore: total },
});

describe('total-score-sum', () => {
  it('fires when the total 89 equals the indicator scores alone and leaves out execution 10 (sum 99)', () => {
    const f = run(totalScoreSum, input('89'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '89', expected: '99', difference: '-10' });
    expect(f[0]!.message).toContain('漏计了预算执行得分');
  });
  it('fires and cannot tell when the total is simply off (95 vs 99)', () => {
    const f = run(totalScoreSum, input('95'));
    expect(f[0]!.message).toContain('无法判断');
  });
  it('does not fire when 10 + 89 = 99', () => {
    expect(run(totalScoreSum, input('99'))).toEqual([]);
  });
});
