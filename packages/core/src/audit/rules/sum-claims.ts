import type { AuditRule, FindingDraft } from '../types.js';
import { CANNOT_TELL, sumDiscrepancy } from '../finding-helpers.js';

/** 文中“其中……”列出的分项之和应等于所述合计。 */
export const sumClaims: AuditRule = {
  id: 'sum-claims',
  title: { zh: '文中分项之和应等于所述合计', en: 'Parts quoted in the text add up to the quoted total' },
  severity: 'error',
  category: 'accuracy',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    ev.claims.forEach((c, i) => {
      if (c.type !== 'sum') return;
      const d = sumDiscrepancy(c.total.value, c.parts);
      if (!d) return;
      out.push({
        message: `文中${c.total.label} ${c.total.value}，但所列分项 ${d.formula}，相差 ${d.figures.difference}；${CANNOT_TELL}。${c.text ? `原文：“${c.text}”` : ''}`,
        location: { path: `claims.${i}`, label: `文中数据 › ${c.total.label}` },
        ...d.figures,
      });
    });
    return out;
  },
};
