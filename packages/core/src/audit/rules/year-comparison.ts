import type { AuditRule, FindingDraft } from '../types.js';

/** 同比说明应以上一年度为比较基期；与其他年度比较多为沿用旧稿。 */
export const yearComparison: AuditRule = {
  id: 'year-comparison',
  title: { zh: '同比年份应为上一年度', en: 'Year-on-year comparisons use the previous year' },
  severity: 'warning',
  category: 'plausibility',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const previous = ev.fiscalYear - 1;
    ev.claims.forEach((c, i) => {
      if (c.type !== 'yearComparison' || c.year === previous) return;
      const said = c.statedAs === 'previous_year' ? '“上年”' : ` ${c.year} 年`;
      out.push({
        message: `${ev.fiscalYear} 年度的报告与${said}比较，但上一年度应为 ${previous} 年；可能沿用了旧年度的文稿，请核实比较数据。${c.text ? `原文：“${c.text}”` : ''}`,
        location: { path: `claims.${i}`, label: '文中数据 › 比较年度' },
        reported: String(c.year),
        expected: String(previous),
        difference: String(c.year - previous),
      });
    });
    return out;
  },
};
