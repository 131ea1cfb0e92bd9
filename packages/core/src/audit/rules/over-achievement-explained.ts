import type { AuditRule, FindingDraft } from '../types.js';
import { dec, isBlank, leavesIn, pct } from '../finding-helpers.js';

/** 实际完成值达到目标值的规则阈值（如 120%）及以上，应说明超额原因（目标是否定得过低）。 */
export const overAchievementExplained: AuditRule = {
  id: 'over-achievement-explained',
  title: { zh: '大幅超额完成应说明原因', en: 'Large over-achievement is explained' },
  severity: 'info',
  category: 'plausibility',
  check(ctx) {
    const { evaluation: ev, score, profile } = ctx;
    const out: FindingDraft[] = [];
    const threshold = dec(profile.quantitative.overAchievementThreshold);
    const byPath = new Map(leavesIn(ctx).map((l) => [l.path, l]));
    for (const s of score.indicators) {
      if (s.status !== 'over_achieved' || s.achievement === null) continue;
      const l = byPath.get(s.path);
      if (!l || !isBlank(l.leaf.deviationReason)) continue;
      out.push({
        message: `“${s.name}”实际 ${l.leaf.actual ?? ''} 为目标 ${l.leaf.target ?? ''} 的 ${pct(s.achievement)}%，达到超额完成阈值 ${pct(threshold)}%，但未说明超额原因；请说明是否目标设定偏低。`,
        location: { path: `${s.path}.deviationReason`, label: l.label },
        reported: pct(s.achievement),
        expected: pct(threshold),
        difference: null,
      });
    }
    return out;
  },
};
