import type { AuditRule, FindingDraft } from '../types.js';
import { COLUMNS, COLUMN_LABELS, FUND_FIELD_LABELS, dec, fmt, leavesIn } from '../finding-helpers.js';
import { RULES_DATA } from '../rules-data.js';

/**
 * 成本指标的实际完成值应是全部支出；若恰好等于某一部分资金（如一般公共预算一项），
 * 多半只统计了部分资金。
 */
export const costActualMatchesTotal: AuditRule = {
  id: 'cost-actual-matches-total',
  title: { zh: '成本指标实际值应为全部支出', en: 'A cost actual is the whole expenditure, not a part' },
  severity: 'warning',
  category: 'consistency',
  check(ctx) {
    const { evaluation: ev, score } = ctx;
    const out: FindingDraft[] = [];
    const total = ev.funds.total.executed;
    if (total === null) return out;
    const f = ev.funds;
    const partials: Array<{ label: string; value: string }> = [];
    for (const r of f.bySource) for (const c of COLUMNS) if (r[c] !== null) partials.push({ label: `${r.label ?? r.source}（${COLUMN_LABELS[c]}）`, value: r[c]! });
    for (const key of ['basic', 'project', 'personnel', 'operating'] as const)
      for (const c of COLUMNS) if (f[key][c] !== null) partials.push({ label: `${FUND_FIELD_LABELS[key]}（${COLUMN_LABELS[c]}）`, value: f[key][c]! });
    const cfg = RULES_DATA.costIndicator;
    const scored = new Map(score.indicators.map((s) => [s.path, s]));
    for (const l of leavesIn(ctx)) {
      const isCost = cfg.level2Keywords.some((k) => l.level2.includes(k)) || cfg.level1Keywords.some((k) => l.level1.includes(k));
      if (!isCost) continue;
      const a = scored.get(l.path)?.actual;
      if (!a || a.kind !== 'quantitative' || a.percent) continue;
      if (a.value.equals(dec(total))) continue;
      const hit = partials.find((p) => dec(p.value).equals(a.value));
      if (!hit) continue;
      out.push({
        message: `成本指标“${l.leaf.name}”的实际完成值 ${l.leaf.actual} 等于${hit.label} ${hit.value} 万元，只是资金的一部分；全年执行总额为 ${total} 万元。成本指标应按全部支出填报，否则无法判断支出是否控制在目标内。`,
        location: { path: `${l.path}.actual`, label: l.label },
        reported: fmt(a.value),
        expected: total,
        difference: fmt(a.value.minus(dec(total))),
      });
    }
    return out;
  },
};
