import { FUND_SOURCE_LABELS, type FundRow } from '../../model/evaluation.js';
import type { AuditRule, FindingDraft } from '../types.js';
import { dec, fmt } from '../finding-helpers.js';

function check(row: FundRow, path: string, name: string): FindingDraft | null {
  const { arrived, adjusted } = row;
  if (arrived === null || adjusted === null) return null;
  const over = dec(arrived).minus(dec(adjusted));
  if (!over.greaterThan(0)) return null;
  return {
    message: `${name}的资金到位数 ${arrived} 万元超过全年预算数（下达数）${adjusted} 万元，多 ${fmt(over)} 万元；到位资金一般不应超过预算，请核对是否把以前年度结转或其他资金计入了到位数，或全年预算数未按调整后填写。`,
    location: { path: `${path}.arrived`, label: `${name} › 资金到位数` },
    reported: arrived,
    expected: adjusted,
    difference: fmt(over),
  };
}

/** 资金到位数不应超过全年预算数（下达数）：年度资金总额及其中各行。 */
export const arrivedWithinBudget: AuditRule = {
  id: 'arrived-within-budget',
  title: { zh: '资金到位数不应超过全年预算数', en: 'Arrived funds do not exceed the full-year budget' },
  severity: 'warning',
  category: 'plausibility',
  check({ evaluation: ev }) {
    const out = [check(ev.funds.total, 'funds.total', '年度资金总额')];
    ev.funds.bySource.forEach((r, i) => out.push(check(r, `funds.bySource.${i}`, r.label ?? FUND_SOURCE_LABELS[r.source])));
    return out.filter((f): f is FindingDraft => f !== null);
  },
};
