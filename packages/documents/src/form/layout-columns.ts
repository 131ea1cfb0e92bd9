/**
 * Column widths of a form (millimetres at the table font size) from its content, in tiers:
 * every cell that must not wrap (row labels, level-1/level-2 names, figures) gets its one line
 * plus the cell margins; the columns whose text may wrap (names of 三级指标, targets, actuals,
 * deviation reasons) get a floor of a few ems; then headings ('soft': one line when the page
 * allows); then the wrapping columns share what is left, in proportion to what they lack. Names kept on one line are what
 * lets a printed table be read back as a table.
 */
import type { GridCell } from './form-grid.js';

export interface ColumnLayout {
  /** Text width the table spans. */
  totalMm: number;
  /** Font size of the table in points. */
  fontPt: number;
  /** Left + right cell margins together. */
  paddingMm: number;
  /** A wrapping column wants at most this much. */
  maxWrapMm: number;
  /** A wrapping column is given this many ems (when it wants them) before headings get theirs. */
  wrapFloorEms: number;
}

const PT_MM = 25.4 / 72;

/** Width of a line of text in ems: CJK and full-width characters 1, others about 0.55. */
export function textEms(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.55;
  return n;
}

export function layoutColumns(cells: readonly GridCell[], ncols: number, o: ColumnLayout): number[] {
  // A little over the nominal em: fonts substituted when printing run wider.
  const em = o.fontPt * PT_MM * 1.08;
  const need = (c: GridCell) => Math.max(...c.text.split('\n').map((l) => textEms(l) * em)) + o.paddingMm;
  const tier = (c: GridCell) => (c.wrap === true ? 2 : c.wrap === 'soft' ? 1 : 0);
  const widths = Array.from({ length: ncols }, () => o.paddingMm + em * 2);
  const wants: number[][] = [0, 1, 2].map(() => Array.from({ length: ncols }, () => 0));
  for (const c of cells) {
    if (c.text === '') continue;
    const w = c.wrap === true ? Math.min(need(c), o.maxWrapMm) : need(c);
    if (c.colSpan === 1) wants[tier(c)]![c.col - 1] = Math.max(wants[tier(c)]![c.col - 1]!, w);
  }
  for (let i = 0; i < ncols; i++) widths[i] = Math.max(widths[i]!, wants[0]![i]!);
  // A one-line cell over several columns: its last column makes up what the span lacks.
  for (const c of cells) {
    if (c.colSpan === 1 || c.wrap !== false || c.text === '') continue;
    const lack = need(c) - widths.slice(c.col - 1, c.col - 1 + c.colSpan).reduce((a, b) => a + b, 0);
    if (lack > 0) widths[c.col + c.colSpan - 2]! += lack;
  }
  const used = widths.reduce((a, b) => a + b, 0);
  if (used >= o.totalMm) return widths.map((w) => (w * o.totalMm) / used);
  let left = o.totalMm - used;
  const floor = o.wrapFloorEms * em + o.paddingMm;
  left = grow(widths, wants[2]!.map((w) => Math.min(w, floor)), left);
  for (const t of [1, 2]) left = grow(widths, wants[t]!, left);
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => w + (left * w) / sum);
}

/** Widens each column towards what it wants, all in proportion when there is not enough; returns what is left. */
function grow(widths: number[], want: number[], left: number): number {
  const lack = want.map((w, i) => Math.max(0, w - widths[i]!));
  const total = lack.reduce((a, b) => a + b, 0);
  if (total === 0) return left;
  const k = Math.min(1, left / total);
  lack.forEach((l, i) => (widths[i]! += l * k));
  return left - total * k;
}
