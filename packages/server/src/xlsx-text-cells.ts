/**
 * Every .xlsx the server writes (statistics, 结果应用, the 运行监控 blank) keeps text that a
 * spreadsheet could take for a formula ("=HYPERLINK(…)", "+1", "@SUM", "-A1") as a text cell in
 * the Text format ('@'): shown as written, and still text after someone edits the cell in Excel.
 * The rule of what looks like a formula is core's (looksLikeSpreadsheetFormula), shared with the
 * documents' workbooks and the web's CSV/XLSX exports.
 */
import { looksLikeSpreadsheetFormula } from '@jixiao/core';

interface TextCell {
  value: unknown;
  numFmt: string;
}

/** Marks the row's formula-looking text cells as Text; numbers and plain text are left alone. */
export function keepFormulaTextAsText(row: { eachCell(cb: (cell: TextCell) => void): void }): void {
  row.eachCell((cell) => {
    if (typeof cell.value === 'string' && looksLikeSpreadsheetFormula(cell.value)) cell.numFmt = '@';
  });
}
