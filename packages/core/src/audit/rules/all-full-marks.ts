import type { AuditRule, FindingDraft } from '../types.js';
import { dec, leavesIn } from '../finding-helpers.js';
import { RULES_DATA } from '../rules-data.js';

/** 所有指标都得满分：自评可能流于形式。 */
export const allFullMarks: AuditRule = {
  id: 'all-full-marks',
  title: { zh: '全部指标满分', en: 'Every indicator at full marks' },
  severity: 'warning',
  category: 'plausibility',
  check(ctx) {
    const { evaluation: ev } = ctx;
    const out: FindingDraft[] = [];
    const scored = leavesIn(ctx).filter(({ leaf }) => !leaf.notApplicable && leaf.selfScore !== null && leaf.weight !== null);
    if (scored.length < RULES_DATA.allFullMarks.minIndicators) return out;
    if (!scored.every(({ leaf }) => dec(leaf.selfScore!).equals(dec(leaf.weight!)))) return out;
    out.push({
      message: `全部 ${scored.length} 个三级指标均为满分，请核实每个指标的实际完成值是否确已达到目标，避免自评流于形式。`,
      location: { path: 'indicators', label: '绩效指标' },
      reported: String(scored.length),
      expected: null,
      difference: null,
    });
    return out;
  },
};
