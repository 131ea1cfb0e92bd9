/** A 总分/合计 row outside the funds block, in a table without its own reading of it: weight and score. */
import type { Ctx } from '../assemble/draft.js';
import { num, provCell } from './cells.js';
import type { RowView } from './recogniser.js';

export function readTotalRow(ctx: Ctx, row: RowView): void {
  const totals = ctx.ev.totals;
  const plain = [];
  for (let i = row.firstIdx + 1; i < row.cells.length; i++) {
    const n = num(row.cells[i]);
    if (n && !n.percent) plain.push({ n, c: row.cells[i]! });
  }
  if (plain.length >= 2) {
    totals.statedWeight = plain[0]!.n.value;
    provCell(ctx, 'totals.statedWeight', plain[0]!.c);
  }
  if (plain.length >= 1) {
    const last = plain[plain.length - 1]!;
    totals.statedScore = last.n.value;
    provCell(ctx, 'totals.statedScore', last.c);
  }
}
