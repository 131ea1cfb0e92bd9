import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { basicExpenditureSum } from './basic-expenditure-sum.js';

describe('basic-expenditure-sum', () => {
  it('fires when personnel 160.3 + operating 55.51 = 215.81 is stated as basic 215.91', () => {
    const f = run(basicExpenditureSum, { funds: { basic: { executed: '215.91' }, personnel: { executed: '160.3' }, operating: { executed: '55.51' } } });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '215.91', expected: '215.81', difference: '0.1' });
  });
  it('does not fire when 160.3 + 55.51 = 215.81', () => {
    expect(run(basicExpenditureSum, { funds: { basic: { executed: '215.81' }, personnel: { executed: '160.3' }, operating: { executed: '55.51' } } })).toEqual([]);
  });
});
