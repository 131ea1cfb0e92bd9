import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../decimal/decimal.js';
import { Evaluation } from '../model/evaluation.js';
import { scoreEvaluation } from './score-evaluation.js';

const leaf = (name: string, weight: number, target = '≥1', actual = '1') => ({ name, target, actual, weight });

// A national transfer (区域绩效目标自评表): the funds block has no 分值, indicators carry 100.
const transfer = (budgetExecution: Record<string, unknown>, weights: [number, number, number]) =>
  Evaluation.parse({
    kind: 'transfer',
    fiscalYear: 2021,
    project: { name: '车辆购置税收入补助地方资金' },
    funds: { total: { adjusted: '4000', executed: '3000' } },
    budgetExecution,
    indicators: [
      { name: '产出指标', children: [{ name: '数量指标', children: [leaf('建设里程', weights[0])] }] },
      { name: '效益指标', children: [{ name: '社会效益指标', children: [leaf('服务水平', weights[1])] }] },
      { name: '满意度指标', children: [{ name: '服务对象满意度指标', children: [leaf('群众满意度', weights[2], '≥90%', '80%')] }] },
    ],
  });

describe('score-evaluation: a national transfer does not score execution unless its form prints a 分值', () => {
  it('weights 50 + 30 + 20 = 100, execution at 75% adds nothing: 50 + 30 + 20 × 80 ÷ 90 = 97.78', () => {
    const r = scoreEvaluation(transfer({}, [50, 30, 20]));
    expect(formatDecimal(r.totalWeight)).toBe('100');
    expect(formatDecimal(r.computedTotal!)).toBe('97.78');
    expect(r.execution.weight!.isZero()).toBe(true);
    expect(r.explanation.join('\n')).toContain('转移支付），预算执行率不计分');
    expect(r.explanation.join('\n')).not.toContain('与规则总分');
  });
  it('a form that prints 分值 10 for execution: 10 × 3000 ÷ 4000 = 7.5 counts, with indicators 45 + 27 + 18', () => {
    // 7.5 + 45 + 27 + 18 × 80 ÷ 90 (= 16) = 95.5
    const r = scoreEvaluation(transfer({ weight: 10 }, [45, 27, 18]));
    expect(formatDecimal(r.execution.computed!)).toBe('7.5');
    expect(formatDecimal(r.totalWeight)).toBe('100');
    expect(formatDecimal(r.computedTotal!)).toBe('95.5');
  });
});
