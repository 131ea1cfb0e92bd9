import type { AuditRule, FindingDraft } from '../types.js';
import { figuresOf } from '../finding-helpers.js';
import { statedPercents } from '../stated-percents.js';

/** 文中“较上年增长（下降）x%”应等于变动额除以上年数（在所写精度内）。 */
export const changeClaimMatches: AuditRule = {
  id: 'change-claim-matches',
  title: { zh: '文中增减比例应等于变动额除以上年数', en: 'Stated changes on last year equal the change over last year' },
  severity: 'error',
  category: 'accuracy',
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const p of statedPercents(ctx)) {
      if (p.kind !== 'change' || p.judgement.verdict !== 'inconsistent') continue;
      const f = figuresOf(p.stated, p.judgement);
      out.push({
        message: `文中增减比例为 ${p.stated}%，但 ${p.formula} = ${f.expected}%，相差 ${f.difference} 个百分点；无法判断是比例还是所引金额有误。${p.text ? `原文：“${p.text}”` : ''}`,
        location: { path: p.path, label: p.label },
        ...f,
      });
    }
    return out;
  },
};
