import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { computeFundRowRates } from './compute-fund-row-rates.js';

const funds = Evaluation.parse({
  kind: 'transfer',
  fiscalYear: 2024,
  funds: {
    total: { initial: '50', adjusted: '52.8', executed: '30.8', arrived: '40' },
    bySource: [
      { source: 'central', label: '中央财政资金', initial: '50', adjusted: null, executed: '30.8' },
      { source: 'local', executed: '0', adjusted: '0' },
    ],
  },
}).funds;

describe('compute-fund-row-rates: a blank 全年预算数 falls back to 年初预算数; a 0 or blank base gives no rate', () => {
  const [total, central, local] = computeFundRowRates(funds, getProfile('national'));
  it('total: 30.8 ÷ 52.8 = 58.33%, arrived 40 ÷ 52.8 = 75.76%', () => {
    expect(total!.base).toBe('adjusted');
    expect(total!.executionRate!.times(100).toFixed(2)).toBe('58.33');
    expect(total!.arrivalRate!.times(100).toFixed(2)).toBe('75.76');
  });
  it('中央 row without 全年预算数: 30.8 ÷ 50 (年初) = 61.6%, and no arrival rate', () => {
    expect(central).toMatchObject({ label: '中央财政资金', base: 'initial', path: 'funds.bySource.0' });
    expect(central!.executionRate!.times(100).toString()).toBe('61.6');
    expect(central!.arrivalRate).toBeNull();
  });
  it('a row whose budget is 0 has no rate (not 0%, not infinite), labelled by its source', () => {
    expect(local).toMatchObject({ label: '地方资金', base: null, executionRate: null, arrivalRate: null });
  });
});
