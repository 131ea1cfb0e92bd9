import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { executionRateMatches } from './execution-rate-matches.js';

const input = (rate: string) => ({
  funds: { total: { initial: '7319.56', adjusted: '1770.59', executed: '1770.59' } },
  budgetExecution: { statedRate: rate },
});

describe('execution-rate-matches', () => {
  it('fires when 24% is executed ÷ initial (24.19%) instead of ÷ adjusted (100%), and says so', () => {
    const f = run(executionRateMatches, input('24'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '24', expected: '100', difference: '-76' });
    expect(f[0]!.message).toContain('24.19%');
    expect(f[0]!.message).toContain('按年初预算数计算');
  });
  it('fires and cannot tell when the rate fits neither base (50%)', () => {
    const f = run(executionRateMatches, input('50'));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('无法判断');
  });
  it('does not fire for 100% against the adjusted budget', () => {
    expect(run(executionRateMatches, input('100'))).toEqual([]);
  });
  it('does not fire for 99.71% (9565.63 ÷ 9593.18 = 99.713%)', () => {
    expect(
      run(executionRateMatches, { funds: { total: { adjusted: '9593.18', executed: '9565.63' } }, budgetExecution: { statedRate: '99.71' } }),
    ).toEqual([]);
  });
});
