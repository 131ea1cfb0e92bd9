/**
 * Read one input file into an Evaluation: model JSON directly through core, any other
 * format (.txt .docx .pdf .xlsx) through @jixiao/import.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { JxError, parseEvaluationJson, type Evaluation } from '@jixiao/core';

export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
export const SUPPORTED_EXTENSIONS = ['.json', '.txt', '.docx', '.pdf', '.xlsx'] as const;

export interface LoadedEvaluation {
  file: string;
  /** The main evaluation of the file. */
  evaluation: Evaluation;
  /** Every evaluation the file holds (a report on several projects, a department with annexed project tables); includes `evaluation`. */
  evaluations: Evaluation[];
  format: string;
  /** Normalised source lines (imported reports), for quoting findings. */
  lines: string[] | null;
  notes: string[];
}

interface ImportModule {
  importFile(path: string, options?: { maxBytes?: number }): Promise<{
    evaluation: Evaluation;
    evaluations?: Evaluation[];
    format: string;
    lines: string[];
    notes: string[];
  }>;
}

export async function readEvaluationFile(file: string): Promise<LoadedEvaluation> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new JxError('FILE_NOT_FOUND', file);
  if (info.isDirectory()) throw new JxError('FILE_UNREADABLE', `${file} 是文件夹`);
  if (info.size === 0) throw new JxError('FILE_EMPTY', file);
  if (info.size > MAX_INPUT_BYTES) {
    throw new JxError('FILE_TOO_LARGE', `${file}（${(info.size / 1048576).toFixed(1)} MB，上限 ${MAX_INPUT_BYTES / 1048576} MB）`);
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.json') {
    const text = await readFile(file, 'utf8');
    const r = parseEvaluationJson(text);
    if (!r.ok) throw withFile(r.error, file);
    return { file, evaluation: r.value, evaluations: [r.value], format: 'json', lines: null, notes: [] };
  }
  let mod: ImportModule;
  try {
    const specifier = '@jixiao/import'; // resolved at run time: the import package is optional for JSON-only use
    mod = (await import(specifier)) as ImportModule;
  } catch {
    throw new JxError('UNSUPPORTED_FORMAT', `${file}：读取 ${ext || '无扩展名'} 文件需要 @jixiao/import 模块`);
  }
  if (typeof mod.importFile !== 'function') {
    throw new JxError('UNSUPPORTED_FORMAT', `${file}：@jixiao/import 尚不支持读取此类文件`);
  }
  try {
    const r = await mod.importFile(file, { maxBytes: MAX_INPUT_BYTES });
    return { file, evaluation: r.evaluation, evaluations: r.evaluations ?? [r.evaluation], format: r.format, lines: r.lines, notes: r.notes };
  } catch (e) {
    if (e instanceof JxError) throw withFile(e, file);
    throw e;
  }
}

function withFile(e: JxError, file: string): JxError {
  if (e.message.includes(file)) return e;
  const detail = e.message.replace(/^[^：]*：?/, '');
  return new JxError(e.code, detail ? `${file}：${detail}` : file, e.issues);
}
