/**
 * The derived cells of a form — sums, rates, the execution score, the total — written as
 * live Excel formulas wherever the formula gives what the unit stated. The form prints the
 * unit's own figures: where a stated figure disagrees with its formula, the stated figure
 * stays (a constant) and a note says what the formula gives; a figure the unit did not
 * state stays blank, except rates, which are computed from the stated amounts (as in the
 * department tables). Every cached result equals the value the cell shows.
 */
import { dec, formatDecimal, printedPlaces, roundHalfUp, sumDec, type Decimal } from '@jixiao/core';
import { fileNumber, fixedFormat, type GridBuilder, type GridCell } from './form-grid.js';

/** Decimal places a stated figure is shown with: its own, at least two. */
export function shownPlaces(stated: string | null, min = 2): number {
  return Math.max(min, stated === null ? 0 : printedPlaces(stated));
}

/** A decimal's exact value with at least `min` places shown ("100" → 100 with "0.00"). */
export function numberCell(b: GridBuilder, row: number, col: number, d: Decimal | null, o: { bold?: boolean; min?: number } = {}): GridCell {
  if (d === null) return b.put(row, col, null, { bold: o.bold ?? false });
  const places = Math.max(o.min ?? 2, d.decimalPlaces());
  return b.put(row, col, Number(d.toString()), { numFmt: fixedFormat(places), bold: o.bold ?? false });
}

/**
 * The total of the 其中 rows in one column: SUM over them when the stated total equals the
 * sum of the stated parts; otherwise the stated total, with a note when the parts disagree.
 */
export function sumCell(b: GridBuilder, row: number, col: number, stated: Decimal | null, parts: { addr: string; value: Decimal | null }[], what: string): GridCell {
  const given = parts.filter((p) => p.value !== null);
  if (stated === null || given.length === 0) return numberCell(b, row, col, stated);
  const sum = sumDec(given.map((p) => p.value as Decimal));
  if (sum.equals(stated)) {
    const cell = numberCell(b, row, col, stated);
    cell.formula = `SUM(${parts.map((p) => p.addr).join(',')})`;
    return cell;
  }
  const cell = numberCell(b, row, col, stated);
  cell.note = `${what}：其中各项合计为 ${formatDecimal(sum, Math.max(2, sum.decimalPlaces()), true)}，与所填年度资金总额 ${stated.toString()} 不一致（此格为所填数）。`;
  return cell;
}

/**
 * A rate part ÷ whole as a percentage. Live formula unless the unit stated a rate that the
 * amounts do not give at its printed precision (then the stated rate, with a note).
 */
export function rateCell(b: GridBuilder, row: number, col: number, r: { part: Decimal | null; whole: Decimal | null; partAddr: string; wholeAddr: string; stated: string | null; what: string }): GridCell {
  const computed = r.part !== null && r.whole !== null && !r.whole.isZero() ? r.part.dividedBy(r.whole) : null;
  const formula = `IF(AND(ISNUMBER(${r.partAddr}),N(${r.wholeAddr})>0),${r.partAddr}/${r.wholeAddr},"")`;
  const places = r.stated === null ? 2 : printedPlaces(r.stated);
  const numFmt = fixedFormat(places, true);
  if (r.stated === null || (computed !== null && roundHalfUp(computed.times(100), places).equals(dec(r.stated)))) {
    return b.put(row, col, computed === null ? '' : fileNumber(computed, places + 2), { formula, numFmt, text: computed === null ? '' : undefined });
  }
  const cell = b.put(row, col, Number(dec(r.stated).dividedBy(100).toString()), { numFmt });
  if (computed !== null) cell.note = `${r.what}：按所填金额计算为 ${formatDecimal(computed.times(100), Math.max(2, places))}%，与所填 ${r.stated}% 不一致（此格为所填数）。`;
  return cell;
}

/**
 * A score the unit stated that a formula should give: `ROUND(expr, p)` with the largest p
 * (the profile's places, or the places the figure was printed with when it has decimals) at
 * which the formula's value is the stated figure; else the stated figure as a constant with a
 * note. Not stated: blank.
 */
export function statedFormulaCell(
  b: GridBuilder,
  row: number,
  col: number,
  s: { stated: string | null; computed: Decimal | null; expr: string; guard: string | null; places: number; what: string; bold?: boolean },
): GridCell {
  if (s.stated === null) return b.put(row, col, null, { bold: s.bold ?? false });
  const stated = dec(s.stated);
  const cell = numberCell(b, row, col, stated, { bold: s.bold ?? false });
  if (s.computed === null) return cell;
  // A figure printed with decimals is judged at its own precision too; a whole number must be exact at the profile's places.
  const own = printedPlaces(s.stated);
  const candidates = own > 0 ? [Math.max(s.places, own), own] : [s.places];
  const p = candidates.find((x) => roundHalfUp(s.computed as Decimal, x).equals(stated));
  if (p === undefined) {
    cell.note = `${s.what}：按公式计算为 ${formatDecimal(s.computed, Math.max(2, printedPlaces(s.stated)), true)}，与所填 ${s.stated} 不一致（此格为所填数）。`;
    return cell;
  }
  const round = `ROUND(${s.expr},${p})`;
  cell.formula = s.guard ? `IF(${s.guard},${round},"")` : round;
  return cell;
}
