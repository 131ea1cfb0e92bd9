import type { AuditRule, FindingDraft } from '../types.js';
import { asNoteWhenIncomplete } from '../incomplete-text.js';
import { hasAnyScore } from '../finding-helpers.js';

/** 应有绩效指标表（目标值 / 实际值 / 分值 / 得分）；什么都没有计分时无法审核自评。 */
export const indicatorTablePresent: AuditRule = {
  id: 'indicator-table-present',
  title: { zh: '应有绩效指标表', en: 'An indicator table is present' },
  severity: 'error',
  category: 'completeness',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    if (ev.indicators.length > 0 || hasAnyScore(ev)) return out;
    out.push(asNoteWhenIncomplete(ev, {
      message: '没有绩效指标表（年度指标值、实际完成值、分值、得分），也没有任何得分，无法按绩效自评进行审核。',
      location: { path: 'indicators', label: '绩效指标' },
      reported: null,
      expected: null,
      difference: null,
    }));
    return out;
  },
};
