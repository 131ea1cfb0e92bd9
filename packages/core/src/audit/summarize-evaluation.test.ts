import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreEvaluation } from '../scoring/index.js';
import { summarizeEvaluation } from './summarize-evaluation.js';

describe('summarizeEvaluation', () => {
  it('gives the stable figures shape with decimal strings, the rate in percent', () => {
    const ev = Evaluation.parse({
      kind: 'department',
      fiscalYear: 2023,
      profile: 'hebei',
      funds: { total: { initial: '8779.84', adjusted: '9593.18', executed: '9565.63' }, basic: { executed: '3483.94' }, project: { executed: '6081.69' } },
      totals: { statedScore: '99', statedGrade: '优秀' },
    });
    const figures = summarizeEvaluation(ev, scoreEvaluation(ev, getProfile('hebei')));
    expect(figures).toEqual({
      initialBudget: '8779.84',
      adjustedBudget: '9593.18',
      executed: '9565.63',
      executionRate: '99.71',
      basicExpenditure: '3483.94',
      projectExpenditure: '6081.69',
      personnel: null,
      operating: null,
      selfScore: '99',
      computedScore: null,
      grade: '优秀',
    });
  });
  it('falls back to the computed grade and gives nulls where nothing is known', () => {
    const ev = Evaluation.parse({
      kind: 'project',
      fiscalYear: 2023,
      budgetExecution: { weight: '10', selfScore: '10' },
      funds: { total: { adjusted: '10', executed: '10' } },
      indicators: [{ name: '产出指标', children: [{ name: '数量指标', children: [{ name: 'a', target: '≥1', actual: '1', weight: '90', selfScore: '90' }] }] }],
    });
    const figures = summarizeEvaluation(ev, scoreEvaluation(ev, getProfile('national')));
    expect(figures).toMatchObject({ initialBudget: null, executionRate: '100', selfScore: null, computedScore: '100', grade: '优' });
  });
});
