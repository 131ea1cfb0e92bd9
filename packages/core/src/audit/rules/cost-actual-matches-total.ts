import type { AuditRule, FindingDraft } from '../types.js';
import { COLUMNS, COLUMN_LABELS, FUND_FIELD_LABELS, dec, fmt, leavesIn } from '../finding-helpers.js';
import { RULES_DATA } from '../rules-data.js';

const squeeze = (s: string) => s.replace(/[\s\u3000]/g, '');

/**
 * Whether a cost indicator's name says it measures the whole project's cost ("费用开支控制在
 * 预算内", "项目总成本"), not a unit cost (亩均, 人均 …) or one item: only then should its actual
 * be the total spending (phrase lists in rules-data.json).
 */
export function namesTotalCost(name: string): boolean {
  const cfg = RULES_DATA.costIndicator;
  const n = squeeze(name);
  return cfg.totalPhrases.some((p) => n.includes(p)) && !cfg.unitCostPhrases.some((p) => n.includes(p));
}

/**
 * 以项目全部支出为口径的成本指标（名称写明总成本、费用开支控制在预算内等），实际完成值恰好
 * 等于某一部分资金（如一般公共预算一项）时，可能只统计了部分资金。单位成本（亩均、人均）和
 * 分项成本不在此列；消息说明无法确定口径。
 */
export const costActualMatchesTotal: AuditRule = {
  id: 'cost-actual-matches-total',
  title: { zh: '总成本指标的实际值可能只计了部分资金', en: 'A total-cost actual may count only part of the funds' },
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
      if (!isCost || !namesTotalCost(l.leaf.name)) continue;
      const a = scored.get(l.path)?.actual;
      if (!a || a.kind !== 'quantitative' || a.percent) continue;
      if (a.value.equals(dec(total))) continue;
      const hit = partials.find((p) => dec(p.value).equals(a.value));
      if (!hit) continue;
      out.push({
        message: `成本指标“${l.leaf.name}”的实际完成值 ${l.leaf.actual} 恰好等于${hit.label} ${hit.value} 万元，而全年执行总额为 ${total} 万元。按指标名称，它计量的是全部支出，实际值可能只统计了这一部分资金；如本指标的口径就是这部分资金，请在偏差原因中写明口径。`,
        location: { path: `${l.path}.actual`, label: l.label },
        reported: fmt(a.value),
        expected: total,
        difference: fmt(a.value.minus(dec(total))),
      });
    }
    return out;
  },
};
