import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreEvaluation } from './score-evaluation.js';

describe('score-evaluation: a score above its weight leaves the total ungradable', () => {
  const evaluation = Evaluation.parse({
    kind: 'project',
    fiscalYear: 2023,
    funds: { total: { adjusted: '100', executed: '100' } },
    budgetExecution: { weight: 10, selfScore: 10 },
    indicators: [
      { name: '产出指标', weight: 50, selfScore: 55, children: [] },
      { name: '效益指标', weight: 30, selfScore: 30, children: [] },
      { name: '满意度指标', weight: 10, selfScore: 10, children: [] },
    ],
  });
  const r = scoreEvaluation(evaluation, getProfile('national'));

  it('adds the stated level scores (10 + 55 + 30 + 10 = 105) and refuses to grade them', () => {
    expect(r.computedTotal!.toString()).toBe('105');
    expect(r.computedGrade).toBeNull();
    expect(r.ungradableReason).toBe('无法定级：“产出指标”得分 55 高于分值 50');
  });
});

describe('score-evaluation: no indicator table, no total, no grade', () => {
  const r = scoreEvaluation(
    Evaluation.parse({ kind: 'department', fiscalYear: 2023, funds: { total: { adjusted: '10', executed: '10' } }, totals: { statedScore: 99, statedGrade: '优秀' } }),
    getProfile('national'),
  );
  it('gives 无法定级 with the reason, and keeps the stated grade apart', () => {
    expect(r.computedGrade).toBeNull();
    expect(r.ungradableReason).toBe('无法定级：未列出绩效指标，无法重新计算总分');
    expect(r.statedGrade).toBe('优秀');
  });
});
