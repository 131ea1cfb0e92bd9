/**
 * What a reader hands over before normalisation: lines of text (plain text, PDF text — their
 * tables are found by the one table-detection step), or paragraphs and tables of cells exactly
 * as a structured file holds them (.docx, .xlsx, HTML), merged cells as spans on the anchor
 * and `covered` cells in the positions they cover, so every row has every column.
 */
export interface RawCell {
  /** The cell's paragraphs. */
  parts: string[];
  colSpan?: number;
  rowSpan?: number;
  covered?: boolean;
}

export type RawBlock =
  | { kind: 'text'; lines: string[]; pages?: number[] }
  | { kind: 'para'; text: string; sheet?: string }
  | { kind: 'table'; rows: RawCell[][]; sheet?: string; page?: number };
