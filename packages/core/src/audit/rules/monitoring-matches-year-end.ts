import { dec } from '../../decimal/decimal.js';
import { parseActual } from '../../targets/parse-actual.js';
import { normaliseTargetText } from '../../targets/normalise-target-text.js';
import { fmt, isBlank, leavesIn, pct } from '../finding-helpers.js';
import type { AuditRule, FindingDraft } from '../types.js';

/**
 * 年中运行监控与年末自评应前后一致：监控时报告“能完成”、年末却未完成的指标须说明原因；
 * 监控时的全年预计完成值与年末实际完成值相差过大（超过评分规则的 monitoring.forecastTolerance）应核实。
 * Runs only when the caller passes the year's last monitoring return.
 */
export const monitoringMatchesYearEnd: AuditRule = {
  id: 'monitoring-matches-year-end',
  title: { zh: '年末完成情况应与运行监控一致', en: 'Year-end results agree with the mid-year monitoring' },
  severity: 'warning',
  category: 'plausibility',
  check(ctx) {
    const m = ctx.monitoring;
    if (!m) return [];
    const period = `运行监控（1–${m.periodEndMonth}月）`;
    const status = new Map(ctx.score.indicators.map((s) => [s.path, s.status]));
    const leaves = leavesIn(ctx);
    const tolerance = dec(ctx.profile.monitoring.forecastTolerance);
    const out: FindingDraft[] = [];
    for (const e of m.entries) {
      const l = leaves.find((x) => x.leaf.id === e.indicatorId) ?? leaves.find((x) => normaliseTargetText(x.leaf.name) === normaliseTargetText(e.name));
      if (!l) continue;
      const unmet = status.get(l.path) === 'unmet' || (l.leaf.qualitativeLevel !== null && l.leaf.qualitativeLevel !== 'achieved');
      if (e.willMeet === true && unmet && isBlank(l.leaf.deviationReason)) {
        out.push({
          message: `${period}报告“${l.leaf.name}”预计能完成全年目标，年末实际 ${l.leaf.actual ?? '（空）'} 未完成，且未说明原因；请在“偏差原因分析及改进措施”中说明监控后发生了什么。`,
          location: { path: `${l.path}.deviationReason`, label: l.label },
          reported: l.leaf.actual,
          expected: l.leaf.target,
          difference: null,
        });
      }
      if (e.forecast === null || l.leaf.actual === null) continue;
      const f = parseActual(e.forecast);
      const a = parseActual(l.leaf.actual);
      if (f.kind !== 'quantitative' || a.kind !== 'quantitative' || a.value.isZero()) continue;
      const gap = f.value.minus(a.value).abs().div(a.value.abs());
      if (!gap.greaterThan(tolerance)) continue;
      out.push({
        message: `${period}预计“${l.leaf.name}”全年完成 ${e.forecast}，年末实际为 ${l.leaf.actual}，相差 ${pct(gap)}%（超过 ${pct(tolerance)}%）；请核实监控预计或年末数据。`,
        location: { path: `${l.path}.actual`, label: l.label },
        reported: l.leaf.actual,
        expected: e.forecast,
        difference: fmt(a.value.minus(f.value)),
      });
    }
    return out;
  },
};
