import type { AuditRule, FindingDraft } from '../types.js';
import { dec, fmt, isBlank, pct } from '../finding-helpers.js';

/** 年初预算与全年（调整后）预算相差超过规则阈值，应说明调整原因。 */
export const budgetAdjustmentExplained: AuditRule = {
  id: 'budget-adjustment-explained',
  title: { zh: '大幅预算调整应说明原因', en: 'A large budget adjustment is explained' },
  severity: 'warning',
  category: 'plausibility',
  check({ evaluation: ev, profile }) {
    const out: FindingDraft[] = [];
    const { initial, adjusted } = ev.funds.total;
    if (initial === null || adjusted === null || dec(initial).isZero()) return out;
    if (!isBlank(ev.funds.adjustmentReason)) return out;
    const change = dec(adjusted).minus(dec(initial));
    const rate = change.dividedBy(dec(initial));
    const threshold = dec(profile.audit.budgetAdjustmentThreshold);
    if (!rate.abs().greaterThan(threshold)) return out;
    const verb = change.isNegative() ? '调减' : '调增';
    out.push({
      message: `预算由年初 ${initial} 万元${verb}至 ${adjusted} 万元，变动 ${fmt(change)} 万元（${pct(rate)}%），超过规则阈值 ±${pct(threshold)}%，但未说明调整原因。`,
      location: { path: 'funds.total.adjusted', label: '年度资金总额 › 全年预算数' },
      reported: pct(rate),
      expected: null,
      difference: fmt(change),
    });
    return out;
  },
};
