/**
 * The funds block of a project / transfer 自评表: 年度资金总额 and its 其中 rows over the
 * template's columns (年初 | 全年 | 执行 | 到位 | 到位率 | 分值 | 执行率 | 得分 …). Amounts
 * are printed in the unit the evaluation records (元 or 万元; the model holds 万元).
 */
import { dec, decOrNull, minDec, FUND_SOURCE_LABELS, type Decimal, type FundRow, type SourceFundRow } from '@jixiao/core';
import type { FormSpec, FundsColumn } from '../templates/template-schema.js';
import { numberCell, rateCell, statedFormulaCell, sumCell } from './form-cells.js';
import { addr } from './form-grid.js';
import type { FormContext } from './build-form-grid.js';

type AmountKey = 'initial' | 'adjusted' | 'executed' | 'arrived';
const AMOUNT_KEYS: readonly AmountKey[] = ['initial', 'adjusted', 'executed', 'arrived'];
const AMOUNT_WHAT: Record<AmountKey, string> = { initial: '年初预算数', adjusted: '全年预算数', executed: '全年执行数', arrived: '到位数' };

export interface FundsCells {
  /** Address of the execution weight, rate and score cells (total row), when printed. */
  executionWeight: string | null;
  executionRate: string | null;
  executionScore: string | null;
  /** The total row's 资金到位率, when printed. */
  arrivalRate: string | null;
  /** Total-row amount cells by column key. */
  totals: Partial<Record<AmountKey, string>>;
}

interface PrintedRow {
  label: string;
  row: FundRow | null;
}

/**
 * The 其中 rows. When the evaluation's rows are all of the template's sources, the template's
 * rows in its order (blank where the evaluation has none), as the form prints them; when the
 * unit split its funds otherwise (e.g. 中央 / 地方 / 其他), the evaluation's rows as they are.
 */
export function sourceRows(spec: FormSpec, bySource: SourceFundRow[]): PrintedRow[] {
  const templateSources = spec.funds.sources.map((s) => s.source);
  const own = (r: SourceFundRow, fallback: string | undefined) => ({ label: r.label ?? fallback ?? FUND_SOURCE_LABELS[r.source], row: r });
  const counts = new Map<string, number>();
  for (const r of bySource) counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
  const fitsTemplate = bySource.every((r) => templateSources.includes(r.source)) && [...counts.values()].every((n) => n === 1);
  if (!fitsTemplate) return bySource.map((r) => own(r, spec.funds.sources.find((s) => s.source === r.source)?.label));
  return spec.funds.sources.map((s) => {
    const r = bySource.find((x) => x.source === s.source);
    return r ? own(r, s.label) : { label: s.label, row: null };
  });
}

export function buildFundsBlock(ctx: FormContext, top: number): { next: number; cells: FundsCells } {
  const { b, spec, ev, ncols } = ctx;
  const cols = spec.funds.columns;
  const first = ncols - cols.length + 1;
  const colOf = (k: FundsColumn) => {
    const i = cols.findIndex((c) => c.key === k);
    return i < 0 ? null : first + i;
  };
  const cells: FundsCells = { executionWeight: null, executionRate: null, executionScore: null, arrivalRate: null, totals: {} };
  b.span(top, 2, first - 1, '', {});
  cols.forEach((c, i) => b.put(top, first + i, c.label, { bold: true, wrap: 'soft' }));
  const totalRow = top + 1;
  const rows = sourceRows(spec, ev.funds.bySource);
  const srcRow0 = totalRow + 1;
  const scaled = (s: string | null): Decimal | null => (s === null ? null : dec(s).times(ctx.scale));

  // 其中 rows first, so the total row can refer to them.
  rows.forEach((pr, i) => {
    const r = srcRow0 + i;
    b.span(r, 2, first - 1, `${i === 0 ? spec.funds.firstSourcePrefix : ''}${pr.label}`, { align: 'left' });
    for (const k of AMOUNT_KEYS) {
      const c = colOf(k);
      if (c !== null) numberCell(b, r, c, scaled(pr.row?.[k] ?? null));
    }
    writeRates(ctx, r, pr.row, colOf, spec.funds.ratesOnSourceRows, { rate: pr.row?.statedRate ?? null, arrival: null }, pr.label);
    for (const k of ['weight', 'score'] as const) {
      const c = colOf(k);
      if (c !== null) b.put(r, c, spec.funds.notScoredMark ?? '');
    }
  });

  // 年度资金总额.
  b.span(totalRow, 2, first - 1, spec.funds.totalLabel, { align: 'left' });
  const total = ev.funds.total;
  for (const k of AMOUNT_KEYS) {
    const c = colOf(k);
    if (c === null) continue;
    const parts = rows.map((pr, i) => ({ addr: addr(srcRow0 + i, c), value: scaled(pr.row?.[k] ?? null) }));
    sumCell(b, totalRow, c, scaled(total[k]), parts, AMOUNT_WHAT[k]);
    cells.totals[k] = addr(totalRow, c);
  }
  const be = ev.budgetExecution;
  const rateValue = writeRates(ctx, totalRow, total, colOf, true, { rate: total.statedRate ?? be.statedRate, arrival: be.statedArrivalRate }, spec.funds.totalLabel);
  const wCol = colOf('weight');
  const rCol = colOf('rate');
  const sCol = colOf('score');
  if (wCol !== null) {
    numberCell(b, totalRow, wCol, decOrNull(be.weight));
    cells.executionWeight = addr(totalRow, wCol);
  }
  if (rCol !== null) cells.executionRate = addr(totalRow, rCol);
  const aCol = colOf('arrivalRate');
  if (aCol !== null) cells.arrivalRate = addr(totalRow, aCol);
  if (sCol !== null) {
    cells.executionScore = addr(totalRow, sCol);
    writeExecutionScore(ctx, totalRow, sCol, cells, rateValue);
  }
  const bottom = srcRow0 + rows.length - 1;
  b.put(top, 1, ctx.fillUnit(spec.funds.label), { bold: true, rowSpan: bottom - top + 1, wrap: 'soft' });
  return { next: bottom + 1, cells };
}

