/**
 * The rates of every row of a funds table (年度资金总额 and its 其中 rows): 执行率 =
 * 全年执行数 ÷ the profile's base (全年预算数; 年初预算数 only where the base is blank), and
 * 资金到位率 = 资金到位数 ÷ 全年预算数. A blank cell gives no rate (unknown, never 0).
 */
import { Decimal, decOrNull } from '../decimal/decimal.js';
import { FUND_SOURCE_LABELS, type Funds, type FundRow } from '../model/evaluation.js';
import type { Profile } from '../profiles/profile.js';

export interface FundRowRates {
  /** Model path of the row, e.g. "funds.bySource.0". */
  path: string;
  label: string;
  row: FundRow;
  /** executed ÷ base (ratio); null when either is blank or the base is 0. */
  executionRate: Decimal | null;
  base: 'adjusted' | 'initial' | null;
  /** arrived ÷ adjusted (ratio); null when either is blank or 全年预算数 is 0. */
  arrivalRate: Decimal | null;
}

function ratio(part: string | null, whole: string | null): Decimal | null {
  const p = decOrNull(part);
  const w = decOrNull(whole);
  return p === null || w === null || w.isZero() ? null : p.dividedBy(w);
}

function ratesOf(row: FundRow, path: string, label: string, preferred: 'adjusted' | 'initial'): FundRowRates {
  const other = preferred === 'adjusted' ? 'initial' : 'adjusted';
  const base = decOrNull(row[preferred])?.isZero() === false ? preferred : decOrNull(row[other])?.isZero() === false ? other : null;
  return {
    path,
    label,
    row,
    executionRate: base === null ? null : ratio(row.executed, row[base]),
    base,
    arrivalRate: ratio(row.arrived, row.adjusted),
  };
}

export function computeFundRowRates(funds: Funds, profile: Profile): FundRowRates[] {
  const preferred = profile.execution.base;
  return [
    ratesOf(funds.total, 'funds.total', '年度资金总额', preferred),
    ...funds.bySource.map((r, i) => ratesOf(r, `funds.bySource.${i}`, r.label ?? FUND_SOURCE_LABELS[r.source], preferred)),
  ];
}
