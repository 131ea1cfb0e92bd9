import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreEvaluation } from './score-evaluation.js';

describe('score-evaluation: a report with a total but no indicator table', () => {
  const evaluation = Evaluation.parse({
    kind: 'department',
    fiscalYear: 2023,
    profile: 'hebei',
    funds: { total: { initial: '8779.84', adjusted: '9593.18', executed: '9565.63' } },
    totals: { statedScore: 99, statedGrade: '优秀' },
  });
  const r = scoreEvaluation(evaluation);

  it('uses the evaluation\'s own profile when none is passed', () => {
    expect(r.profile.id).toBe('hebei');
  });
  it('does not invent a total from execution alone', () => {
    expect(r.computedTotal).toBeNull();
    expect(r.computedGrade).toBeNull();
    expect(r.explanation.join('\n')).toContain('未列出绩效指标');
  });
  it('still scores execution and reports the stated figures', () => {
    expect(r.execution.computed).not.toBeNull();
    expect(r.statedTotal!.toString()).toBe('99');
    expect(r.statedGrade).toBe('优秀');
  });
});
