import type { AuditRule, FindingDraft } from '../types.js';
import { CANNOT_TELL, COLUMNS, COLUMN_LABELS, sumDiscrepancy } from '../finding-helpers.js';

/** 按收入性质（资金来源）分列的金额之和应等于年度资金总额。 */
export const fundsSourceSum: AuditRule = {
  id: 'funds-source-sum',
  title: { zh: '资金来源分项之和应等于资金总额', en: 'Funds by source add up to the total' },
  severity: 'error',
  category: 'accuracy',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const rows = ev.funds.bySource;
    if (rows.length === 0) return out;
    for (const col of COLUMNS) {
      const total = ev.funds.total[col];
      if (total === null) continue;
      if (rows.some((r) => r[col] === null)) continue;
      const parts = rows.map((r) => ({ label: r.label ?? r.source, value: r[col]! }));
      const d = sumDiscrepancy(total, parts);
      if (!d) continue;
      out.push({
        message: `按资金来源分列的${COLUMN_LABELS[col]}合计为 ${d.figures.expected} 万元（${d.formula}），与年度资金总额的${COLUMN_LABELS[col]} ${total} 万元相差 ${d.figures.difference} 万元；${CANNOT_TELL}。`,
        location: { path: `funds.total.${col}`, label: `年度资金总额 › ${COLUMN_LABELS[col]}` },
        ...d.figures,
      });
    }
    return out;
  },
};
