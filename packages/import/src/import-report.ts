/**
 * Import any published self-evaluation report (.txt .docx .pdf .xlsx .html, or model .json)
 * into the Evaluation model, with provenance (model path → source line) for every figure.
 * Readers → one document of blocks → sections → one evaluation each (a report on five
 * projects gives five; a department report with annexed project tables gives the department
 * and its projects). `evaluation` is the main one.
 */
import { stat, open } from 'node:fs/promises';
import { basename } from 'node:path';
import { JxError, parseEvaluationJson, type Evaluation } from '@jixiao/core';
import { detectFormat, type ReportFormat } from './detect-format.js';
import { decodeText } from './decode-text.js';
import type { RawBlock } from './document/raw-blocks.js';
import { buildDocument } from './document/build-document.js';
import { readText } from './readers/read-text.js';
import { readHtmlPage } from './readers/read-html-page.js';
import { withTimeout } from './readers/with-timeout.js';
import { assembleDocument } from './assemble/assemble-document.js';

export interface ImportOptions {
  /** Largest input accepted, in bytes (default 50 MB). */
  maxBytes?: number;
  /** Give up after this many milliseconds (default 60 s). */
  timeoutMs?: number;
}

export interface ImportResult {
  /** The main evaluation of the document (also one of `evaluations`). */
  evaluation: Evaluation;
  /** Every evaluation the document holds, in document order. */
  evaluations: Evaluation[];
  format: ReportFormat;
  /** The normalised text lines that provenance line numbers (1-based) refer to. */
  lines: string[];
  /** Chinese notes on what was converted (元→万元, GB18030, LaTeX debris …) and what could not be read. */
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

function readTextFile(bytes: Uint8Array, notes: string[]): RawBlock[] {
  const { text, encoding } = decodeText(bytes);
  const note = ENCODING_NOTES[encoding];
  if (note) notes.push(note);
  return readText(text, notes);
}

/**
 * The Word, Excel and PDF readers load with their libraries (mammoth, exceljs, unpdf) on the first
 * file of their format, not with the package: a process importing only text reports (a batch
 * worker of `jixiao audit`) never compiles them. Node keeps a loaded module, so later files of the
 * format wait for nothing.
 */
const loadDocxReader = () => import('./readers/read-docx.js').then((m) => m.readDocx);
const loadXlsxReader = () => import('./readers/read-xlsx.js').then((m) => m.readXlsx);
const loadPdfReader = () => import('./readers/read-pdf.js').then((m) => m.readPdf);

async function readRaw(format: Exclude<ReportFormat, 'json'>, bytes: Uint8Array, notes: string[], isCancelled: () => boolean): Promise<RawBlock[]> {
  switch (format) {
    case 'txt':
      return readTextFile(bytes, notes);
    case 'html':
      return readHtmlPage(bytes, notes);
    case 'docx': {
      const raw = await (await loadDocxReader())(bytes, notes);
      if (raw.length === 0) throw new JxError('DOCUMENT_NO_TEXT', 'Word 文档中没有文字');
      return raw;
    }
    case 'xlsx':
      return (await loadXlsxReader())(bytes, notes);
    case 'pdf':
      return (await loadPdfReader())(bytes, notes, isCancelled);
  }
}

function importJson(bytes: Uint8Array, notes: string[]): ImportResult {
  const { text } = decodeText(bytes);
  const r = parseEvaluationJson(text);
  if (!r.ok) throw r.error;
  return { evaluation: r.value, evaluations: [r.value], format: 'json', lines: text.split(/\r?\n/), notes };
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
    if (format === 'json') return importJson(bytes, notes);
    const raw = await readRaw(format, bytes, notes, () => cancelled);
    const doc = buildDocument(raw, file, format, notes);
    const { evaluation, evaluations } = assembleDocument(doc, notes);
    if (evaluations.some((e) => e.funds.sourceUnit === '元')) notes.push('表中金额单位为元，已换算为万元');
    return { evaluation, evaluations, format, lines: doc.lines, notes };
  };
  try {
    return await withTimeout(work(), timeoutMs, `读取 ${file} `);
  } catch (e) {
    cancelled = true;
    if (e instanceof JxError) throw e;
    throw new JxError('DOCUMENT_CORRUPT', `${file}：${e instanceof Error ? e.message.slice(0, 120) : String(e)}`);
  }
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
