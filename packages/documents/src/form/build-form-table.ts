/** A form grid as Word tables: the same cells and spans the .xlsx has, the printed text of each. */
import { Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { cellParagraph } from '../docx/docx-text.js';
import type { Template } from '../templates/template-schema.js';
import type { FormGrid, GridCell } from './form-grid.js';
import { CELL_MARGIN_MM } from './build-form-grid.js';

/**
 * The grid as Word tables: the rows above the indicator block, then the indicator block as a
 * table of its own whose header row (grid.repeatRow) repeats on every page (w:tblHeader — Word
 * repeats only rows at the very top of a table). One table when no merge crosses into the
 * header row from above. `width`: the text width in twips the tables span.
 */
export function buildFormTables(grid: FormGrid, t: Template, width: number): Table[] {
  const split = grid.repeatRow > grid.top && grid.repeatRow <= grid.bottom && !grid.cells.some((c) => c.row < grid.repeatRow && c.row + c.rowSpan - 1 >= grid.repeatRow);
  if (!split) return [gridTable(grid, t, width, grid.top, grid.bottom, null)];
  return [gridTable(grid, t, width, grid.top, grid.repeatRow - 1, null), gridTable(grid, t, width, grid.repeatRow, grid.bottom, grid.repeatRow)];
}

/** Rows `from`..`to` of the grid as one Word table; `headerRow` repeats on every page. */
function gridTable(grid: FormGrid, t: Template, width: number, from: number, to: number, headerRow: number | null): Table {
  const ncols = grid.columns.length;
  const at = new Map<string, GridCell>();
  const covered = new Set<string>();
  for (const c of grid.cells) {
    at.set(`${c.row}:${c.col}`, c);
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      for (let k = c.col; k < c.col + c.colSpan; k++) if (r !== c.row || k !== c.col) covered.add(`${r}:${k}`);
    }
  }
  const rows: TableRow[] = [];
  for (let r = from; r <= to; r++) {
    const cells: TableCell[] = [];
    for (let k = 1; k <= ncols; k++) {
      const key = `${r}:${k}`;
      if (covered.has(key)) {
        // A cell under a vertical merge is written by the row above (docx inserts its continuation);
        // one inside a horizontal span is part of the spanning cell.
        continue;
      }
      const c = at.get(key);
      cells.push(
        new TableCell({
          children: (c?.text ?? '').split('\n').map((line) => cellParagraph(t, line, c?.align ?? 'center', c?.bold ?? false)),
          // Merged cells print at their top row, so a name read back from a PDF stays on its first row.
          verticalAlign: c && c.rowSpan > 1 ? VerticalAlign.TOP : VerticalAlign.CENTER,
          ...(c && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
          ...(c && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
        }),
      );
    }
    rows.push(new TableRow({ cantSplit: true, ...(r === headerRow ? { tableHeader: true } : {}), children: cells }));
  }
  const total = grid.columns.reduce((a, b) => a + b, 0);
  const margin = Math.round((CELL_MARGIN_MM * 1440) / 25.4);
  return new Table({
    rows,
    margins: { left: margin, right: margin, top: 30, bottom: 30 },
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: grid.columns.map((w) => Math.round((w / total) * width)),
  });
}
