import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreEvaluation } from './score-evaluation.js';

describe('score-evaluation: a leaf that cannot be computed counts with its stated score, and says so', () => {
  const evaluation = Evaluation.parse({
    kind: 'project',
    fiscalYear: 2023,
    funds: { total: { adjusted: '100', executed: '100' } },
    indicators: [
      {
        name: '产出指标',
        weight: 20,
        children: [
          {
            name: '质量指标',
            children: [
              { name: '会议控制率', target: '低于达到0.5%及以上', actual: '0.3%', weight: 10, selfScore: 9 },
              { name: '完成率', target: '≥90%', actual: '90%', weight: 10, selfScore: 10 },
            ],
          },
        ],
      },
    ],
  });
  const r = scoreEvaluation(evaluation, getProfile('national'));

  it('keeps the level-1 computed sum to the computable leaf', () => {
    expect(r.level1[0]!.computed!.toString()).toBe('10');
    expect(r.level1[0]!.explanation).toContain('“会议控制率”无法计算，采用填报得分 9');
  });
  it('adds the stated 9 into the total as the best available', () => {
    expect(r.computedTotal!.toString()).toBe('29');
    expect(r.computedIndicatorTotal!.toString()).toBe('19');
  });
  it('reports that the weights do not add up to the profile total', () => {
    expect(r.totalWeight.toString()).toBe('30');
    expect(r.explanation.join('\n')).toContain('与规则总分 100 不一致');
  });
});
