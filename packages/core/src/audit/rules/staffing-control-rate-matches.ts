import type { AuditRule, FindingDraft } from '../types.js';
import { figuresOf } from '../finding-helpers.js';
import { statedPercents } from '../stated-percents.js';

/** 在职人员控制率 = 实际在职人数 ÷ 编制数。 */
export const staffingControlRateMatches: AuditRule = {
  id: 'staffing-control-rate-matches',
  title: { zh: '在职人员控制率应等于在职人数 ÷ 编制数', en: 'Staffing control rate equals actual ÷ authorized headcount' },
  severity: 'error',
  category: 'accuracy',
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const p of statedPercents(ctx)) {
      if (p.kind !== 'staffing') continue;
      const j = p.judgement;
      if (j.verdict !== 'inconsistent') continue;
      const f = figuresOf(p.stated, j);
      out.push({
        message: `在职人员控制率填报为 ${p.stated}%，按 ${p.formula} 计算应为 ${f.expected}%；无法判断是控制率还是人数填错。`,
        location: { path: p.path, label: p.label },
        ...f,
      });
    }
    return out;
  },
};
