import type { AuditRule, FindingDraft } from '../types.js';
import { CANNOT_TELL, COLUMNS, COLUMN_LABELS, sumDiscrepancy } from '../finding-helpers.js';

/** 基本支出 + 项目支出 应等于年度资金总额（按支出性质分）。 */
export const fundsNatureSum: AuditRule = {
  id: 'funds-nature-sum',
  title: { zh: '基本支出与项目支出之和应等于资金总额', en: 'Basic plus project expenditure equals the total' },
  severity: 'error',
  category: 'accuracy',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    for (const col of COLUMNS) {
      const total = ev.funds.total[col];
      const basic = ev.funds.basic[col];
      const project = ev.funds.project[col];
      if (total === null || basic === null || project === null) continue;
      const d = sumDiscrepancy(total, [
        { label: '基本支出', value: basic },
        { label: '项目支出', value: project },
      ]);
      if (!d) continue;
      out.push({
        message: `按支出性质分：${d.formula} 万元，与年度资金总额的${COLUMN_LABELS[col]} ${total} 万元相差 ${d.figures.difference} 万元；${CANNOT_TELL}。`,
        location: { path: `funds.total.${col}`, label: `年度资金总额 › ${COLUMN_LABELS[col]}` },
        ...d.figures,
      });
    }
    return out;
  },
};
