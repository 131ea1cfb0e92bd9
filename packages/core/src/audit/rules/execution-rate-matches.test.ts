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
  it('checks the 执行率 printed on each 其中 row: 本年财政拨款 45 ÷ 50 = 90%, not the 100% stated', () => {
    const f = run(executionRateMatches, {
      kind: 'project',
      funds: {
        total: { adjusted: '100', executed: '95', statedRate: '95%' },
        bySource: [
          { source: 'current_appropriation', label: '本年财政拨款', adjusted: '50', executed: '45', statedRate: '100%' },
          { source: 'carry_over', label: '上年结转资金', adjusted: '50', executed: '50', statedRate: '100%' },
        ],
      },
    });
    expect(f.map((x) => [x.location.path, x.reported, x.expected])).toEqual([['funds.bySource.0.statedRate', '100', '90']]);
    expect(f[0]!.message).toContain('本年财政拨款 › 执行率');
  });
  it('says a row’s rate was computed on its 年初预算数 (45 ÷ 40 = 112.5%) instead of its 全年预算数 (45 ÷ 50 = 90%)', () => {
    const [f] = run(executionRateMatches, {
      funds: { total: {}, bySource: [{ source: 'current_appropriation', initial: '40', adjusted: '50', executed: '45', statedRate: '112.5%' }] },
    });
    expect(f).toMatchObject({ reported: '112.5', expected: '90' });
    expect(f!.message).toContain('按年初预算数计算');
  });
  it('does not report the total row’s rate twice when it is the budget-execution rate itself', () => {
    const f = run(executionRateMatches, { funds: { total: { adjusted: '100', executed: '95', statedRate: '90%' } }, budgetExecution: { statedRate: '90%' } });
    expect(f.map((x) => x.location.path)).toEqual(['budgetExecution.statedRate']);
  });
});
