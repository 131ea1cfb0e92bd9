import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { staffingControlRateMatches } from './staffing-control-rate-matches.js';

const staffing = (rate: string) => ({ baseData: { staffing: { authorized: 12, actual: 11, statedControlRate: rate } } });

describe('staffing-control-rate-matches', () => {
  it('fires when 11 / 12 = 91.67% is stated as 90%', () => {
    const f = run(staffingControlRateMatches, staffing('90'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '90', expected: '91.67' });
  });
  it('does not fire for 91.67% (11 / 12 = 91.666…%)', () => {
    expect(run(staffingControlRateMatches, staffing('91.67'))).toEqual([]);
  });
  it('does not fire for 92% at whole-percent precision', () => {
    expect(run(staffingControlRateMatches, staffing('92'))).toEqual([]);
  });
});
