import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { fundsNatureSum } from './funds-nature-sum.js';

describe('funds-nature-sum', () => {
  it('fires when basic 217.72 + project 180 = 397.72 is stated as a total of 399.72', () => {
    const f = run(fundsNatureSum, { funds: { total: { initial: '399.72' }, basic: { initial: '217.72' }, project: { initial: '180' } } });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '399.72', expected: '397.72', difference: '2', location: { path: 'funds.total.initial' } });
  });
  it('does not fire when 3484.29 + 6108.89 = 9593.18', () => {
    expect(run(fundsNatureSum, { funds: { total: { adjusted: '9593.18' }, basic: { adjusted: '3484.29' }, project: { adjusted: '6108.89' } } })).toEqual([]);
  });
  it('does not fire when one of the parts is missing', () => {
    expect(run(fundsNatureSum, { funds: { total: { executed: '100' }, basic: { executed: '50' } } })).toEqual([]);
  });
});
