import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { gradePresent } from './grade-present.js';

describe('grade-present', () => {
  it('fires when neither a grade nor a score is stated', () => {
    expect(run(gradePresent, {})).toHaveLength(1);
  });
  it('does not fire when a score is stated without a grade (the grade follows from the bands)', () => {
    expect(run(gradePresent, { totals: { statedScore: '99' } })).toEqual([]);
  });
  it('does not fire when a grade is stated', () => {
    expect(run(gradePresent, { totals: { statedGrade: '优' } })).toEqual([]);
  });
});
