import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { percentRounding } from './percent-rounding.js';

const share = (percent: string) => ({
  claims: [{ type: 'share' as const, part: { label: '已办结', value: '11' }, whole: { label: '移交', value: '30' }, percent }],
});

describe('percent-rounding', () => {
  it('fires when 11 / 30 = 36.666…% is truncated to 36.6%', () => {
    const f = run(percentRounding, share('36.6'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '36.6', expected: '36.67', difference: '-0.07' });
    expect(f[0]!.message).toContain('36.7%');
    expect(f[0]!.message).toContain('截断');
  });
  it('does not fire for 36.7% (correctly rounded)', () => {
    expect(run(percentRounding, share('36.7'))).toEqual([]);
  });
  it('does not fire for an inconsistent figure (that is an error of another rule)', () => {
    expect(run(percentRounding, share('30.6'))).toEqual([]);
  });
  it('fires for a truncated staffing control rate 91.66% (11 / 12)', () => {
    const f = run(percentRounding, { baseData: { staffing: { authorized: 12, actual: 11, statedControlRate: '91.66' } } });
    expect(f.map((x) => x.location.path)).toEqual(['baseData.staffing.statedControlRate']);
  });
});
