/** .xlsx → text lines: each sheet's rows as tab-separated lines; merged cells keep their value in the first cell. */
import ExcelJS from 'exceljs';
import { JxError } from '@jixiao/core';
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

export async function readXlsx(bytes: Uint8Array, notes: string[]): Promise<string[]> {
  const { files, repacked } = safeUnzip(bytes, (name) => !/^xl\/media\//.test(name));
  if (!files['xl/workbook.xml']) throw new JxError('DOCUMENT_CORRUPT', '不是 Excel 工作簿（缺少 xl/workbook.xml）');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(repacked) as unknown as ArrayBuffer);
  } catch (e) {
    throw new JxError('DOCUMENT_CORRUPT', `无法读取 Excel 工作簿（${e instanceof Error ? e.message.slice(0, 80) : '未知原因'}）`);
  }
  const lines: string[] = [];
  let cells = 0;
  wb.eachSheet((ws) => {
    if (ws.state && ws.state !== 'visible') return;
    if (lines.length > 0) lines.push('');
    lines.push(ws.name);
    const width = Math.min(ws.columnCount, 200);
    ws.eachRow({ includeEmpty: false }, (row) => {
      const out: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged && cell.master && cell.master.address !== cell.address;
        out.push(master ? '' : cellString(cell).replace(/[\t\r\n]+/g, ' ').trim());
      }
      const filled = out.filter((x) => x !== '');
      if (filled.length === 0) return;
      cells += filled.length;
      // a row with one value is a line of text; a table row keeps every column so columns stay aligned
      if (filled.length === 1) lines.push(filled[0]!);
      else lines.push(out.join('\t'));
    });
  });
  if (cells === 0) throw new JxError('DOCUMENT_NO_TEXT', '工作簿中没有数据');
  notes.push(`已读取 Excel 工作簿（${wb.worksheets.length} 个工作表），合并单元格取首格的值`);
  return lines;
}
