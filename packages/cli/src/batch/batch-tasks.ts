/**
 * One file's work in a batch — audit it, or export it — as a task a worker thread can run: plain
 * data in, plain data out (an audit travels as its `--json` text, so nothing depends on class
 * instances crossing threads). A user error (JxError) is part of the result; anything else is
 * thrown and ends the batch, as it would in one thread.
 */
import { JxError, auditEvaluation, getProfile, isJxError, type AuditResult } from '@jixiao/core';
import { auditJson } from '../output/audit-json.js';
import { readEvaluationFile, type LoadedEvaluation } from '../read-evaluation-file.js';
import { loadDocuments, writeAtomic, type DocumentKind, type DocumentsModule, type ExportOptions, type Format } from '../commands/export-documents.js';

type JxErrorJson = ReturnType<JxError['toJSON']>;

export type BatchTask =
  | { kind: 'audit'; file: string; profile?: string | undefined }
  | { kind: 'export'; file: string; format: Format; options: Omit<ExportOptions, 'onNote'>; target: string; needsDepartment?: boolean };

export type BatchResult =
  | { kind: 'audit'; ok: true; json: string; counts: { error: number; warning: number }[] }
  | { kind: 'export'; ok: true; notes: string[] }
  | { kind: 'audit' | 'export'; ok: false; error: { message: string; json: JxErrorJson } };

export interface Audited {
  loaded: LoadedEvaluation;
  /** One audit per evaluation of the file, in the same order. */
  results: AuditResult[];
  main: number;
}

/** Every evaluation a file holds, audited (by `profileRef` when given, else each by its own profile). */
export function auditLoaded(loaded: LoadedEvaluation, profileRef: string | undefined): Audited {
  const options = profileRef ? { profile: getProfile(profileRef) } : {};
  const results = loaded.evaluations.map((ev) => auditEvaluation(ev, options));
  return { loaded, results, main: Math.max(0, loaded.evaluations.indexOf(loaded.evaluation)) };
}

let documents: Promise<DocumentsModule> | null = null;

/** Renders one evaluation file into `target` (written atomically); returns the notes the renderer made. */
export async function exportFile(docs: DocumentsModule, task: Extract<BatchTask, { kind: 'export' }>): Promise<string[]> {
  const loaded = await readEvaluationFile(task.file);
  if (task.needsDepartment && loaded.evaluation.kind !== 'department') throw new JxError('USAGE', `--projects 用于部门整体自评报告，${task.file} 不是部门整体自评`);
  docs.exportDocument(loaded.evaluation, task.format, task.options.document as DocumentKind | undefined); // a combination that does not exist: fail before rendering
  const notes = new Set<string>();
  const bytes = await docs.exportEvaluation(loaded.evaluation, task.format, { ...task.options, onNote: (n) => notes.add(n) });
  await writeAtomic(task.target, bytes);
  return [...notes];
}

export async function runTask(task: BatchTask): Promise<BatchResult> {
  try {
    if (task.kind === 'audit') {
      const a = auditLoaded(await readEvaluationFile(task.file), task.profile);
      return { kind: 'audit', ok: true, json: JSON.stringify(auditJson(a.loaded, a.results)), counts: a.results.map((r) => ({ error: r.counts.error, warning: r.counts.warning })) };
    }
    documents ??= loadDocuments();
    return { kind: 'export', ok: true, notes: await exportFile(await documents, task) };
  } catch (e) {
    if (!isJxError(e)) throw e;
    return { kind: task.kind, ok: false, error: { message: e.message, json: e.toJSON() } };
  }
}
