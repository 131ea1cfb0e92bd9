/**
 * One workbook per unit: the 项目自评结果汇总表 first, then one sheet per project or transfer
 * (its 自评表 with live formulas), named after the project (legal, unique, ≤ 31 characters).
 * The summary's figures are live references to the project sheets; its cached roll-up comes
 * from core's computeProjectRollup.
 */
import { JxError, computeProjectRollup, type Evaluation, type Profile } from '@jixiao/core';
import { placeholderValues } from '../compute/build-report-outline.js';
import { fillPlaceholders } from '../compute/format-figures.js';
import { buildFormGrid } from '../form/build-form-grid.js';
import { newWorkbook, workbookBytes } from '../form/render-form.js';
import { writeFormSheet } from '../form/write-form-sheet.js';
import { templateFor } from '../templates/load-template.js';
import { buildSummarySheet, type SummaryCells, type SummaryEntry } from './build-summary-sheet.js';
import { uniqueSheetName } from './sheet-names.js';

export interface RenderUnitWorkbookOptions {
  template?: string;
  /** Score every project with this profile (default: each project's own). */
  profile?: Profile;
  createdAt?: Date;
  /** The unit's name and the year for the summary's title (default: from the evaluations). */
  unitName?: string;
  fiscalYear?: number;
}

export interface RenderedUnitWorkbook {
  bytes: Uint8Array;
  summarySheet: string;
  /** Sheet name of each evaluation, in the order given. */
  sheets: string[];
  summary: SummaryCells;
  entries: SummaryEntry[];
}

export async function renderUnitWorkbook(evaluations: readonly Evaluation[], options: RenderUnitWorkbookOptions = {}): Promise<RenderedUnitWorkbook> {
  if (evaluations.length === 0) throw new JxError('USAGE', '单位工作簿至少需要一个项目或转移支付自评');
  const notForm = evaluations.findIndex((e) => e.kind === 'department');
  if (notForm >= 0) throw new JxError('UNSUPPORTED_FORMAT', `第 ${notForm + 1} 个评价是部门整体自评；单位工作簿只收项目支出和转移支付自评表`);
  const first = evaluations[0]!;
  const template = templateFor(first, options.template);
  const spec = template.tables.projectSummary;
  const wb = newWorkbook(options.createdAt);
  const used = new Set<string>([spec.sheetName.toLowerCase()]);
  const summaryWs = wb.addWorksheet(spec.sheetName);
  const entries: SummaryEntry[] = evaluations.map((ev, i) => {
    const built = buildFormGrid(ev, { ...(options.template ? { template: options.template } : {}), ...(options.profile ? { profile: options.profile } : {}) });
    const sheet = uniqueSheetName(ev.project?.name ?? '', `项目${i + 1}`, used);
    writeFormSheet(wb.addWorksheet(sheet), built.grid, built.template);
    return { evaluation: ev, sheet, cells: built.cells };
  });
  const rollup = computeProjectRollup(evaluations, options.profile ? { profileFor: () => options.profile! } : {});
  const title = fillPlaceholders(spec.title, {
    ...placeholderValues(first),
    unit: options.unitName ?? commonUnit(evaluations),
    year: String(options.fiscalYear ?? first.fiscalYear),
  });
  const summary = buildSummarySheet(summaryWs, title, entries, rollup, template);
  return { bytes: await workbookBytes(wb), summarySheet: spec.sheetName, sheets: entries.map((e) => e.sheet), summary, entries };
}

/** The workbook's bytes (the server's and the CLI's entry). */
export async function renderUnitProjectsWorkbook(evaluations: readonly Evaluation[], options: RenderUnitWorkbookOptions = {}): Promise<Uint8Array> {
  return (await renderUnitWorkbook(evaluations, options)).bytes;
}

/** The unit's name when every evaluation names the same one, else empty. */
function commonUnit(evaluations: readonly Evaluation[]): string {
  const names = new Set(evaluations.map((e) => e.unit.name ?? ''));
  return names.size === 1 ? [...names][0]! : '';
}
