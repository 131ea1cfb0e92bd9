import { describe, expect, it } from 'vitest';
import { dec, formatDecimal, roundHalfUp } from './decimal.js';
import { divideIntervals, judgeStated, point, printedInterval, scaleInterval } from './judge-stated.js';

const pct = (part: string, whole: string) => dec(part).dividedBy(dec(whole)).times(100);

describe('judgeStated: a stated figure is judged within its printed precision', () => {
  it('consistent when the digits are the half-up rounding (11 ÷ 12 = 91.666…% printed 91.67%)', () => {
    expect(judgeStated('91.67', pct('11', '12')).verdict).toBe('consistent');
  });

  it('misrounded when truncated (11 ÷ 30 = 36.666…% printed 36.6%): within one unit but wrong digits', () => {
    const j = judgeStated('36.6', pct('11', '30'));
    expect(j.verdict).toBe('misrounded');
    expect(formatDecimal(j.expectedAtPrecision, 1)).toBe('36.7');
  });

  it('inconsistent when further off than rounding (24% stated for 1770.59 ÷ 1770.59)', () => {
    expect(judgeStated('24', pct('1770.59', '1770.59')).verdict).toBe('inconsistent');
    expect(judgeStated('24', pct('1770.59', '7319.56')).verdict).toBe('consistent');
  });

  it('a coarse printed figure is consistent with any value it rounds from (99.71% printed 100%)', () => {
    expect(judgeStated('100', pct('9565.63', '9593.18')).verdict).toBe('consistent');
  });

  it('half-up at the boundary: x.xx5 rounds up', () => {
    expect(judgeStated('0.13', dec('0.125')).verdict).toBe('consistent');
    expect(judgeStated('0.12', dec('0.125')).verdict).toBe('misrounded');
  });

  it('intervals: rounded inputs widen what is consistent', () => {
    const ratio = divideIntervals(printedInterval('215.81'), printedInterval('276.7'));
    expect(ratio).not.toBeNull();
    expect(judgeStated('77.99', scaleInterval(ratio!, 100)).verdict).toBe('consistent');
    expect(judgeStated('78.5', scaleInterval(ratio!, 100)).verdict).toBe('inconsistent');
  });

  it('intervals that only touch at an end do not overlap (7165.32 against five parts adding to 7165.29)', () => {
    // Each part stands for [x − 0.005, x + 0.005): the sum is below 7165.29 + 0.025 = 7165.315,
    // and 7165.32 stands for at least 7165.315.
    const parts = ['3144.00', '570.17', '433.00', '1426.90', '1591.22'].map(printedInterval);
    const sum = { lo: parts.reduce((s, p) => s.plus(p.lo), dec(0)), hi: parts.reduce((s, p) => s.plus(p.hi), dec(0)) };
    expect(judgeStated('7165.32', sum).verdict).not.toBe('consistent');
    expect(judgeStated('7165.31', sum).verdict).toBe('consistent');
  });

  it('difference is stated − expected, exactly', () => {
    const j = judgeStated('50', point('85').lo);
    expect(j.difference.toString()).toBe('-35');
  });
});

describe('roundHalfUp is 四舍五入 (never banker’s rounding)', () => {
  it('rounds 2.5 → 3, 0.125 → 0.13, −2.5 → −3', () => {
    expect(roundHalfUp(dec('2.5'), 0).toString()).toBe('3');
    expect(roundHalfUp(dec('0.125'), 2).toString()).toBe('0.13');
    expect(roundHalfUp(dec('-2.5'), 0).toString()).toBe('-3');
  });
  it('formatDecimal trims trailing zeros unless fixed', () => {
    expect(formatDecimal(dec('10'))).toBe('10');
    expect(formatDecimal(dec('4.9610'))).toBe('4.96');
    expect(formatDecimal(dec('10'), 2, true)).toBe('10.00');
  });
});
