import { describe, expect, it } from 'vitest';
import { computeProjectRollup } from './compute-project-rollup.js';
import { projectOf } from './testing/project-of.js';

// Three projects; C leaves 全年执行数 blank, and only B states 资金到位数.
const children = [
  projectOf({ name: 'A', funds: { initial: '100', adjusted: '120', executed: '110' } }),
  projectOf({ name: 'B', funds: { initial: '50', adjusted: '50', executed: '45.5', arrived: '50' } }),
  projectOf({ name: 'C', funds: { initial: '30', adjusted: '30', executed: null } }),
];

describe('compute-project-rollup: a blank cell is unknown, never zero', () => {
  const r = computeProjectRollup(children);

  it('sums each column over the children that state it and counts the blanks', () => {
    // 100 + 50 + 30 = 180; 120 + 50 + 30 = 200; 110 + 45.5 = 155.5 (C unknown); arrived 50 (A, C unknown)
    expect(r.funds.initial.sum.toString()).toBe('180');
    expect(r.funds.adjusted.sum.toString()).toBe('200');
    expect([r.funds.executed.sum.toString(), r.funds.executed.known, r.funds.executed.unknown]).toEqual(['155.5', 2, 1]);
    expect([r.funds.arrived.sum.toString(), r.funds.arrived.known, r.funds.arrived.unknown]).toEqual(['50', 1, 2]);
    expect(r.funds.executed.values).toEqual(['110', '45.5']);
  });
  it('computes the execution rate only over children that state both executed and adjusted', () => {
    // (110 + 45.5) ÷ (120 + 50) = 155.5 ÷ 170 = 0.914705882…; C (executed blank) is left out, not counted as 0
    expect(r.execution.count).toBe(2);
    expect(r.execution.missing).toBe(1);
    expect(r.execution.executed.toString()).toBe('155.5');
    expect(r.execution.adjusted.toString()).toBe('170');
    expect(r.execution.rate!.toFixed(6)).toBe('0.914706');
  });
  it('has no execution rate when no child states both columns', () => {
    const none = computeProjectRollup([projectOf({ name: 'X', funds: { adjusted: '10' } })]);
    expect(none.execution.rate).toBeNull();
    expect(none.funds.executed.unknown).toBe(1);
  });
});
