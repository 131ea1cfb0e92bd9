/** The evaluation being built from one section of a document, with provenance bookkeeping. */
import { Evaluation, type SourceRef } from '@jixiao/core';

export type Draft = Evaluation;

export interface Ctx {
  ev: Draft;
  /** All lines of the document (provenance line numbers refer to them). */
  lines: string[];
  /** The section of the document this evaluation is read from: lines [from, to). */
  from: number;
  to: number;
  file: string | null;
  notes: string[];
  /** Amounts read from tables were printed in 元 (converted). */
  yuanTables: boolean;
}

let template: Draft | null = null;

export function emptyDraft(): Draft {
  // schema defaults are shared objects: never mutate them in place
  template ??= Evaluation.parse({ kind: 'department', fiscalYear: 2000 });
  return structuredClone(template);
}

export function snippetOf(line: string, start: number, end: number): string {
  if (line.length <= 160) return line.replace(/\t+/g, ' | ').trim();
  const a = Math.max(0, start - 60);
  const b = Math.min(line.length, Math.max(end, start) + 60);
  return (a > 0 ? '…' : '') + line.slice(a, b).replace(/\t+/g, ' | ').trim() + (b < line.length ? '…' : '');
}

export function setProv(ctx: Ctx, path: string, line: number, start: number, end: number): void {
  const l = ctx.lines[line] ?? '';
  const ref: SourceRef = { file: ctx.file, line: line + 1, start, end, snippet: snippetOf(l, start, end) };
  ctx.ev.provenance[path] = ref;
}

/** The lines of the section, with their indexes (for scans that read the text line by line). */
export function sectionLines(ctx: Ctx): Array<{ i: number; text: string }> {
  const out: Array<{ i: number; text: string }> = [];
  for (let i = ctx.from; i < ctx.to; i++) out.push({ i, text: ctx.lines[i]! });
  return out;
}
