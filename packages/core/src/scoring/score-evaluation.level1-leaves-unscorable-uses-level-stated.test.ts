import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { Profile } from '../profiles/profile.js';
import { scoreEvaluation } from './score-evaluation.js';

const evaluation = Evaluation.parse({
  kind: 'project',
  fiscalYear: 2023,
  funds: { total: { adjusted: '100', executed: '80' } },
  budgetExecution: { weight: 10 },
  indicators: [
    {
      name: '产出指标',
      weight: 50,
      selfScore: 45,
      children: [{ name: '数量指标', children: [{ name: '覆盖率', target: '≥90%', actual: '见附件', weight: 50 }] }],
    },
    {
      name: '效益指标',
      weight: 40,
      children: [{ name: '社会效益', children: [{ name: '满意度', target: '≥90%', actual: '90%', weight: 40 }] }],
    },
  ],
});

describe('score-evaluation: leaves that cannot be computed and carry no scores fall back to the level score', () => {
  const r = scoreEvaluation(evaluation, getProfile('national'));

  it('uses the level-1 stated 45 and says so', () => {
    expect(r.level1[0]!.computed).toBeNull();
    expect(r.level1[0]!.explanation).toContain('三级指标均无法计算，采用填报得分 45');
  });
  it('total = 8 + 45 + 40 = 93', () => {
    expect(r.computedTotal!.toString()).toBe('93');
    expect(r.explanation[0]).toContain('产出指标（填报） 45');
  });
  it('leaves execution out of the total when the profile says the total excludes it', () => {
    const excl = Profile.parse({
      ...getProfile('national'),
      weights: { ...getProfile('national').weights, totalIncludesBudgetExecution: false },
    });
    const x = scoreEvaluation(evaluation, excl);
    expect(x.computedTotal!.toString()).toBe('85');
    expect(x.totalWeight.toString()).toBe('90');
    expect(x.execution.computed!.toString()).toBe('8');
    expect(x.explanation.join('\n')).toContain('总分不含预算执行得分');
  });
});
