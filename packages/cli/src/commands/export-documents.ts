/** What `jixiao export` needs of @jixiao/documents (loaded at run time), and an atomic file write. */
import { rename, writeFile } from 'node:fs/promises';
import { JxError, type Evaluation } from '@jixiao/core';

export type Format = 'docx' | 'xlsx' | 'pdf';
export type DocumentKind = 'report' | 'table';

export interface ExportOptions {
  template?: string;
  document?: DocumentKind;
  children?: Evaluation[];
  onNote?: (note: string) => void;
}

export interface DocumentsModule {
  exportEvaluation(evaluation: Evaluation, format: Format, options: ExportOptions): Promise<Uint8Array>;
  exportDocument(evaluation: Evaluation, format: Format, document?: DocumentKind): DocumentKind;
  renderUnitProjectsWorkbook(evaluations: Evaluation[], options: { template?: string }): Promise<Uint8Array>;
  loadTemplate(id: string): unknown;
}

export async function loadDocuments(): Promise<DocumentsModule> {
  try {
    const specifier = '@jixiao/documents'; // resolved at run time: only `export` needs it
    return (await import(specifier)) as DocumentsModule;
  } catch (e) {
    throw new JxError('UNSUPPORTED_FORMAT', `导出文档需要 @jixiao/documents 模块（${e instanceof Error ? e.message : String(e)}）`);
  }
}

/** Write through a temporary file so an interrupted run never leaves half a file behind. */
export async function writeAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${target}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, target);
}

