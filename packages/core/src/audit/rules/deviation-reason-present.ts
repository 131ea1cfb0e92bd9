import type { AuditRule, FindingDraft } from '../types.js';
import { dec, fmt, isBlank, leavesIn } from '../finding-helpers.js';

/** 未达成目标或未得满分的指标，应填写偏差原因分析及改进措施。 */
export const deviationReasonPresent: AuditRule = {
  id: 'deviation-reason-present',
  title: { zh: '未达成或扣分的指标应说明偏差原因', en: 'Unmet or below-weight indicators explain the deviation' },
  severity: 'warning',
  category: 'completeness',
  check(ctx) {
    const { evaluation: ev, score } = ctx;
    const out: FindingDraft[] = [];
    const scored = new Map(score.indicators.map((s) => [s.path, s]));
    for (const { path, label, leaf } of leavesIn(ctx)) {
      if (leaf.notApplicable || !isBlank(leaf.deviationReason)) continue;
      const s = scored.get(path);
      const unmet = s?.status === 'unmet';
      const below = leaf.selfScore !== null && leaf.weight !== null && dec(leaf.selfScore).lessThan(dec(leaf.weight));
      if (!unmet && !below) continue;
      const facts = [
        leaf.target !== null ? `目标 ${leaf.target}` : null,
        leaf.actual !== null ? `实际 ${leaf.actual}` : null,
        unmet ? '未达成' : null,
        leaf.selfScore !== null ? `自评 ${leaf.selfScore} 分${leaf.weight !== null ? `（分值 ${leaf.weight} 分）` : ''}` : null,
        s?.computed != null ? `按计分公式为 ${fmt(s.computed)} 分（${s.explanation}）` : null,
      ].filter(Boolean);
      out.push({
        message: `“${leaf.name}”${facts.join('，')}，但“偏差原因分析及改进措施”为空，应说明未达成或扣分的原因。`,
        location: { path: `${path}.deviationReason`, label },
        reported: leaf.selfScore,
        expected: s?.computed != null ? fmt(s.computed) : leaf.weight,
        difference: null,
      });
    }
    return out;
  },
};
