import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { arrivalRateMatches } from './arrival-rate-matches.js';

const input = (arrived: string, rate: string) => ({
  kind: 'transfer',
  funds: { total: { adjusted: '52.8', arrived, executed: '30.8' } },
  budgetExecution: { statedArrivalRate: rate },
});

describe('arrival-rate-matches', () => {
  it('does not fire for 52.8 ÷ 52.8 = 100.00%', () => {
    expect(run(arrivalRateMatches, input('52.8', '100.00%'))).toEqual([]);
  });
  it('fires when 100% is stated but only 40 of 52.8 arrived (75.76%)', () => {
    const [f, ...rest] = run(arrivalRateMatches, input('40', '100%'));
    expect(rest).toEqual([]);
    // 40 ÷ 52.8 = 0.757575… → 75.76%
    expect(f).toMatchObject({ reported: '100', expected: '75.76', difference: '24.24', location: { path: 'budgetExecution.statedArrivalRate' } });
    expect(f!.message).toContain('无法判断');
  });
  it('leaves a misrounded rate to percent-rounding (40 ÷ 52.8 = 75.757…% printed 75.75%)', () => {
    expect(run(arrivalRateMatches, input('40', '75.75%'))).toEqual([]);
  });
  it('checks nothing when the arrived amount is blank', () => {
    expect(run(arrivalRateMatches, { funds: { total: { adjusted: '52.8' } }, budgetExecution: { statedArrivalRate: '100%' } })).toEqual([]);
  });
});
