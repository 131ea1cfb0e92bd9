import { describe, expect, it } from 'vitest';
import { dec, formatDecimal, formatPercent } from './decimal.js';

describe('formatDecimal (四舍五入, for display only)', () => {
  it('rounds half up and drops trailing zeros of the fraction', () => {
    expect(formatDecimal(dec('97.835'), 2)).toBe('97.84');
    expect(formatDecimal(dec('97.8333333333333333333333333333333333333'), 2)).toBe('97.83');
    expect(formatDecimal(dec('95.50'), 2)).toBe('95.5');
    expect(formatDecimal(dec('96.00'), 2)).toBe('96');
    expect(formatDecimal(dec('-0.005'), 2)).toBe('-0.01');
    expect(formatDecimal(dec('0'), 2)).toBe('0');
  });

  it('keeps the zeros of a whole number at 0 places (10 stays 10, 100 stays 100)', () => {
    expect(formatDecimal(dec('10'), 0)).toBe('10');
    expect(formatDecimal(dec('99.5'), 0)).toBe('100');
    expect(formatDecimal(dec('0.4'), 0)).toBe('0');
    expect(formatPercent(dec('1'), 0)).toBe('100%');
  });

  it('prints every place when fixed', () => {
    expect(formatDecimal(dec('96'), 2, true)).toBe('96.00');
  });
});
