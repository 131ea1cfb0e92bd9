/** Which reader a file needs: magic bytes first, then the file name's extension. */
import { JxError } from '@jixiao/core';
import { isZip, listZip } from './readers/safe-unzip.js';

export type ReportFormat = 'txt' | 'docx' | 'pdf' | 'xlsx' | 'html' | 'json';

const EXT: Record<string, ReportFormat> = { '.txt': 'txt', '.text': 'txt', '.md': 'txt', '.csv': 'txt', '.tsv': 'txt', '.docx': 'docx', '.pdf': 'pdf', '.xlsx': 'xlsx', '.json': 'json', '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.shtml': 'html', '.mht': 'html' };

export function extensionOf(fileName: string): string {
  const m = /(\.[A-Za-z0-9]+)$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}

export function detectFormat(bytes: Uint8Array, fileName: string): ReportFormat {
  const ext = extensionOf(fileName);
  const head = (n: number) => String.fromCharCode(...bytes.subarray(0, n));
  if (Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).indexOf('%PDF-') >= 0) return 'pdf';
  if (isZip(bytes)) {
    const names = listZip(bytes).map((e) => e.name);
    if (names.some((n) => n === 'word/document.xml')) return 'docx';
    if (names.some((n) => n === 'xl/workbook.xml')) return 'xlsx';
    if (ext === '.docx' || ext === '.xlsx') throw new JxError('DOCUMENT_CORRUPT', `压缩包中没有${ext === '.docx' ? 'Word 正文（word/document.xml）' : 'Excel 工作簿（xl/workbook.xml）'}`);
    throw new JxError('UNSUPPORTED_FORMAT', '这是一个压缩包，但不是 .docx 或 .xlsx 文档');
  }
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    if (ext === '.docx' || ext === '.xlsx') throw new JxError('DOCUMENT_ENCRYPTED', 'Office 文档设有打开密码（加密后的 .docx/.xlsx 是复合文档格式）');
    throw new JxError('UNSUPPORTED_FORMAT', '旧版 Word/Excel 格式（.doc/.xls），请另存为 .docx 或 .xlsx 后再导入');
  }
  if (head(5) === '{\\rtf') throw new JxError('UNSUPPORTED_FORMAT', 'RTF 格式，请另存为 .docx 或 .txt 后再导入');
  if (ext === '.docx' || ext === '.xlsx') throw new JxError('DOCUMENT_CORRUPT', `扩展名为 ${ext}，但内容不是 Office 文档（不是 zip 压缩包）`);
  if (ext === '.pdf') throw new JxError('DOCUMENT_CORRUPT', '扩展名为 .pdf，但内容不是 PDF');
  if (EXT[ext] === 'json') return 'json';
  if (EXT[ext] === 'html') return 'html';
  // a text file that is a JSON object
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] === 0x7b && /"(?:kind|fiscalYear|schemaVersion)"/.test(new TextDecoder().decode(bytes.subarray(0, 4096)))) return 'json';
  // a web page saved without its extension
  if (EXT[ext] !== 'txt' && bytes[i] === 0x3c && /^<(?:!doctype\s+html|html[\s>])/i.test(Buffer.from(bytes.subarray(i, i + 64)).toString('latin1'))) return 'html';
  return 'txt';
}
