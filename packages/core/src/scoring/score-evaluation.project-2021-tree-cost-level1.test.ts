import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../decimal/decimal.js';
import { Evaluation } from '../model/evaluation.js';
import { matchLevel1Template } from '../profiles/match-level1-template.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreEvaluation } from './score-evaluation.js';

const one = (l1: string, l2: string, name: string, target: string, actual: string, weight: number) => ({
  name: l1,
  weight,
  children: [{ name: l2, children: [{ name, target, actual, weight }] }],
});

// The 2021 tree (财预〔2021〕101号): 成本 is a level-1 indicator: 10 + 40 + 10 + 30 + 10 = 100.
const evaluation = Evaluation.parse({
  kind: 'project',
  fiscalYear: 2022,
  project: { name: '执法服装购置' },
  funds: { total: { adjusted: '3.75', executed: '3.75' } },
  indicators: [
    one('产出指标', '数量指标', '服装套数', '≥9套', '9套', 40),
    one('成本指标', '经济成本指标', '单价', '≤0.4163万元', '0.4163万元', 10),
    one('效益指标', '社会效益指标', '执法规范程度', '提高', '提高', 30),
    one('满意度指标', '服务对象满意度指标', '执法人员满意度', '≥95%', '95%', 10),
  ],
});

describe('score-evaluation: the 2021 tree with 成本指标 at level 1 adds up to the same 100, at the cost target boundary (actual = target)', () => {
  const r = scoreEvaluation(evaluation, getProfile('national'));
  it('scores the cost indicator at its target 0.4163 in full and totals 100', () => {
    expect(r.level1.map((l) => formatDecimal(l.computed!))).toEqual(['40', '10', '30', '10']);
    expect(formatDecimal(r.totalWeight)).toBe('100');
    expect(formatDecimal(r.computedTotal!)).toBe('100');
    expect(r.explanation.join('\n')).not.toContain('不一致');
  });
  it('matches 成本指标 to the 2021 alternative tree of the national profile', () => {
    expect(matchLevel1Template('成本指标', 'project', getProfile('national'))).toMatchObject({ weight: '10', alternative: expect.stringContaining('2021') });
  });
});
