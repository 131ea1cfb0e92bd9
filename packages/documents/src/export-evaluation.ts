/** One entry for the CLI and the server: an evaluation → docx | xlsx | pdf bytes. */
import { JxError, type Evaluation, type Profile } from '@jixiao/core';
import { renderReportDocx } from './docx/render-report-docx.js';
import { convertDocxToPdf } from './pdf/convert-docx-to-pdf.js';
import { renderTablesXlsx } from './xlsx/render-tables-xlsx.js';

export type ExportFormat = 'docx' | 'xlsx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'xlsx', 'pdf'];

export const MIME_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface ExportOptions {
  template?: string;
  profile?: Profile;
  charts?: boolean;
  onNote?: (note: string) => void;
}

export async function exportEvaluation(evaluation: Evaluation, format: ExportFormat, options: ExportOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return renderReportDocx(evaluation, options);
    case 'xlsx':
      return renderTablesXlsx(evaluation, options);
    case 'pdf':
      return convertDocxToPdf(await renderReportDocx(evaluation, options));
    default:
      throw new JxError('UNSUPPORTED_FORMAT', `导出格式应为 docx / xlsx / pdf，收到“${String(format)}”`);
  }
}
