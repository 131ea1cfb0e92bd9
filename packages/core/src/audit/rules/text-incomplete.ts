import type { AuditRule, FindingDraft } from '../types.js';
import { incompleteOf, incompleteReason } from '../incomplete-text.js';

const PART: Record<string, string> = { funds: '资金表', indicators: '绩效指标表', scores: '得分表', goals: '绩效目标', prose: '正文' };

/** 文本不完整：只审核所见部分，缺项只作提示。 */
export const textIncomplete: AuditRule = {
  id: 'text-incomplete',
  title: { zh: '文本不完整', en: 'The text is not the whole report' },
  severity: 'info',
  category: 'completeness',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const inc = incompleteOf(ev);
    if (!inc) return out;
    const where = inc.cutIn ? (inc.reason === 'rows_unread' ? `（${PART[inc.cutIn]}）` : `，中断处在${PART[inc.cutIn]}中`) : '';
    out.push({
      message: `${incompleteReason(ev)}${where}：只审核了所见部分；缺少的表格、得分或等级只作提示，表中合计不与只读到一部分的明细比较。`,
      location: { path: 'source', label: '文本' },
      reported: null,
      expected: null,
      difference: null,
    });
    return out;
  },
};
