/**
 * One entry for the CLI and the server: an evaluation → docx | xlsx | pdf bytes.
 * A department evaluation: the 自评报告 (.docx, PDF) or its tables (.xlsx). A project or
 * transfer: its 自评表 in every format (.xlsx with live formulas; .docx and PDF the same
 * table), or with `document: 'report'` its 自评报告 (.docx, PDF).
 */
import { JxError, type Evaluation, type Profile } from '@jixiao/core';
import { renderReportDocx } from './docx/render-report-docx.js';
import { renderFormDocx, renderFormXlsx } from './form/render-form.js';
import { convertDocxToPdf } from './pdf/convert-docx-to-pdf.js';
import { renderTablesXlsx } from './xlsx/render-tables-xlsx.js';

export type ExportFormat = 'docx' | 'xlsx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'xlsx', 'pdf'];

/** Which document: the narrative 自评报告 or the 自评表. */
export type ExportDocument = 'report' | 'table';
export const EXPORT_DOCUMENTS: readonly ExportDocument[] = ['report', 'table'];

export const MIME_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface ExportOptions {
  template?: string;
  profile?: Profile;
  charts?: boolean;
  /** Default: the report for a department (.docx/PDF), the 自评表 for a project or transfer. */
  document?: ExportDocument;
  /** A department report's projects (project and transfer evaluations), for its project chapter. */
  children?: readonly Evaluation[];
  onNote?: (note: string) => void;
}

/** The document an export writes, or a JxError when the combination does not exist. */
export function exportDocument(evaluation: Pick<Evaluation, 'kind'>, format: ExportFormat, document?: ExportDocument): ExportDocument {
  if (document !== undefined && !EXPORT_DOCUMENTS.includes(document)) throw new JxError('USAGE', `文档应为 report（自评报告）或 table（自评表），收到“${String(document)}”`);
  if (format === 'xlsx') {
    if (document === 'report') throw new JxError('UNSUPPORTED_FORMAT', '自评报告没有 .xlsx 格式；请用 docx 或 pdf');
    return 'table';
  }
  if (evaluation.kind === 'department') {
    if (document === 'table') throw new JxError('UNSUPPORTED_FORMAT', '部门整体自评表请导出为 .xlsx（docx / pdf 为自评报告）');
    return 'report';
  }
  return document ?? 'table';
}

export async function exportEvaluation(evaluation: Evaluation, format: ExportFormat, options: ExportOptions = {}): Promise<Uint8Array> {
  if (!EXPORT_FORMATS.includes(format)) throw new JxError('UNSUPPORTED_FORMAT', `导出格式应为 docx / xlsx / pdf，收到“${String(format)}”`);
  const doc = exportDocument(evaluation, format, options.document);
  if (format === 'xlsx') return evaluation.kind === 'department' ? renderTablesXlsx(evaluation, options) : renderFormXlsx(evaluation, options);
  const docx = doc === 'report' ? await renderReportDocx(evaluation, options) : await renderFormDocx(evaluation, options);
  return format === 'pdf' ? convertDocxToPdf(docx) : docx;
}
