import type { AuditRule, FindingDraft } from '../types.js';
import { dec, fmt, pct } from '../finding-helpers.js';

/** 执行数超过预算数（超预算支出）。 */
export const overExecution: AuditRule = {
  id: 'over-execution',
  title: { zh: '执行数超过预算', en: 'Executed exceeds the budget' },
  severity: 'warning',
  category: 'plausibility',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const { initial, adjusted, executed } = ev.funds.total;
    const budget = adjusted ?? initial;
    if (executed === null || budget === null || dec(budget).isZero()) return out;
    const over = dec(executed).minus(dec(budget));
    if (!over.greaterThan(0)) return out;
    const which = adjusted !== null ? '全年（调整后）预算' : '预算';
    const missing =
      adjusted === null && ev.budgetExecution.statedRate === null
        ? '报告未给出调整后预算，也未写执行率，无法判断超出部分是否经过预算调整。'
        : '请说明超预算支出的依据。';
    out.push({
      message: `执行数 ${executed} 万元超过${which} ${budget} 万元，多 ${fmt(over)} 万元（${pct(over.dividedBy(dec(budget)))}%）；${missing}`,
      location: { path: 'funds.total.executed', label: '年度资金总额 › 全年执行数' },
      reported: executed,
      expected: budget,
      difference: fmt(over),
    });
    return out;
  },
};
