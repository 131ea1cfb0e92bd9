import { describe, expect, it } from 'vitest';
import { getProfile } from '../profiles/get-profile.js';
import { scoreEvaluation } from './score-evaluation.js';
import { projectOf } from './testing/project-of.js';

describe('score-evaluation: a complete table out of 100 is graded', () => {
  const r = scoreEvaluation(projectOf({ name: '示例项目', funds: { adjusted: '100', executed: '95' }, satisfaction: '90' }), getProfile('national'));

  it('grades 9.5 + 50 + 30 + 10 = 99.5 as 优', () => {
    expect(r.computedTotal!.toString()).toBe('99.5');
    expect(r.computedGrade).toBe('优');
    expect(r.gradeBlockers).toEqual([]);
    expect(r.ungradableReason).toBeNull();
  });
  it('names the sources of the execution, the weights and the grade bands', () => {
    expect(r.execution.knobs).toEqual(['execution.base', 'execution.cap']);
    expect(r.basis.map((b) => b.knob)).toEqual(
      expect.arrayContaining(['execution.base', 'weights.level1.project', 'weights.total', 'grades']),
    );
  });
});
