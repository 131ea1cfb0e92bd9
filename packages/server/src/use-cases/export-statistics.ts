/**
 * The statistics behind the dashboard, one evaluation a row, as CSV or XLSX streamed in batches
 * (never the whole year in memory): unit, department, kind and project in every row, numbers
 * rounded as displayed (two places, half up; rates in %), 无法定级 spelled out, text that a
 * spreadsheet would run as a formula neutralised.
 */
import { PassThrough, Readable } from 'node:stream';
import { EVALUATION_KIND_LABELS, dec, formatDecimal, getProfile, commonGradeBand, neutraliseSpreadsheetText, COMMON_GRADE_BANDS, type EvaluationKind } from '@jixiao/core';
import type { AppContext } from '../context.js';
import { DashboardRepository, type StatisticsRow } from '../repositories/dashboard.repository.js';
import { visibilityOf, type Actor } from '../workflow/access.js';
import { STATE_LABELS, isEvaluationState } from '../workflow/state-machine.js';
import { keepFormulaTextAsText } from '../xlsx-text-cells.js';
import { dashboardScope, type DashboardFilters } from './get-dashboard.js';

const BATCH = 1000;

export const STATISTICS_COLUMNS = [
  '年度',
  '主管部门',
  '单位',
  '类型',
  '项目编码',
  '项目名称',
  '标题',
  '状态',
  '评价规则',
  '自评得分',
  '系统计算得分',
  '复评得分',
  '统计得分',
  '等级',
  '统一等级档次',
  '无法定级原因',
  '预算执行率（%）',
] as const;

/** A number cell: the displayed figure (two places, half up) as decimal text, or null. */
export type StatisticsCell = { text: string } | { number: string } | null;

const score = (x: string | null): StatisticsCell => (x === null || x === '' ? null : { number: formatDecimal(dec(x), 2, true) });
const txt = (x: string | number | null): StatisticsCell => (x === null || x === '' ? null : { text: String(x) });

function bandLabel(profileRef: string, grade: string | null): string | null {
  if (grade === null) return null;
  try {
    const band = commonGradeBand(getProfile(profileRef), grade);
    return COMMON_GRADE_BANDS.find((b) => b.id === band)?.label ?? null;
  } catch {
    return null;
  }
}

/** One exported row, cell by cell, as displayed. */
export function statisticsCells(r: StatisticsRow): StatisticsCell[] {
  const ungradable = r.grade === null && r.ungradableReason !== null;
  return [
    txt(r.fiscalYear),
    txt(r.departmentName),
    txt(r.unitName),
    txt(EVALUATION_KIND_LABELS[r.kind as EvaluationKind] ?? r.kind),
    txt(r.projectCode),
    txt(r.projectName),
    txt(r.title),
    txt(isEvaluationState(r.status) ? STATE_LABELS[r.status] : r.status),
    txt(r.profile),
    score(r.selfScore),
    score(r.computedScore),
    score(r.reviewScore),
    score(r.score),
    txt(r.grade ?? (ungradable ? '无法定级' : null)),
    txt(ungradable ? '无法定级' : bandLabel(r.profile, r.grade)),
    txt(r.ungradableReason),
    r.executionRate === null || r.executionRate === '' ? null : { number: formatDecimal(dec(r.executionRate).times(100), 2, true) },
  ];
}

/** Every row of the scope, batch by batch (keyset paging by id). */
export async function* statisticsRows(ctx: AppContext, actor: Actor, f: DashboardFilters): AsyncGenerator<StatisticsRow[]> {
  const repo = new DashboardRepository(ctx.db);
  const v = visibilityOf(actor);
  const scope = dashboardScope(f);
  for (let after = 0; ; ) {
    const rows = await repo.rows(v, scope, after, BATCH);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
    if (rows.length < BATCH) return;
  }
}

function csvField(c: StatisticsCell): string {
  if (c === null) return '';
  const s = 'number' in c ? c.number : neutraliseSpreadsheetText(c.text);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV (UTF-8 with BOM, opens in Excel), streamed. */
export function statisticsCsv(ctx: AppContext, actor: Actor, f: DashboardFilters): Readable {
  async function* lines() {
    yield Buffer.from(`\uFEFF${STATISTICS_COLUMNS.join(',')}\r\n`);
    for await (const batch of statisticsRows(ctx, actor, f)) {
      yield Buffer.from(batch.map((r) => `${statisticsCells(r).map(csvField).join(',')}\r\n`).join(''));
    }
  }
  return Readable.from(lines());
}

/**
 * XLSX through exceljs's streaming writer: numbers as numbers shown with two places, text as
 * text (a cell value that starts with = is a string, never a formula, in exceljs), and text that
 * looks like a formula in the Text format as well (xlsx-text-cells).
 */
export function statisticsXlsx(ctx: AppContext, actor: Actor, f: DashboardFilters): Readable {
  const out = new PassThrough();
  void (async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('自评统计');
    ws.columns = STATISTICS_COLUMNS.map((h) => ({ header: h, width: Math.max(10, h.length * 2 + 2) }));
    for await (const batch of statisticsRows(ctx, actor, f)) {
      for (const r of batch) {
        const cells = statisticsCells(r);
        const row = ws.addRow(cells.map((c) => (c === null ? null : 'number' in c ? Number(c.number) : c.text)));
        cells.forEach((c, i) => {
          if (c !== null && 'number' in c) row.getCell(i + 1).numFmt = '0.00';
        });
        keepFormulaTextAsText(row);
        row.commit();
      }
    }
    ws.commit();
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
