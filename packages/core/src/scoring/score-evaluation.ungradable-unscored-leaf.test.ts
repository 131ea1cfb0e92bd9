import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreEvaluation } from './score-evaluation.js';

describe('score-evaluation: an indicator neither computable nor scored leaves the total ungradable', () => {
  const evaluation = Evaluation.parse({
    kind: 'project',
    fiscalYear: 2023,
    funds: { total: { adjusted: '100', executed: '100' } },
    budgetExecution: { weight: 10 },
    indicators: [
      {
        name: '产出指标',
        weight: 50,
        children: [
          {
            name: '数量指标',
            children: [
              { name: '完成数量', target: '≥10个', actual: '10个', weight: 40 },
              { name: '培训人次', target: '≥100人次', weight: 10 },
            ],
          },
        ],
      },
      { name: '效益指标', weight: 30, children: [{ name: '社会效益指标', children: [{ name: '覆盖率', target: '≥90%', actual: '95%', weight: 30 }] }] },
      { name: '满意度指标', weight: 10, children: [{ name: '满意度指标', children: [{ name: '满意度', target: '≥90%', actual: '92%', weight: 10 }] }] },
    ],
  });
  const r = scoreEvaluation(evaluation, getProfile('national'));

  it('still adds what it can (10 + 40 + 30 + 10 = 90) but gives no grade', () => {
    expect(r.computedTotal!.toString()).toBe('90');
    expect(r.totalWeight.toString()).toBe('100');
    expect(r.computedGrade).toBeNull();
  });
  it('says which indicator is unscored', () => {
    expect(r.ungradableReason).toBe('无法定级：“培训人次”既无法计算也未填报得分');
  });
});
