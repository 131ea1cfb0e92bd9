import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { fundsSourceSum } from './funds-source-sum.js';

const funds = (general: string, other: string) => ({
  total: { executed: '276.7' },
  bySource: [
    { source: 'general_public' as const, label: '一般公共预算', executed: general },
    { source: 'other' as const, label: '其他资金', executed: other },
  ],
});

describe('funds-source-sum', () => {
  it('fires when sources add up to 276.6 against a total of 276.7 (0.1 off, beyond rounding)', () => {
    const [f, ...rest] = run(fundsSourceSum, { funds: funds('265.35', '11.25') });
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ reported: '276.7', expected: '276.6', difference: '0.1', location: { path: 'funds.total.executed' } });
    expect(f!.message).toContain('无法判断');
  });
  it('does not fire when 265.45 + 11.25 = 276.7 exactly', () => {
    expect(run(fundsSourceSum, { funds: funds('265.45', '11.25') })).toEqual([]);
  });
  it('does not fire at the rounding boundary: 265.455 printed as 265.46 + 11.25 against 276.7', () => {
    expect(run(fundsSourceSum, { funds: funds('265.46', '11.25') })).toEqual([]);
  });
  it('does not judge a column where a source cell is empty', () => {
    expect(run(fundsSourceSum, { funds: { total: { executed: '276.7' }, bySource: [{ source: 'general_public', executed: '1' }, { source: 'other', executed: null }] } })).toEqual([]);
  });
  it('sums level rows with their 其他资金 row (7165.29 against 7165.32, a transfer split by level) in each column', () => {
    const row = (source: string, adjusted: string, executed: string) => ({ source, adjusted, executed });
    const out = run(fundsSourceSum, {
      kind: 'transfer',
      funds: {
        total: { adjusted: '7165.32', executed: '6992.95' },
        bySource: [
          row('central', '3144.00', '3144.00'),
          row('provincial', '570.17', '570.17'),
          row('municipal', '433.00', '432.10'),
          row('county', '1426.90', '1294.84'),
          row('other', '1591.22', '1551.84'),
        ],
      },
    });
    // 3144.00 + 570.17 + 433.00 + 1426.90 + 1591.22 = 7165.29; executed 3144 + 570.17 + 432.10 + 1294.84 + 1551.84 = 6992.95 ✓
    expect(out.map((f) => [f.location.path, f.reported, f.expected, f.difference])).toEqual([['funds.total.adjusted', '7165.32', '7165.29', '0.03']]);
    expect(out[0]!.message).toContain('按资金层级');
  });
  it('sums a split by source and a split by level separately when the table prints both', () => {
    const funds = (provincial: string) => ({
      total: { executed: '100' },
      bySource: [
        { source: 'current_appropriation', executed: '80' },
        { source: 'carry_over', executed: '20' },
        { source: 'central', executed: '60' },
        { source: 'provincial', executed: provincial },
      ],
    });
    expect(run(fundsSourceSum, { funds: funds('40') })).toEqual([]); // 80 + 20 = 100 and 60 + 40 = 100
    const [f, ...rest] = run(fundsSourceSum, { funds: funds('30') }); // 60 + 30 = 90 ≠ 100
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ reported: '100', expected: '90', difference: '10' });
    expect(f!.message).toContain('按资金层级（中央/省/市/县）分列的全年执行数合计为 90 万元（中央资金 60 + 省级资金 30 = 90）');
  });
  it('accepts a level split nested under 本年财政拨款 (50 + 30 = 80, the appropriation, not the total 100)', () => {
    const bySource = [
      { source: 'current_appropriation', label: '本年财政拨款', executed: '80' },
      { source: 'carry_over', label: '上年结转', executed: '20' },
      { source: 'central', label: '中央资金', executed: '50' },
      { source: 'provincial', label: '省级资金', executed: '30' },
    ];
    expect(run(fundsSourceSum, { funds: { total: { executed: '100' }, bySource } })).toEqual([]);
  });
  it('checks the 资金到位数 column too (52.8 against 50 + 2.5 = 52.5)', () => {
    const bySource = [{ source: 'central', label: '中央财政资金', arrived: '50' }, { source: 'local', label: '地方财政资金', arrived: '2.5' }];
    const [f] = run(fundsSourceSum, { funds: { total: { arrived: '52.8' }, bySource } });
    expect(f).toMatchObject({ reported: '52.8', expected: '52.5', location: { path: 'funds.total.arrived' } });
  });
  it('with a blank cell, fires only when the known parts already exceed the total (0 against 本年财政拨款 90)', () => {
    const bySource = [
      { source: 'current_appropriation', label: '本年财政拨款', initial: '90' },
      { source: 'carry_over', label: '上年结转资金', initial: null },
    ];
    const [f, ...rest] = run(fundsSourceSum, { funds: { total: { initial: '0' }, bySource } });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ reported: '0', expected: '90', difference: '-90' });
    expect(f!.message).toContain('按未知处理');
    expect(run(fundsSourceSum, { funds: { total: { initial: '100' }, bySource } })).toEqual([]);
  });
});
