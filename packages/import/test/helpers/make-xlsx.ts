import ExcelJS from 'exceljs';
import type { Piece } from './seed-content.js';

/** An .xlsx with the pieces on one sheet: numbers as numbers (percentages with a % format). */
export async function makeXlsx(pieces: Piece[], opts: { merges?: string[] } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  for (const p of pieces) {
    const rows = p.kind === 'p' ? [[p.text]] : p.rows;
    for (const r of rows) {
      const row = ws.addRow(r.map((v) => toCellValue(v)));
      r.forEach((v, i) => {
        if (/^\d+(?:\.\d+)?%$/.test(v)) {
          const places = /\.(\d+)%$/.exec(v)?.[1]?.length ?? 0;
          row.getCell(i + 1).numFmt = places ? `0.${'0'.repeat(places)}%` : '0%';
        }
      });
    }
    ws.addRow([]);
  }
  for (const m of opts.merges ?? []) ws.mergeCells(m);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function toCellValue(v: string): string | number {
  if (/^\d+(?:\.\d+)?$/.test(v) && !/^0\d/.test(v)) return Number(v);
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(v);
  if (pct) return Number((Number(pct[1]) / 100).toFixed(8));
  return v;
}
