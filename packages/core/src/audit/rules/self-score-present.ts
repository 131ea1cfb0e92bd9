import type { AuditRule, FindingDraft } from '../types.js';
import { asNoteWhenIncomplete } from '../incomplete-text.js';
import { fmt } from '../finding-helpers.js';

/** 自评报告应写明自评总分。 */
export const selfScorePresent: AuditRule = {
  id: 'self-score-present',
  title: { zh: '应写明自评得分', en: 'A self-evaluation score is stated' },
  severity: 'error',
  category: 'completeness',
  check({ evaluation: ev, score }) {
    const out: FindingDraft[] = [];
    if (ev.totals.statedScore !== null) return out;
    if (ev.claims.some((c) => c.type === 'figure' && c.field === 'selfScore')) return out;
    const computed = score.computedTotal;
    out.push(asNoteWhenIncomplete(ev, {
      message: computed
        ? `未写明自评总分；按所列各项得分计算为 ${fmt(computed)} 分，请填报。`
        : '未写明自评总分，无法作为绩效自评审核。',
      location: { path: 'totals.statedScore', label: '总分 › 自评得分' },
      reported: null,
      expected: null,
      difference: null,
    }));
    return out;
  },
};
