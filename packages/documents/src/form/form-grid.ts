/**
 * A printed form as a grid of cells with spans — the one layout the project and transfer
 * 自评表 renderers share: the .xlsx writer turns it into cells with live formulas, the .docx
 * writer into a Word table. Cells carry their value (a number or text), an Excel formula
 * whose cached result is that value, a number format, and the text the Word table prints
 * (the value formatted as the number format shows it, half up).
 */
import { dec, formatDecimal, roundHalfUp, type Decimal } from '@jixiao/core';
import { colLetter } from '../xlsx/sheet-writer.js';

export type CellAlign = 'left' | 'center';

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The cell's value: text, or a number (exact decimal as a JS number only here, for the file). */
  value: string | number | null;
  /** An Excel formula (without "="); `value` is its cached result. */
  formula: string | null;
  numFmt: string | null;
  /** What the Word table prints. */
  text: string;
  bold: boolean;
  align: CellAlign;
  /**
   * false: one line (names, row labels, figures: the layout makes room); 'soft': a heading,
   * one line when the page allows; true: text that may wrap (三级指标 names, targets, reasons).
   */
  wrap: boolean | 'soft';
  /** A note for the reader (an Excel comment), e.g. why a stated figure is not a formula. */
  note: string | null;
  /** Allowed range of a qualitative indicator's score (Excel data validation). */
  range: { min: number; max: number; message: string } | null;
}

export interface FormGrid {
  /** Column widths in millimetres at the table font size (see layout-columns.ts). */
  columns: number[];
  /** Lines above the table: attachment label, title. */
  attachmentLabel: string | null;
  title: string;
  /** First and last row of the table (rows above it hold the attachment label and title). */
  top: number;
  bottom: number;
  /** The row whose headings repeat on every printed page (the indicator header). */
  repeatRow: number;
  rowHeights: Map<number, number>;
  cells: GridCell[];
  /** Lines under the table (signatures). */
  footer: string[];
}

export const addr = (row: number, col: number) => `${colLetter(col)}${row}`;

/** "C12" → { row: 12, col: 3 }. */
export function parseAddr(a: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a);
  if (!m) throw new Error(`not a cell address: ${a}`);
  return { row: Number(m[2]), col: [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
}

/** Collects cells; later writes to the same position replace earlier ones. */
export class GridBuilder {
  readonly cells = new Map<string, GridCell>();
  readonly rowHeights = new Map<number, number>();

  put(row: number, col: number, value: string | number | null, o: Partial<Omit<GridCell, 'row' | 'col' | 'value'>> = {}): GridCell {
    const cell: GridCell = {
      row,
      col,
      rowSpan: o.rowSpan ?? 1,
      colSpan: o.colSpan ?? 1,
      value,
      formula: o.formula ?? null,
      numFmt: o.numFmt ?? null,
      text: o.text ?? (value === null ? '' : typeof value === 'number' ? formatNumber(value, o.numFmt ?? null) : value),
      bold: o.bold ?? false,
      align: o.align ?? 'center',
      wrap: o.wrap ?? false,
      note: o.note ?? null,
      range: o.range ?? null,
    };
    this.cells.set(`${row}:${col}`, cell);
    return cell;
  }

  /** A text cell spanning columns c1..c2 of one row. */
  span(row: number, c1: number, c2: number, text: string, o: Partial<Omit<GridCell, 'row' | 'col' | 'value'>> = {}): GridCell {
    return this.put(row, c1, text, { ...o, colSpan: c2 - c1 + 1 });
  }

  get(row: number, col: number): GridCell | undefined {
    return this.cells.get(`${row}:${col}`);
  }

  list(): GridCell[] {
    return [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  }
}

/** Places after the point a number format shows ("0.00" → 2, "0.0%" → 1 of the percentage). */
export function formatPlaces(numFmt: string | null): number {
  return /0\.(0+)/.exec(numFmt ?? '')?.[1]?.length ?? 0;
}

/** A number as its format shows it: fixed places, half up; "%" formats as a percentage. */
export function formatNumber(value: number, numFmt: string | null): string {
  if (!numFmt) return String(value);
  const places = formatPlaces(numFmt);
  const percent = numFmt.includes('%');
  const d = percent ? dec(value).times(100) : dec(value);
  return `${formatDecimal(d, places, true)}${percent ? '%' : ''}`;
}

/** "0.00" style number format with `places` decimals (and a % when asked). */
export function fixedFormat(places: number, percent = false): string {
  return `${places > 0 ? `0.${'0'.repeat(places)}` : '0'}${percent ? '%' : ''}`;
}

/** A decimal as the JS number stored in the file, rounded half up to `places` first. */
export function fileNumber(d: Decimal, places: number): number {
  return Number(roundHalfUp(d, places).toString());
}
