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
});