/**
 * 执行率 (executed ÷ the profile's base) and 到位率 (arrived ÷ 全年预算数) of one row; returns
 * the exact value the 执行率 cell holds (the quotient for a formula, the stated rate for a constant).
 */
function writeRates(
  ctx: FormContext,
  r: number,
  row: FundRow | null,
  colOf: (k: FundsColumn) => number | null,
  print: boolean,
  stated: { rate: string | null; arrival: string | null },
  label: string,
): Decimal | null {
  let rateValue: Decimal | null = null;
  const base: AmountKey = ctx.fig.score.execution.base === 'initial' && colOf('initial') !== null ? 'initial' : 'adjusted';
  const pairs: [FundsColumn, AmountKey, AmountKey, string | null, string][] = [
    ['rate', 'executed', base, stated.rate, `${label}执行率`],
    ['arrivalRate', 'arrived', 'adjusted', stated.arrival, `${label}资金到位率`],
  ];
  for (const [key, part, whole, st, what] of pairs) {
    const c = colOf(key);
    const pc = colOf(part);
    const wc = colOf(whole);
    if (c === null) continue;
    if (!print || pc === null || wc === null) {
      ctx.b.put(r, c, '');
      continue;
    }
    const v = (k: AmountKey) => (row?.[k] == null ? null : dec(row[k]!));
    const cell = rateCell(ctx.b, r, c, { part: v(part), whole: v(whole), partAddr: addr(r, pc), wholeAddr: addr(r, wc), stated: st, what });
    if (key !== 'rate') continue;
    const p = v(part);
    const w = v(whole);
    if (cell.formula) rateValue = p !== null && w !== null && !w.isZero() ? p.dividedBy(w) : null;
    else rateValue = st === null ? null : dec(st).dividedBy(100);
  }
  return rateValue;
}

/** 得分 = ROUND(分值 × MIN(执行率, cap), p) where that gives the stated score. */
function writeExecutionScore(ctx: FormContext, r: number, c: number, cells: FundsCells, rateValue: Decimal | null): void {
  const { b, fig, ev } = ctx;
  const w = cells.executionWeight;
  const rate = cells.executionRate;
  const weight = decOrNull(ev.budgetExecution.weight);
  const cap = fig.profile.execution.cap;
  const live = w !== null && rate !== null;
  const computed = live && weight !== null && rateValue !== null ? weight.times(minDec(rateValue, dec(cap))) : null;
  statedFormulaCell(b, r, c, {
    stated: ev.budgetExecution.selfScore,
    computed,
    expr: live ? `${w}*MIN(${rate},${cap})` : '',
    guard: live ? `AND(ISNUMBER(${rate}),ISNUMBER(${w}))` : null,
    places: fig.profile.rounding.places,
    what: '预算执行得分',
  });
}
