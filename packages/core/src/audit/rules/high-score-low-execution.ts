import type { AuditRule, FindingDraft } from '../types.js';
import { dec, fmt, pct } from '../finding-helpers.js';
import { RULES_DATA } from '../rules-data.js';

/** 总分达到最高等级，预算执行率却偏低：绩效与资金使用不相称。 */
export const highScoreLowExecution: AuditRule = {
  id: 'high-score-low-execution',
  title: { zh: '高分低执行', en: 'High score with low budget execution' },
  severity: 'warning',
  category: 'plausibility',
  check({ evaluation: ev, profile, score }) {
    const out: FindingDraft[] = [];
    const total = ev.totals.statedScore !== null ? dec(ev.totals.statedScore) : score.computedTotal;
    const rate = score.execution.rate;
    if (total === null || rate === null) return out;
    const top = [...profile.grades].sort((a, b) => dec(b.min).comparedTo(dec(a.min)))[0]!;
    const threshold = dec(profile.execution.explanationBelow ?? RULES_DATA.highScoreLowExecution.defaultExplanationBelow);
    if (total.lessThan(dec(top.min)) || !rate.lessThan(threshold)) return out;
    out.push({
      message: `总分 ${fmt(total)} 分达到“${top.name}”，但预算执行率只有 ${pct(rate)}%（低于 ${pct(threshold)}%），请说明资金未按预算使用而绩效仍为最高等级的原因。`,
      location: { path: 'budgetExecution.statedRate', label: '预算执行率' },
      reported: pct(rate),
      expected: pct(threshold),
      difference: null,
    });
    return out;
  },
};
