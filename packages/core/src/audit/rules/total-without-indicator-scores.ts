import type { AuditRule, FindingDraft } from '../types.js';
import { hasIndicatorScores } from '../finding-helpers.js';

/** 写了总分，但没有任何指标层面的得分支撑。 */
export const totalWithoutIndicatorScores: AuditRule = {
  id: 'total-without-indicator-scores',
  title: { zh: '总分应有指标得分支撑', en: 'A total is backed by indicator-level scores' },
  severity: 'warning',
  category: 'completeness',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const total = ev.totals.statedScore;
    if (total === null || hasIndicatorScores(ev)) return out;
    out.push({
      message: `自评总分为 ${total} 分，但没有列出任何指标的分值和得分，无法核实总分从何而来。`,
      location: { path: 'totals.statedScore', label: '总分 › 自评得分' },
      reported: total,
      expected: null,
      difference: null,
    });
    return out;
  },
};
