/**
 * A project (项目支出) or transfer (转移支付区域绩效) 自评表 as a grid, in the template's layout:
 * title; header (项目名称, 项目编码, 主管部门 | 实施单位 …); the funds block; 年度总体目标
 * (one row per goal: 预期目标 | 实际完成情况); the indicator block with 总分 and the grade;
 * signature lines. Column A holds the block labels, merged down each block.
 */
import { dec, type Evaluation, type Profile } from '@jixiao/core';
import { computeReportFigures, type ReportFigures } from '../compute/compute-report-figures.js';
import { placeholderValues } from '../compute/build-report-outline.js';
import { fillPlaceholders } from '../compute/format-figures.js';
import { gradeCheckSentence } from '../compute/grade-check.js';
import { formFor, templateFor } from '../templates/load-template.js';
import type { FormSpec, HeaderField, Template } from '../templates/template-schema.js';
import { buildFundsBlock, type FundsCells } from './form-funds-block.js';
import { buildIndicatorBlock, type IndicatorCells } from './form-indicator-block.js';
import { GridBuilder, type FormGrid } from './form-grid.js';
import { layoutColumns } from './layout-columns.js';

/** Left and right cell margin of the Word table: a clear gap between cells read back from a PDF. */
export const CELL_MARGIN_MM = 2.5;

export interface FormContext {
  ev: Evaluation;
  fig: ReportFigures;
  spec: FormSpec;
  b: GridBuilder;
  ncols: number;
  /** 1 for 万元, 10000 for 元 (the model holds 万元). */
  scale: ReturnType<typeof dec>;
  fillUnit(text: string): string;
}

export interface FormCells {
  funds: FundsCells;
  indicators: IndicatorCells;
}

export interface BuiltForm {
  grid: FormGrid;
  cells: FormCells;
  template: Template;
  spec: FormSpec;
  fig: ReportFigures;
}

export interface BuildFormOptions {
  template?: string;
  profile?: Profile;
}

export function buildFormGrid(evaluation: Evaluation, options: BuildFormOptions = {}): BuiltForm {
  if (evaluation.kind === 'department') throw new Error('buildFormGrid is for project and transfer evaluations');
  const template = templateFor(evaluation, options.template);
  const spec = formFor(template, evaluation.kind);
  const fig = computeReportFigures(evaluation, options.profile);
  const ncols = Math.max(1 + spec.indicators.columns.length, 2 + spec.funds.columns.length);
  const unit = evaluation.funds.sourceUnit;
  const ctx: FormContext = {
    ev: evaluation,
    fig,
    spec,
    b: new GridBuilder(),
    ncols,
    scale: dec(unit === '元' ? 10000 : 1),
    fillUnit: (text) => text.replace('{unit}', unit),
  };
  const values = placeholderValues(evaluation);
  const top = spec.attachmentLabel ? 3 : 2;
  let r = headerRows(ctx, top);
  const funds = buildFundsBlock(ctx, r);
  r = goalRows(ctx, funds.next);
  const indicators = buildIndicatorBlock(ctx, r, funds.cells);
  const grid: FormGrid = {
    columns: layoutColumns(ctx.b.list(), ncols, {
      totalMm: 297 - template.margins.left - template.margins.right,
      fontPt: template.sizes.table,
      paddingMm: 2 * CELL_MARGIN_MM,
      maxWrapMm: 60,
      wrapFloorEms: 8,
    }),
    attachmentLabel: spec.attachmentLabel,
    title: fillPlaceholders(spec.title, values),
    top,
    bottom: indicators.next - 1,
    repeatRow: indicators.cells.headerRow,
    rowHeights: ctx.b.rowHeights,
    cells: ctx.b.list(),
    // Under the table: jixiao's check beside the stated grade where the total cannot be graded, then the signatures.
    footer: [...[gradeCheckSentence(fig)].flatMap((t) => (t ? [`注：${t}`] : [])), ...footerLines(evaluation, spec)],
  };
  return { grid, cells: { funds: funds.cells, indicators: indicators.cells }, template, spec, fig };
}

function headerValue(ev: Evaluation, f: HeaderField): string | null {
  const p = ev.project;
  switch (f) {
    case 'name':
      return p?.name ?? null;
    case 'code':
      return p?.code ?? null;
    case 'supervisingDepartment':
      return ev.supervisingDepartment;
    case 'implementingUnit':
      return p?.implementingUnit ?? ev.unit.name;
    case 'unit':
      return ev.unit.name;
    case 'manager':
    case 'phone':
    case 'category':
    case 'issuingDepartment':
      return p?.[f] ?? null;
  }
}

function headerRows(ctx: FormContext, top: number): number {
  const { b, spec, ev, ncols } = ctx;
  let r = top;
  const q = 3 + Math.floor((ncols - 2) / 2); // the second pair's label column
  for (const row of spec.header) {
    const values = row.cells.map((c) => headerValue(ev, c.field));
    if (row.optional && values.every((v) => v === null)) continue;
    if (row.cells.length === 1) {
      b.span(r, 1, 2, row.cells[0]!.label, { bold: true });
      b.span(r, 3, ncols, values[0] ?? '', { align: 'left', wrap: true });
    } else {
      b.span(r, 1, 2, row.cells[0]!.label, { bold: true });
      b.span(r, 3, q - 1, values[0] ?? '', { align: 'left', wrap: true });
      b.span(r, q, q, row.cells[1]!.label, { bold: true, wrap: 'soft' });
      b.span(r, q + 1, ncols, values[1] ?? '', { align: 'left', wrap: true });
    }
    b.rowHeights.set(r, 22);
    r++;
  }
  return r;
}

function goalRows(ctx: FormContext, top: number): number {
  const { b, spec, ev, ncols } = ctx;
  const mid = 2 + Math.floor((ncols - 1) / 2);
  b.span(top, 2, mid - 1, spec.goals.expected, { bold: true });
  b.span(top, mid, ncols, spec.goals.achieved, { bold: true });
  let r = top + 1;
  const goals = ev.goals.length > 0 ? ev.goals : [null];
  for (const g of goals) {
    const expected = g?.expected ?? g?.title ?? '';
    const achieved = g?.achieved ?? '';
    b.span(r, 2, mid - 1, expected, { align: 'left', wrap: true });
    b.span(r, mid, ncols, achieved, { align: 'left', wrap: true });
    const longest = Math.max(expected.length, achieved.length);
    b.rowHeights.set(r, Math.min(300, Math.max(30, Math.ceil(longest / 34) * 14 + 6)));
    r++;
  }
  b.put(top, 1, spec.goals.label, { bold: true, rowSpan: r - top, wrap: 'soft' });
  return r;
}

/** Signature lines whose placeholders have at least one known value (blanks print as a gap). */
function footerLines(ev: Evaluation, spec: FormSpec): string[] {
  const s = ev.signatures;
  const values: Record<string, string | null> = {
    filler: s.filler,
    contact: s.contact,
    phone: s.phone ?? ev.project?.phone ?? null,
    head: s.head,
    manager: ev.project?.manager ?? null,
    date: s.date,
  };
  return spec.footer.flatMap((line) => {
    const keys = [...line.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    if (!keys.some((k) => values[k])) return [];
    return [line.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '　　　　')];
  });
}
