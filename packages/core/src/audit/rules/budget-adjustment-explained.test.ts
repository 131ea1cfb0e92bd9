import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { budgetAdjustmentExplained } from './budget-adjustment-explained.js';

const input = (initial: string, adjusted: string, reason: string | null = null) => ({
  funds: { total: { initial, adjusted }, adjustmentReason: reason },
});

describe('budget-adjustment-explained', () => {
  it('fires when 7319.56 is cut to 1770.59 (−75.81%) with no reason', () => {
    const f = run(budgetAdjustmentExplained, input('7319.56', '1770.59'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '-75.81', difference: '-5548.97' });
    expect(f[0]!.message).toContain('-75.81%');
  });
  it('does not fire at the boundary: exactly +10% (100 → 110) under a 10% threshold', () => {
    expect(run(budgetAdjustmentExplained, input('100', '110'))).toEqual([]);
  });
  it('fires just over the threshold (100 → 110.01)', () => {
    expect(run(budgetAdjustmentExplained, input('100', '110.01'))).toHaveLength(1);
  });
  it('does not fire when the adjustment is explained', () => {
    expect(run(budgetAdjustmentExplained, input('7319.56', '1770.59', '人员经费改由区财政统一发放'))).toEqual([]);
  });
});
