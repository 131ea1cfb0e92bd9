import { describe, expect, it } from 'vitest';
import { computeProjectRollup } from './compute-project-rollup.js';
import { projectOf } from './testing/project-of.js';

// A states a score; B states none but its indicator table gives one; C has neither.
const children = [
  projectOf({ name: 'A', statedScore: '95' }),
  projectOf({ name: 'B' }),
  projectOf({ name: 'C', satisfaction: null }),
];

describe('compute-project-rollup: coverage n/n, against the department’s project count when given', () => {
  it('counts a project as evaluated when it states a total or its indicators give one', () => {
    const r = computeProjectRollup(children);
    expect(r.projectCount).toBe(3);
    expect(r.evaluatedCount).toBe(2);
    expect(r.children.map((c) => c.evaluated)).toEqual([true, true, false]);
  });
  it('without a project count: 2 evaluated of the 3 given', () => {
    const r = computeProjectRollup(children);
    expect(r.coverage.evaluated).toBe(2);
    expect(r.coverage.of).toBe(3);
    expect(r.coverage.rate!.toFixed(4)).toBe('0.6667'); // 2 ÷ 3
  });
  it('with the department’s stated count of 4: 2 of 4 = 50%', () => {
    const r = computeProjectRollup(children, { projectCount: 4 });
    expect(r.expectedCount).toBe(4);
    expect(r.coverage.of).toBe(4);
    expect(r.coverage.rate!.toString()).toBe('0.5');
  });
  it('a stated count of 0 gives no rate (nothing to divide by)', () => {
    expect(computeProjectRollup([], { projectCount: 0 }).coverage.rate).toBeNull();
  });
});
