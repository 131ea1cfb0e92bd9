/**
 * A budget-system project list (.xlsx or .csv) → its rows as text cells, each with the row
 * number a person sees (the sheet's row number; the CSV line). Reading only: which column is
 * which is decided by parse-project-list.ts.
 */
import { JxError } from '@jixiao/core';
import { loadSafeUnzip } from '../http/load-optional.js';

export interface SheetRow {
  /** The row number as shown by Excel or a text editor (1-based). */
  line: number;
  cells: string[];
}

export const PROJECT_LIST_EXTENSIONS = ['.xlsx', '.csv'] as const;

const MAX_COLUMNS = 100;

/**
 * The rows of the first visible sheet (a .csv is one sheet). `subject` names the document in
 * messages (the 运行监控表 import reads its sheet here too): "运行监控表超过 500 行".
 */
export async function readProjectListFile(bytes: Uint8Array, fileName: string, maxRows: number, subject = '项目清单'): Promise<SheetRow[]> {
  return (await readProjectListSheets(bytes, fileName, maxRows, subject))[0] ?? [];
}

/** Every visible sheet's rows (a .csv is one sheet), in workbook order. */
export async function readProjectListSheets(bytes: Uint8Array, fileName: string, maxRows: number, subject = '项目清单'): Promise<SheetRow[][]> {
  const ext = fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (bytes.length === 0) throw new JxError('FILE_EMPTY');
  if (ext === '.xlsx') return readXlsxSheets(bytes, maxRows, subject);
  if (ext === '.csv') return [await readCsvRows(bytes, maxRows, subject)];
  throw new JxError('UNSUPPORTED_FORMAT', `${subject}只接受 ${PROJECT_LIST_EXTENSIONS.join(' ')} 文件`);
}

/** Visible sheets; merged cells keep their value in the first cell only. */
async function readXlsxSheets(bytes: Uint8Array, maxRows: number, subject: string): Promise<SheetRow[][]> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip) throw new JxError('DOCUMENT_CORRUPT', '不是 Excel 工作簿（.xlsx）');
  const safeUnzip = await loadSafeUnzip();
  const { files, repacked } = safeUnzip(bytes, (name) => !/^xl\/media\//.test(name));
  if (!files['xl/workbook.xml']) throw new JxError('DOCUMENT_CORRUPT', '不是 Excel 工作簿（缺少 xl/workbook.xml）');
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(repacked) as unknown as ArrayBuffer);
  } catch (e) {
    throw new JxError('DOCUMENT_CORRUPT', `无法读取 Excel 工作簿（${e instanceof Error ? e.message.slice(0, 80) : '未知原因'}）`);
  }
  const sheets = wb.worksheets.filter((s) => !s.state || s.state === 'visible');
  if (sheets.length === 0) throw new JxError('FILE_EMPTY', '工作簿中没有可见的工作表');
  let total = 0;
  return sheets.map((ws) => {
    const rows: SheetRow[] = [];
    const width = Math.min(ws.columnCount, MAX_COLUMNS);
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const slave = cell.isMerged && cell.master && cell.master.address !== cell.address;
        cells.push(slave ? '' : cellText(cell.value));
      }
      if (cells.some((x) => x !== '')) rows.push({ line: row.number, cells });
    });
    total += rows.length;
    if (total > maxRows + 20) throw new JxError('FILE_TOO_LARGE', `${subject}超过 ${maxRows} 行`);
    return rows;
  });
}

/** A cell's value as text; numbers without binary-float noise (at most 6 decimals, as 万元 to 0.01 元). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('').trim();
    if ('formula' in o || 'sharedFormula' in o) return cellText(o.result);
    if (typeof o.text === 'string') return o.text.trim();
    if ('error' in o) return '';
  }
  return String(v).trim();
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  let s = String(n);
  if (/e/i.test(s) || /\.\d{7,}/.test(s)) s = n.toFixed(6).replace(/\.?0+$/, '');
  return s;
}

/** UTF-8 (with or without BOM), otherwise GB18030 (GBK), as budget systems on Windows write it. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.subarray(0, 64 * 1024).includes(0)) throw new JxError('UNSUPPORTED_FORMAT', '文件含有二进制内容，不是 CSV 文本');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function readCsvRows(bytes: Uint8Array, maxRows: number, subject: string): Promise<SheetRow[]> {
  const text = decodeCsv(bytes);
  const { parse } = await import('csv-parse/sync');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      to: maxRows + 20,
      delimiter: [',', '\t'],
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new JxError('PROJECT_LIST_INVALID', `CSV 格式错误${line ? `（第 ${line} 行附近）` : ''}：${(e as Error).message.slice(0, 120)}`, [
      { ...(line ? { line } : {}), message: '引号未闭合或列分隔不一致' },
    ]);
  }
  if (records.length > maxRows + 10) throw new JxError('FILE_TOO_LARGE', `${subject}超过 ${maxRows} 行`);
  return records
    .map((r) => ({ line: r.info.lines, cells: r.record.slice(0, MAX_COLUMNS).map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
}
