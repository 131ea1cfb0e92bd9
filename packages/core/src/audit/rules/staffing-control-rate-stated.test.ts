import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { staffingControlRateStated } from './staffing-control-rate-stated.js';

describe('staffing-control-rate-stated', () => {
  it('fires with the computed 90% when 编制 20 and 在职 18 are given without a rate', () => {
    const f = run(staffingControlRateStated, { baseData: { staffing: { authorized: 20, actual: 18 } } });
    expect(f).toHaveLength(1);
    expect(f[0]!.expected).toBe('90');
  });
  it('does not fire when the rate is stated', () => {
    expect(run(staffingControlRateStated, { baseData: { staffing: { authorized: 12, actual: 11, statedControlRate: '91.67' } } })).toEqual([]);
  });
  it('does not fire when the authorized headcount is unknown', () => {
    expect(run(staffingControlRateStated, { baseData: { staffing: { actual: 18 } } })).toEqual([]);
  });
});
