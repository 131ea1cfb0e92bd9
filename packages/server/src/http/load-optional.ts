/**
 * The import and documents packages are loaded on first use, so the server starts
 * even when one of them fails to load; routes then answer 503 with a Chinese message.
 */
import { JxError } from '@jixiao/core';

type ImportReport = (input: { bytes: Uint8Array; fileName: string }) => Promise<{ evaluation: unknown; lines?: unknown }> | { evaluation: unknown; lines?: unknown };
type ExportEvaluation = (evaluation: unknown, format: string, options?: { template?: string }) => Promise<Uint8Array> | Uint8Array;

async function load(name: string, fn: string, what: string): Promise<(...a: never[]) => unknown> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(name)) as Record<string, unknown>;
  } catch (e) {
    throw new JxError('SERVICE_UNAVAILABLE', `${what}模块未能加载（${(e as Error).message.split('\n')[0]}）`);
  }
  const f = mod[fn];
  if (typeof f !== 'function') throw new JxError('SERVICE_UNAVAILABLE', `${what}模块尚未提供 ${fn}`);
  return f as (...a: never[]) => unknown;
}

let importName = '@jixiao/import';
let documentsName = '@jixiao/documents';
/** Tests point these at a missing module to see the 503. */
export function setOptionalModuleNames(names: { import?: string; documents?: string }) {
  if (names.import) importName = names.import;
  if (names.documents) documentsName = names.documents;
}

export async function loadImportReport(): Promise<ImportReport> {
  return (await load(importName, 'importReport', '报告导入')) as unknown as ImportReport;
}
export async function loadExportEvaluation(): Promise<ExportEvaluation> {
  return (await load(documentsName, 'exportEvaluation', '文档导出')) as unknown as ExportEvaluation;
}

/** One workbook for a unit's projects: a sheet per project 自评表 plus the 项目自评结果汇总表. */
type RenderUnitProjects = (evaluations: unknown[], options: { unitName: string; fiscalYear: number }) => Promise<Uint8Array> | Uint8Array;
export async function loadRenderUnitProjects(): Promise<RenderUnitProjects> {
  return (await load(documentsName, 'renderUnitProjectsWorkbook', '项目自评表汇总导出')) as unknown as RenderUnitProjects;
}

/** The import package's guarded unzip (declared sizes, ratios and a hard inflate cap), for .xlsx project lists. */
type SafeUnzip = (bytes: Uint8Array, want: (name: string) => boolean) => { files: Record<string, Uint8Array>; repacked: Uint8Array };
export async function loadSafeUnzip(): Promise<SafeUnzip> {
  return (await load(importName, 'safeUnzip', 'Excel 读取')) as unknown as SafeUnzip;
}

/** The report's gaps and the template's chapters (annual tasks validate template ids with the list). */
export interface ReportTools {
  listTemplateIds(): string[];
  listReportPlaceholders(evaluation: unknown, options?: { template?: string; children?: readonly unknown[] }): { label: string; where: string }[];
  describeReportChapters(evaluation: unknown, options?: { template?: string }): { template: { id: string; name: string }; chapters: unknown[] };
}
export async function loadReportTools(): Promise<ReportTools> {
  const names = ['listTemplateIds', 'listReportPlaceholders', 'describeReportChapters'] as const;
  const fns = await Promise.all(names.map((n) => load(documentsName, n, '报告模板')));
  return Object.fromEntries(names.map((n, i) => [n, fns[i]])) as unknown as ReportTools;
}
