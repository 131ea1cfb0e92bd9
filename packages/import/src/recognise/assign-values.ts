/**
 * Values of a row → the columns of its header when the counts differ (text layers drop empty
 * cells and keep row numbers): a leading row number is dropped where the header has a 行次
 * column, percentages anchor the rate columns, and between anchors the amounts fill the
 * columns nearest the anchor after the columns that may be empty (统筹整合, one source of
 * several) have been left out. Returns, for each value, the index of its column (or -1).
 */
import type { PrintedNumber } from '../parse-number.js';
import type { FundsColumn } from '../vocab/table-vocab.js';

const RATE = new Set<FundsColumn>(['rate', 'arrivalRate']);
const OPTIONAL = new Set<FundsColumn>(['skip', 'part']);

/** Columns of money (a source's row fills these and leaves 分值, 得分 and the notes empty). */
const AMOUNTS = new Set<FundsColumn>(['initial', 'adjusted', 'executed', 'arrived', 'part']);

/**
 * Columns [from, to) ← values: amounts first — values that fit the amount columns leave the 分值 and
 * 得分 columns empty — then drop optional columns (leftmost first) until they fit, then right-align.
 */
function fillSegment(cols: FundsColumn[], colIdx: number[], vals: number[], out: number[]): boolean {
  const amounts = colIdx.filter((j) => AMOUNTS.has(cols[j]!));
  let keep = amounts.length > 0 && vals.length <= amounts.length ? amounts : [...colIdx];
  while (keep.length > vals.length) {
    const drop = keep.findIndex((j) => OPTIONAL.has(cols[j]!));
    if (drop < 0) break;
    keep.splice(drop, 1);
  }
  if (keep.length < vals.length) return false;
  keep = keep.slice(keep.length - vals.length);
  vals.forEach((v, i) => (out[v] = keep[i]!));
  return true;
}

export function assignValues(cols: FundsColumn[], values: Array<PrintedNumber | null>): number[] | null {
  const out = values.map(() => -1);
  let first = 0;
  const rowNo = cols.indexOf('rowNo');
  if (values.length === cols.length) return values.map((_, i) => i);
  const lead = values[0];
  if (rowNo >= 0 && lead && !lead.percent && /^\d{1,2}$/.test(lead.value)) {
    out[0] = rowNo;
    first = 1;
  }
  const usable = cols.map((_, j) => j).filter((j) => j !== rowNo);
  const rateCols = usable.filter((j) => RATE.has(cols[j]!));
  const pct = values.map((v, i) => i).filter((i) => i >= first && values[i]?.percent);
  if (pct.length === 0 || pct.length !== rateCols.length) {
    // no anchors: in order, leaving out optional columns as needed
    return fillSegment(cols, usable.filter((j) => !RATE.has(cols[j]!)), values.map((_, i) => i).slice(first), out) ? weightBeforeScore(cols, values, out) : null;
  }
  let vFrom = first;
  let cFrom = 0;
  for (let a = 0; a <= pct.length; a++) {
    const vTo = a < pct.length ? pct[a]! : values.length;
    const cTo = a < rateCols.length ? usable.indexOf(rateCols[a]!) : usable.length;
    const segVals = values.map((_, i) => i).slice(vFrom, vTo);
    if (!fillSegment(cols, usable.slice(cFrom, cTo), segVals, out)) return null;
    if (a < pct.length) out[pct[a]!] = rateCols[a]!;
    vFrom = vTo + 1;
    cFrom = cTo + 1;
  }
  return weightBeforeScore(cols, values, out);
}

/**
 * One whole number under "分值 | 得分" (or 权重 | 得分): the form prints the weight and the unit may
 * leave the score blank, so it is the weight — not a full score for a score never filled in.
 */
function weightBeforeScore(cols: FundsColumn[], values: Array<PrintedNumber | null>, out: number[]): number[] {
  const w = cols.indexOf('weight');
  const s = cols.indexOf('score');
  if (w < 0 || s !== w + 1 || out.includes(w)) return out;
  const i = out.indexOf(s);
  const v = i >= 0 ? values[i] : null;
  if (v && !v.percent && /^\d+$/.test(v.value)) out[i] = w;
  return out;
}
