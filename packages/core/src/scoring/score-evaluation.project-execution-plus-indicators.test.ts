import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../decimal/decimal.js';
import { Evaluation } from '../model/evaluation.js';
import { scoreEvaluation } from './score-evaluation.js';

const leaf = (name: string, target: string, actual: string, weight: number) => ({ name, target, actual, weight });

// National project 自评表: 预算执行 10 + 产出 50 + 效益 30 + 满意度 10.
const project = (executed: string) =>
  Evaluation.parse({
    kind: 'project',
    fiscalYear: 2023,
    project: { name: '农村公路养护' },
    funds: { total: { initial: '90', adjusted: '100', executed } },
    indicators: [
      {
        name: '产出指标',
        weight: 50,
        children: [
          { name: '数量指标', children: [leaf('养护里程', '≥300公里', '300公里', 25)] },
          { name: '质量指标', children: [leaf('验收合格率', '≥100%', '80%', 25)] },
        ],
      },
      { name: '效益指标', weight: 30, children: [{ name: '社会效益指标', children: [leaf('通行保障率', '≥95%', '96%', 30)] }] },
      { name: '满意度指标', weight: 10, children: [{ name: '服务对象满意度指标', children: [leaf('群众满意度', '≥90%', '92%', 10)] }] },
    ],
  });

describe('score-evaluation: a national project is execution (on 全年预算数) + indicator scores; 90% execution is the 优 boundary here', () => {
  it('executed 95 of 100: 10 × 0.95 = 9.5; 25 + 25 × 80 ÷ 100 + 30 + 10 = 85; total 94.5 → 优', () => {
    const r = scoreEvaluation(project('95'));
    expect(r.execution.base).toBe('adjusted');
    expect(formatDecimal(r.execution.computed!)).toBe('9.5');
    expect(formatDecimal(r.computedIndicatorTotal!)).toBe('85');
    expect(formatDecimal(r.computedTotal!)).toBe('94.5');
    expect(formatDecimal(r.totalWeight)).toBe('100');
    expect(r.computedGrade).toBe('优');
  });
  it('executed 50 of 100 (not of the initial 90): 5 + 85 = 90, exactly the 优 lower bound', () => {
    const r = scoreEvaluation(project('50'));
    expect(formatDecimal(r.execution.computed!)).toBe('5');
    expect(formatDecimal(r.computedTotal!)).toBe('90');
    expect(r.computedGrade).toBe('优');
  });
});
