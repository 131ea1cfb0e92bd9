/**
 * Import any published self-evaluation report (.txt .docx .pdf .xlsx, or model .json) into
 * the Evaluation model, with provenance (model path → source line) for every figure.
 */
import { stat, open } from 'node:fs/promises';
import { basename } from 'node:path';
import { JxError, parseEvaluationJson, type Evaluation } from '@jixiao/core';
import { detectFormat, type ReportFormat } from './detect-format.js';
import { decodeText } from './decode-text.js';
import { importLines } from './import-text.js';
import { readDocx } from './readers/read-docx.js';
import { readXlsx } from './readers/read-xlsx.js';
import { readPdf } from './readers/read-pdf.js';
import { withTimeout } from './readers/with-timeout.js';
import { htmlToLines } from './readers/html-to-lines.js';

export interface ImportOptions {
  /** Largest input accepted, in bytes (default 50 MB). */
  maxBytes?: number;
  /** Give up after this many milliseconds (default 60 s). */
  timeoutMs?: number;
}

export interface ImportResult {
  evaluation: Evaluation;
  format: ReportFormat;
  /** The normalised text lines that provenance line numbers (1-based) refer to. */
  lines: string[];
  /** Chinese notes on what was converted (元→万元, GB18030, LaTeX debris …). */
  notes: string[];
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 60_000;

const ENCODING_NOTES: Record<string, string | null> = {
  'utf-8': null,
  'utf-16le': '文件编码为 UTF-16（小端），已转换',
  'utf-16be': '文件编码为 UTF-16（大端），已转换',
  gb18030: '文件编码为 GB18030/GBK，已转换为 UTF-8',
};

function mb(n: number): string {
  return `${(n / 1048576).toFixed(1)} MB`;
}

export async function importReport(input: { bytes: Uint8Array; fileName: string }, options: ImportOptions = {}): Promise<ImportResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { bytes, fileName } = input;
  if (bytes.length === 0) throw new JxError('FILE_EMPTY', fileName);
  if (bytes.length > maxBytes) throw new JxError('FILE_TOO_LARGE', `${fileName}（${mb(bytes.length)}，上限 ${mb(maxBytes)}）`);
  const format = detectFormat(bytes, fileName);
  const notes: string[] = [];
  const file = basename(fileName);
  let cancelled = false;
  const work = async (): Promise<ImportResult> => {
    switch (format) {
      case 'json': {
        const { text } = decodeText(bytes);
        const r = parseEvaluationJson(text);
        if (!r.ok) throw r.error;
        return { evaluation: r.value, format, lines: text.split(/\r?\n/), notes };
      }
      case 'txt': {
        const { text, encoding } = decodeText(bytes);
        const note = ENCODING_NOTES[encoding];
        if (note) notes.push(note);
        let rawLines = text.split(/\r\n|\n|\r/);
        if (/<table[\s>]/i.test(text)) {
          // HTML tables inside text (PDF-to-Markdown converters write them): one line per row
          rawLines = text.split(/(<table[\s\S]*?<\/table>)/i).flatMap((part) => (/^<table/i.test(part) ? htmlToLines(part) : part.split(/\r\n|\n|\r/)));
          notes.push('文本中的 HTML 表格已按行转换（行号指转换后的文本）');
        }
        const r = importLines(rawLines, file, format, notes);
        return { ...r, format, notes: withUnitNote(r.evaluation, notes) };
      }
      case 'docx': {
        const lines = await readDocx(bytes, notes);
        if (lines.join('').trim() === '') throw new JxError('DOCUMENT_NO_TEXT', 'Word 文档中没有文字');
        const r = importLines(lines, file, format, notes);
        return { ...r, format, notes: withUnitNote(r.evaluation, notes) };
      }
      case 'xlsx': {
        const lines = await readXlsx(bytes, notes);
        const r = importLines(lines, file, format, notes);
        return { ...r, format, notes: withUnitNote(r.evaluation, notes) };
      }
      case 'pdf': {
        const lines = await readPdf(bytes, notes, () => cancelled);
        const r = importLines(lines, file, format, notes);
        return { ...r, format, notes: withUnitNote(r.evaluation, notes) };
      }
    }
  };
  try {
    return await withTimeout(work(), timeoutMs, `读取 ${file} `);
  } catch (e) {
    cancelled = true;
    if (e instanceof JxError) throw e;
    throw new JxError('DOCUMENT_CORRUPT', `${file}：${e instanceof Error ? e.message.slice(0, 120) : String(e)}`);
  }
}

function withUnitNote(ev: Evaluation, notes: string[]): string[] {
  if (ev.funds.sourceUnit === '元') notes.push('表中金额单位为元，已换算为万元');
  return notes;
}

/** Read a file (refusing it before reading when it is over the size cap) and import it. */
export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const info = await stat(path).catch(() => null);
  if (!info) throw new JxError('FILE_NOT_FOUND', path);
  if (info.isDirectory()) throw new JxError('FILE_UNREADABLE', `${path} 是文件夹`);
  if (info.size === 0) throw new JxError('FILE_EMPTY', path);
  if (info.size > maxBytes) throw new JxError('FILE_TOO_LARGE', `${path}（${mb(info.size)}，上限 ${mb(maxBytes)}）`);
  let bytes: Uint8Array;
  try {
    // read at most maxBytes + 1 so a file that grew since stat() cannot exhaust memory
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      bytes = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    throw new JxError('FILE_UNREADABLE', path);
  }
  return importReport({ bytes, fileName: path }, options);
}
