/**
 * A form grid into an exceljs worksheet: A4 landscape, fitted to one page wide, the
 * indicator header repeated on every page, print area, borders on the table, formulas with
 * their cached results, notes as comments, qualitative score ranges as data validation.
 */
import type { Worksheet } from 'exceljs';
import type { Template } from '../templates/template-schema.js';
import { SheetWriter, setA4PageSetup } from '../xlsx/sheet-writer.js';
import { addr, type FormGrid } from './form-grid.js';

export function writeFormSheet(ws: Worksheet, grid: FormGrid, t: Template): void {
  const w = new SheetWriter(ws, t.fonts.table, 10);
  const last = grid.columns.length;
  // Excel's width unit is about one digit of the default font, ≈ 1.9 mm.
  ws.columns = grid.columns.map((mm) => ({ width: Math.round((mm / 1.9) * 10) / 10 }));
  if (grid.attachmentLabel) w.set(1, 1, grid.attachmentLabel, { align: 'left', bold: true, font: t.fonts.heading1, size: 12, wrap: false });
  const titleRow = grid.top - 1;
  w.set(titleRow, 1, grid.title, { font: t.fonts.title, size: 16 });
  w.merge(titleRow, 1, titleRow, last);
  ws.getRow(titleRow).height = 32;
  for (const c of grid.cells) {
    const cell = c.formula
      ? w.formula(c.row, c.col, c.formula, c.value, { bold: c.bold, align: c.align, ...(c.numFmt ? { numFmt: c.numFmt } : {}) })
      : w.set(c.row, c.col, c.value, { bold: c.bold, align: c.align, ...(c.numFmt ? { numFmt: c.numFmt } : {}) });
    if (c.note) cell.note = c.note;
    if (c.range) {
      cell.dataValidation = {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: '得分超出定性档次',
        error: c.range.message,
        formulae: [c.range.min, c.range.max],
      };
    }
  }
  for (const c of grid.cells) if (c.rowSpan > 1 || c.colSpan > 1) w.merge(c.row, c.col, c.row + c.rowSpan - 1, c.col + c.colSpan - 1);
  for (const [row, height] of grid.rowHeights) ws.getRow(row).height = height;
  w.border(grid.top, 1, grid.bottom, last);
  let r = grid.bottom + 1;
  for (const line of grid.footer) {
    w.set(r, 1, line, { align: 'left' });
    w.merge(r, 1, r, last);
    ws.getRow(r).height = 22;
    r++;
  }
  setA4PageSetup(ws, { orientation: 'landscape', printArea: `A1:${addr(r - 1, last)}`, titleRow: grid.repeatRow, centered: true });
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  ws.views = [{ state: 'normal', zoomScale: 100 }];
}
