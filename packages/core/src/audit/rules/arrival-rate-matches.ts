import type { AuditRule, FindingDraft } from '../types.js';
import { figuresOf } from '../finding-helpers.js';
import { statedPercents } from '../stated-percents.js';

/**
 * 资金到位率 = 资金到位数 ÷ 全年预算数（下达数）, judged at the printed precision (transfer
 * forms and some project forms print it).
 */
export const arrivalRateMatches: AuditRule = {
  id: 'arrival-rate-matches',
  title: { zh: '资金到位率应等于到位数 ÷ 全年预算数', en: 'Arrival rate equals arrived ÷ the full-year budget' },
  severity: 'error',
  category: 'accuracy',
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const p of statedPercents(ctx)) {
      if (p.kind !== 'arrival' || p.judgement.verdict !== 'inconsistent') continue;
      const f = figuresOf(p.stated, p.judgement);
      out.push({
        message: `资金到位率填报为 ${p.stated}%，按 ${p.formula} 计算应为 ${f.expected}%；无法判断是到位率还是金额填错。`,
        location: { path: p.path, label: p.label },
        ...f,
      });
    }
    return out;
  },
};
