import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreEvaluation } from './score-evaluation.js';

// Henan style: level-1 scores only, no level-3 indicators listed.
const evaluation = Evaluation.parse({
  kind: 'department',
  fiscalYear: 2021,
  profile: 'henan',
  funds: { total: { initial: '7319.56', adjusted: '1770.59', executed: '1770.59' } },
  budgetExecution: { weight: 10, selfScore: 3 },
  indicators: [
    { name: '投入管理指标', weight: 20, selfScore: 18 },
    { name: '产出指标', weight: 40, selfScore: 40 },
    { name: '效益指标', weight: 30, selfScore: 30 },
  ],
  totals: { statedScore: 91, statedGrade: '优' },
});

describe('score-evaluation: a level-1 node without leaves counts with its stated score', () => {
  const r = scoreEvaluation(evaluation, getProfile('henan'));

  it('uses each stated level-1 score as the best available and says so', () => {
    expect(r.level1.map((l) => l.computed)).toEqual([null, null, null]);
    expect(r.level1[0]!.explanation).toContain('采用填报得分 18');
    expect(r.level1[0]!.childWeightSum).toBeNull();
  });

  it('recomputes execution on the adjusted base: total = 10 + 18 + 40 + 30 = 98', () => {
    expect(r.execution.computed!.toString()).toBe('10');
    expect(r.computedTotal!.toString()).toBe('98');
    expect(r.totalWeight.toString()).toBe('100');
    expect(r.statedTotal!.toString()).toBe('91');
    expect(r.explanation[0]).toContain('投入管理指标（填报） 18');
  });

  it('grades both and stamps the profile', () => {
    expect(r.computedGrade).toBe('优');
    expect(r.statedGrade).toBe('优');
    expect(r.profile).toEqual({ id: 'henan', version: getProfile('henan').version, name: getProfile('henan').name });
  });
});
