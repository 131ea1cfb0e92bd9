import type { AuditRule, FindingDraft } from '../types.js';
import { CANNOT_TELL, COLUMNS, COLUMN_LABELS, sumDiscrepancy } from '../finding-helpers.js';

/** 人员经费 + 公用经费 应等于基本支出。 */
export const basicExpenditureSum: AuditRule = {
  id: 'basic-expenditure-sum',
  title: { zh: '人员经费与公用经费之和应等于基本支出', en: 'Personnel plus operating equals basic expenditure' },
  severity: 'error',
  category: 'accuracy',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    for (const col of COLUMNS) {
      const basic = ev.funds.basic[col];
      const personnel = ev.funds.personnel[col];
      const operating = ev.funds.operating[col];
      if (basic === null || personnel === null || operating === null) continue;
      const d = sumDiscrepancy(basic, [
        { label: '人员经费', value: personnel },
        { label: '公用经费', value: operating },
      ]);
      if (!d) continue;
      out.push({
        message: `${d.formula} 万元，与基本支出的${COLUMN_LABELS[col]} ${basic} 万元相差 ${d.figures.difference} 万元；${CANNOT_TELL}。`,
        location: { path: `funds.basic.${col}`, label: `基本支出 › ${COLUMN_LABELS[col]}` },
        ...d.figures,
      });
    }
    return out;
  },
};
