/** .xlsx → raw blocks: each visible sheet's rows as table cells (merged cells kept as covered cells), one-value rows as paragraphs. */
import ExcelJS from 'exceljs';
import { JxError } from '@jixiao/core';
import type { RawBlock, RawCell } from '../document/raw-blocks.js';
import { isShortRow } from '../vocab/table-vocab.js';
import { safeUnzip } from './safe-unzip.js';

function cellString(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numberText(v, cell.numFmt);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const res = (v as { result?: unknown }).result;
      if (typeof res === 'number') return numberText(res, cell.numFmt);
      if (typeof res === 'string') return res;
      return '';
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    if ('error' in v) return '';
  }
  return String(v);
}

/**
 * A number as printed: percent formats become "91.67%"; a format with decimals ("0.00") rounds
 * to them, as Excel shows the cell; float noise from formulas (84.96100960632887) is cut at 6
 * decimals.
 */
function numberText(n: number, numFmt: string | undefined): string {
  const places = numFmt && !numFmt.includes('%') ? /0\.(0+)(?![0#])/.exec(numFmt)?.[1]?.length : undefined;
  if (places !== undefined) n = Number(n.toFixed(places));
  else if (/\.\d{7,}/.test(String(n))) n = Number(n.toFixed(6));
  const s = String(n);
  if (/e/i.test(s)) return n.toFixed(10).replace(/\.?0+$/, '');
  if (numFmt && numFmt.includes('%')) {
    const places = /0\.(0+)%/.exec(numFmt)?.[1]?.length ?? 0;
    // shift the decimal point by two places in text, then round to the format's places
    const [i = '0', f = ''] = s.replace('-', '').split('.');
    const digits = (i + f.padEnd(2, '0')).replace(/^0+(?=\d)/, '');
    const intPart = digits.slice(0, digits.length - Math.max(0, f.length - 2)) || '0';
    const frac = f.length > 2 ? f.slice(2) : '';
    const exact = frac ? `${intPart}.${frac}` : intPart;
    const rounded = Number(exact).toFixed(Math.min(places, 6));
    return `${n < 0 ? '-' : ''}${frac.length <= places ? exact : rounded}%`;
  }
  return s;
}

/**
 * One sheet's rows: runs of rows with several values are one table; a row with one value is a
 * paragraph (a title, a note), except a short one between two table rows, which is a row of
 * that table whose other cells are empty.
 */
function sheetBlocks(ws: ExcelJS.Worksheet): { blocks: RawBlock[]; cells: number } {
  const rows: RawCell[][] = [];
  /** Rows under a cell merged down from above: rows of that table, whatever they hold. */
  const underMerge: boolean[] = [];
  const width = Math.min(ws.columnCount, 200);
  const spans = mergeSpans(ws);
  let cells = 0;
  ws.eachRow({ includeEmpty: false }, (row) => {
    const out: RawCell[] = [];
    let down = false;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      out.push(rawCell(cell, spans));
      if (cell.isMerged && cell.master && Number(cell.master.row) !== Number(cell.row)) down = true;
    }
    const filled = out.filter((x) => x.parts[0] !== '').length;
    cells += filled;
    if (filled === 0) return;
    rows.push(out);
    underMerge.push(down);
  });
  const single = rows.map((r, i) => !underMerge[i] && r.filter((x) => x.parts[0] !== '').length === 1);
  const blocks: RawBlock[] = [{ kind: 'para', text: ws.name, sheet: ws.name }];
  let table: RawCell[][] | null = null;
  rows.forEach((r, i) => {
    const text = r.find((x) => x.parts[0] !== '')!.parts[0]!;
    const inside = single[i] && table !== null && isShortRow(text) && nextTableRow(single, rows, i);
    if (single[i] && !inside) {
      table = null;
      blocks.push({ kind: 'para', text, sheet: ws.name });
      return;
    }
    if (!table) {
      table = [];
      blocks.push({ kind: 'table', rows: table, sheet: ws.name });
    }
    table.push(r);
  });
  return { blocks, cells };
}

/** Whether a row with several values follows within the next 6 one-value short rows. */
function nextTableRow(single: boolean[], rows: RawCell[][], i: number): boolean {
  for (let j = i + 1; j < rows.length && j - i <= 6; j++) {
    if (!single[j]) return true;
    if (!isShortRow(rows[j]!.find((x) => x.parts[0] !== '')!.parts[0]!)) return false;
  }
  return false;
}

/** Merged ranges of a sheet by their first cell: "B3" → 2 rows × 3 columns. */
function mergeSpans(ws: ExcelJS.Worksheet): Map<string, { rows: number; cols: number }> {
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!m) continue;
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    spans.set(`${m[1]}${m[2]}`, { rows: Number(m[4]) - Number(m[2]) + 1, cols: col(m[3]!) - col(m[1]!) + 1 });
  }
  return spans;
}

/** A cell as the sheet shows it: a merged range keeps its value in the first cell, with its span; the others are covered. */
function rawCell(cell: ExcelJS.Cell, spans: Map<string, { rows: number; cols: number }>): RawCell {
  const covered = cell.isMerged && cell.master && cell.master.address !== cell.address;
  if (covered) return { parts: [''], covered: true };
  const out: RawCell = { parts: [cellString(cell).replace(/[\t\r\n]+/g, ' ').trim()] };
  const span = spans.get(cell.address);
  if (span && span.rows > 1) out.rowSpan = span.rows;
  if (span && span.cols > 1) out.colSpan = span.cols;
  return out;
}

export async function readXlsx(bytes: Uint8Array, notes: string[]): Promise<RawBlock[]> {
  const { files, repacked } = safeUnzip(bytes, (name) => !/^xl\/media\//.test(name));
  if (!files['xl/workbook.xml']) throw new JxError('DOCUMENT_CORRUPT', '不是 Excel 工作簿（缺少 xl/workbook.xml）');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(repacked) as unknown as ArrayBuffer);
  } catch (e) {
    throw new JxError('DOCUMENT_CORRUPT', `无法读取 Excel 工作簿（${e instanceof Error ? e.message.slice(0, 80) : '未知原因'}）`);
  }
  const blocks: RawBlock[] = [];
  let cells = 0;
  wb.eachSheet((ws) => {
    if (ws.state && ws.state !== 'visible') return;
    const s = sheetBlocks(ws);
    blocks.push(...s.blocks);
    cells += s.cells;
  });
  if (cells === 0) throw new JxError('DOCUMENT_NO_TEXT', '工作簿中没有数据');
  notes.push(`已读取 Excel 工作簿（${wb.worksheets.length} 个工作表），按单元格读取表格，合并单元格取首格的值`);
  return blocks;
}
