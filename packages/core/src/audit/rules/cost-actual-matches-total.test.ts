import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { costActualMatchesTotal } from './cost-actual-matches-total.js';

const input = (actual: string) => ({
  funds: {
    total: { initial: '263.38', adjusted: '276.7', executed: '276.7' },
    bySource: [
      { source: 'general_public' as const, label: '一般公共预算', executed: '265.45' },
      { source: 'other' as const, label: '其他资金', executed: '11.25' },
    ],
  },
  indicators: [{ name: '产出指标', children: [{ name: '成本指标', children: [{ name: '费用开支控制在预算内执行', target: '≤263.38', actual, weight: '5', selfScore: '4' }] }] }],
});

describe('cost-actual-matches-total', () => {
  it('fires when the cost actual 265.45 is the general-public part of 276.7', () => {
    const f = run(costActualMatchesTotal, input('265.45'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '265.45', expected: '276.7', difference: '-11.25' });
    expect(f[0]!.message).toContain('一般公共预算');
  });
  it('does not fire when the cost actual is the total executed 276.7', () => {
    expect(run(costActualMatchesTotal, input('276.7'))).toEqual([]);
  });
  it('does not fire for a figure that matches no fund part (270)', () => {
    expect(run(costActualMatchesTotal, input('270'))).toEqual([]);
  });
});

const named = (name: string, actual = '265.45') => ({
  ...input(actual),
  indicators: [{ name: '产出指标', children: [{ name: '成本指标', children: [{ name, target: '≤263.38', actual, weight: '5', selfScore: '4' }] }] }],
});

describe('cost-actual-matches-total: only indicators that name the total cost', () => {
  it('fires for 项目总成本', () => {
    expect(run(costActualMatchesTotal, named('项目总成本'))).toHaveLength(1);
  });
  it('does not fire for unit costs (亩均 / 人均) even when the figure equals a fund part', () => {
    expect(run(costActualMatchesTotal, named('亩均种植成本'))).toEqual([]);
    expect(run(costActualMatchesTotal, named('人均培训成本'))).toEqual([]);
  });
  it('does not fire for a sub-item (印刷费) whose name does not say total cost', () => {
    expect(run(costActualMatchesTotal, named('印刷费'))).toEqual([]);
  });
  it('hedges: says the scope may be intended and asks for it to be written down', () => {
    const [f] = run(costActualMatchesTotal, named('费用开支控制在预算内执行'));
    expect(f!.message).toContain('可能只统计了');
    expect(f!.message).toContain('口径');
    expect(f!.message).not.toContain('应按全部支出填报');
  });
});
