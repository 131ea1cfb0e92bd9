import type { AuditRule, FindingDraft } from '../types.js';
import { figuresOf } from '../finding-helpers.js';
import { statedPercents } from '../stated-percents.js';

/** 得分率 = 得分 ÷ 分值。 */
export const scoreRateMatches: AuditRule = {
  id: 'score-rate-matches',
  title: { zh: '得分率应等于得分 ÷ 分值', en: 'Score rate equals score ÷ weight' },
  severity: 'error',
  category: 'accuracy',
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const p of statedPercents(ctx)) {
      if (p.kind !== 'scoreRate') continue;
      const j = p.judgement;
      if (j.verdict !== 'inconsistent') continue;
      const f = figuresOf(p.stated, j);
      out.push({
        message: `${p.label}填报为 ${p.stated}%，按 ${p.formula} 计算应为 ${f.expected}%；无法判断是得分率还是得分、分值填错。`,
        location: { path: p.path, label: p.label },
        ...f,
      });
    }
    return out;
  },
};
