import type { AuditRule, FindingDraft } from '../types.js';
import { asNoteWhenIncomplete } from '../incomplete-text.js';

/**
 * 应写明评价等级。Without a stated grade the grade still follows from a stated score
 * (the grade rules check that); with neither, nothing can be graded.
 */
export const gradePresent: AuditRule = {
  id: 'grade-present',
  title: { zh: '应写明评价等级', en: 'A grade is stated' },
  severity: 'error',
  category: 'completeness',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    if (ev.totals.statedGrade !== null && ev.totals.statedGrade.trim() !== '') return out;
    if (ev.claims.some((c) => c.type === 'figure' && (c.field === 'grade' || c.field === 'selfScore'))) return out;
    if (ev.totals.statedScore !== null) return out;
    out.push(asNoteWhenIncomplete(ev, {
      message: '未写明评价等级，也没有可据以定级的自评总分。',
      location: { path: 'totals.statedGrade', label: '评价等级' },
      reported: null,
      expected: null,
      difference: null,
    }));
    return out;
  },
};
