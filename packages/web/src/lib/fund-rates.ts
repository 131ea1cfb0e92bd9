/**
 * The 执行率 and 到位率 of each row of a funds table, computed by core's `scoreExecution`
 * (the same division, base and fallback as the budget-execution score), never by the UI:
 *   执行率 = 全年执行数 ÷ the profile's base (全年预算数, else 年初预算数);
 *   到位率 = 资金到位数 ÷ 全年预算数 (the row given to core with 资金到位数 as its executed
 *   amount and no 年初预算数, so the base can only be 全年预算数, as the audit's rule reads it).
 * A row whose cells do not parse yet has no rate (null), rather than a wrong one.
 */
import { getProfile, scoreExecution, type Evaluation, type FundRow, type Profile } from '@jixiao/core';

export interface RowRates {
  /** Ratios as decimal strings (1 = 100%), or null when not computable. */
  execution: string | null;
  arrival: string | null;
}

function rateOf(ev: Evaluation, profile: Profile, row: Pick<FundRow, 'initial' | 'adjusted' | 'executed'>): string | null {
  try {
    const probe: Evaluation = {
      ...ev,
      funds: { ...ev.funds, total: { initial: row.initial, adjusted: row.adjusted, executed: row.executed, arrived: null, statedRate: null } },
      budgetExecution: { ...ev.budgetExecution, weight: null, selfScore: null },
    };
    const rate = scoreExecution(probe, profile).rate;
    return rate === null ? null : rate.toString();
  } catch {
    return null;
  }
}

function ratesOf(ev: Evaluation, profile: Profile, row: FundRow): RowRates {
  return {
    execution: rateOf(ev, profile, row),
    arrival: row.arrived === null || row.arrived === undefined ? null : rateOf(ev, profile, { initial: null, adjusted: row.adjusted, executed: row.arrived }),
  };
}

export function fundRowRates(ev: Evaluation): { total: RowRates; bySource: RowRates[] } {
  const none = { execution: null, arrival: null };
  let profile: Profile;
  try {
    profile = getProfile(ev.profile);
  } catch {
    return { total: none, bySource: ev.funds.bySource.map(() => none) };
  }
  return { total: ratesOf(ev, profile, ev.funds.total), bySource: ev.funds.bySource.map((r) => ratesOf(ev, profile, r)) };
}
