/**
 * The 执行率 and 到位率 of each row of a funds table, as core computes them
 * (`computeFundRowRates`: 执行率 = 全年执行数 ÷ the profile's base, 到位率 = 资金到位数 ÷
 * 全年预算数), never by the UI. A cell that does not parse yet counts as blank, so its row
 * has no rate rather than a wrong one.
 */
import { computeFundRowRates, getProfile, type Evaluation, type FundRow } from '@jixiao/core';
import { toDec } from './format.js';

export interface RowRates {
  /** Ratios as decimal strings (1 = 100%), or null when not computable. */
  execution: string | null;
  arrival: string | null;
}

const AMOUNTS = ['initial', 'adjusted', 'executed', 'arrived'] as const;

function clean<T extends Partial<FundRow>>(row: T): T & FundRow {
  const out = { ...row, statedRate: null } as T & FundRow;
  for (const k of AMOUNTS) {
    const v = row[k];
    const d = typeof v === 'string' ? toDec(v) : null;
    out[k] = d !== null && !d.isNegative() ? v! : null;
  }
  return out;
}

export function fundRowRates(ev: Evaluation): { total: RowRates; bySource: RowRates[] } {
  const none = { execution: null, arrival: null };
  try {
    const funds = { ...ev.funds, total: clean(ev.funds.total), bySource: ev.funds.bySource.map(clean) };
    const [total, ...rows] = computeFundRowRates(funds, getProfile(ev.profile)).map((r) => ({
      execution: r.executionRate?.toString() ?? null,
      arrival: r.arrivalRate?.toString() ?? null,
    }));
    return { total: total ?? none, bySource: rows };
  } catch {
    return { total: none, bySource: ev.funds.bySource.map(() => none) };
  }
}
