/** Small helpers over an exceljs worksheet: addresses, styled cells, merges, borders. */
import type { Alignment, Borders, Cell, CellValue, Font, Worksheet } from 'exceljs';
import { looksLikeSpreadsheetFormula } from '@jixiao/core';

export function colLetter(c: number): string {
  let s = '';
  let n = c;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const addr = (r: number, c: number) => `${colLetter(c)}${r}`;

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const ALL_BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export interface CellStyle {
  bold?: boolean;
  size?: number;
  font?: string;
  align?: Alignment['horizontal'];
  numFmt?: string;
  wrap?: boolean;
}

export class SheetWriter {
  constructor(
    readonly ws: Worksheet,
    readonly fontName: string,
    readonly fontSize: number,
  ) {}

  set(r: number, c: number, value: CellValue, style: CellStyle = {}): Cell {
    const cell = this.ws.getCell(r, c);
    cell.value = value;
    const font: Partial<Font> = { name: style.font ?? this.fontName, size: style.size ?? this.fontSize };
    if (style.bold) font.bold = true;
    cell.font = font;
    cell.alignment = { vertical: 'middle', horizontal: style.align ?? 'center', wrapText: style.wrap ?? true };
    if (style.numFmt) cell.numFmt = style.numFmt;
    // Text from the report that reads like a formula (a target "=100%", an indicator named
    // "=HYPERLINK(…)") is a Text-format cell: printed as written, never run, even after editing.
    else if (typeof value === 'string' && looksLikeSpreadsheetFormula(value)) cell.numFmt = '@';
    return cell;
  }

  /** Formula with its cached result (so readers that do not recalculate still see numbers). */
  formula(r: number, c: number, formula: string, result: number | string | null, style: CellStyle = {}): Cell {
    const value = (result === null ? { formula } : { formula, result }) as CellValue;
    return this.set(r, c, value, style);
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    this.ws.mergeCells(r1, c1, r2, c2);
  }

  /** Thin borders on every cell of a rectangle (merged cells included). */
  border(r1: number, c1: number, r2: number, c2: number): void {
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) this.ws.getCell(r, c).border = ALL_BORDERS;
  }
}

/** A4 page setup shared by every sheet: fit to one page wide, repeated title row, print area. */
export function setA4PageSetup(
  ws: Worksheet,
  o: { orientation: 'portrait' | 'landscape'; printArea: string; titleRow: number; centered: boolean },
): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: o.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(o.centered ? { horizontalCentered: true } : {}),
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printArea: o.printArea,
    printTitlesRow: `${o.titleRow}:${o.titleRow}`,
  };
}
