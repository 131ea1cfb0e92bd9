import type { AuditRule, FindingDraft } from '../types.js';
import { figuresOf } from '../finding-helpers.js';
import { statedPercents } from '../stated-percents.js';

/** 文中“占……的 x%”“完成率 x%”应等于所述两数之商（在所写精度内）。 */
export const shareClaimMatches: AuditRule = {
  id: 'share-claim-matches',
  title: { zh: '文中比例应等于所述两数之商', en: 'Stated shares equal the quotient of the stated figures' },
  severity: 'error',
  category: 'accuracy',
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const p of statedPercents(ctx)) {
      if (p.kind !== 'share') continue;
      const j = p.judgement;
      if (j.verdict !== 'inconsistent') continue;
      const f = figuresOf(p.stated, j);
      out.push({
        message: `文中比例为 ${p.stated}%，但 ${p.formula} = ${f.expected}%，相差 ${f.difference} 个百分点；无法判断是比例还是所引金额（数量）有误。${p.text ? `原文：“${p.text}”` : ''}`,
        location: { path: p.path, label: p.label },
        ...f,
      });
    }
    return out;
  },
};
