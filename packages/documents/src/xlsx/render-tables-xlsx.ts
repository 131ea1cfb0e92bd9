/**
 * 自评表 (and, for department evaluations when the template includes it, 基础数据表) as
 * one .xlsx workbook with live formulas and cached results.
 */
import ExcelJS from 'exceljs';
import { JxError, type Evaluation, type Profile } from '@jixiao/core';
import { renderFormXlsx } from '../form/render-form.js';
import { computeReportFigures } from '../compute/compute-report-figures.js';
import { templateFor } from '../templates/load-template.js';
import { buildBaseDataSheet, type BaseDataCells } from './build-base-data-sheet.js';
import { buildSelfEvaluationSheet, type SelfEvaluationCells } from './build-self-evaluation-sheet.js';
import { buildRuleCheckSheet, type RuleCheckCells } from './build-rule-check-sheet.js';

export const RULE_CHECK_SHEET = '规则测算';

export interface RenderTablesOptions {
  template?: string;
  profile?: Profile;
  /** Document properties date; default now. */
  createdAt?: Date;
}

export interface RenderedTables {
  bytes: Uint8Array;
  sheets: { selfEvaluation: string; baseData: string | null };
  cells: { selfEvaluation: SelfEvaluationCells; baseData: BaseDataCells | null; ruleCheck: RuleCheckCells };
}

/** The tables of an evaluation: a department's 自评表 (+ 基础数据表), a project's or transfer's 自评表. */
export async function renderTablesXlsx(evaluation: Evaluation, options: RenderTablesOptions = {}): Promise<Uint8Array> {
  if (evaluation.kind !== 'department') return renderFormXlsx(evaluation, options);
  return (await renderTablesWorkbook(evaluation, options)).bytes;
}

/** Like renderTablesXlsx for a department evaluation, and also says where the live figures are. */
export async function renderTablesWorkbook(evaluation: Evaluation, options: RenderTablesOptions = {}): Promise<RenderedTables> {
  if (evaluation.kind !== 'department') throw new JxError('UNSUPPORTED_FORMAT', '项目支出与转移支付自评表由 renderFormWorkbook 生成');
  const template = templateFor(evaluation, options.template);
  const fig = computeReportFigures(evaluation, options.profile);
  const wb = new ExcelJS.Workbook();
  const when = options.createdAt ?? new Date();
  wb.creator = 'jixiao';
  wb.created = when;
  wb.modified = when;
  wb.calcProperties = { fullCalcOnLoad: true };
  const spec = template.tables;
  let baseData: BaseDataCells | null = null;
  let baseName: string | null = null;
  if (evaluation.kind === 'department' && spec.baseData.include) {
    baseName = spec.baseData.sheetName;
    baseData = buildBaseDataSheet(wb.addWorksheet(baseName), fig, template);
  }
  const selfEvaluation = buildSelfEvaluationSheet(wb.addWorksheet(spec.selfEvaluation.sheetName), fig, template);
  // The reviewer's recomputation: hidden, so readers (and the importer) take the unit's figures from the 自评表.
  const ruleCheck = buildRuleCheckSheet(wb.addWorksheet(RULE_CHECK_SHEET, { state: 'hidden' }), fig, template, selfEvaluation, spec.selfEvaluation.sheetName);
  const buf = await wb.xlsx.writeBuffer();
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
  return { bytes, sheets: { selfEvaluation: spec.selfEvaluation.sheetName, baseData: baseName }, cells: { selfEvaluation, baseData, ruleCheck } };
}
