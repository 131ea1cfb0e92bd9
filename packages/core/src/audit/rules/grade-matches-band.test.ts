import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { gradeMatchesBand } from './grade-matches-band.js';

describe('grade-matches-band', () => {
  it('fires when 89.99 is graded 优 (优 starts at 90 under the national profile)', () => {
    const f = run(gradeMatchesBand, { totals: { statedScore: '89.99', statedGrade: '优' } });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '优', expected: '良' });
  });
  it('does not fire at the boundary: 90 graded 优', () => {
    expect(run(gradeMatchesBand, { totals: { statedScore: '90', statedGrade: '优' } })).toEqual([]);
  });
  it('says so when the grade fits the report’s own bands (优秀 from 85) but not the profile’s', () => {
    const f = run(gradeMatchesBand, {
      totals: { statedScore: '86', statedGrade: '优秀' },
      claims: [{ type: 'gradeBands', bands: [{ grade: '优秀', min: '85' }, { grade: '良好', min: '75', max: '85' }] }],
    });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('报告自述的等级区间');
  });
  it('treats 优秀 and 优 as the same grade (99 → 优秀 under hebei)', () => {
    expect(run(gradeMatchesBand, { totals: { statedScore: '99', statedGrade: '优' } }, 'hebei')).toEqual([]);
  });
});
