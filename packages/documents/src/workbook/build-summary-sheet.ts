/**
 * 项目自评结果汇总表: one row per project (项目编码, 项目名称, 类型, 年初/全年/执行 in 万元,
 * 执行率, 自评得分, 自评等级), every figure a live reference to the project's own sheet
 * (divided by 10000 where that sheet prints 元), then 合计 (SUM per column, and Σ执行 ÷ Σ全年
 * over the projects that state both, as the roll-up defines it), 平均得分 and 最低得分. Cached
 * results come from core's computeProjectRollup (rounded half up to the places shown).
 */
import type { Worksheet } from 'exceljs';
import { EVALUATION_KIND_LABELS, dec, type Decimal, type Evaluation, type ProjectRollup } from '@jixiao/core';
import type { FormCells } from '../form/build-form-grid.js';
import { fileNumber, fixedFormat } from '../form/form-grid.js';
import type { Template } from '../templates/template-schema.js';
import { SheetWriter, addr, colLetter, setA4PageSetup } from '../xlsx/sheet-writer.js';
import { sheetRef } from './sheet-names.js';

export interface SummaryEntry {
  evaluation: Evaluation;
  sheet: string;
  cells: FormCells;
}

export interface SummaryCells {
  firstRow: number;
  lastRow: number;
  /** Column letters of the figures. */
  columns: { initial: string; adjusted: string; executed: string; rate: string; score: string; grade: string };
  totalRow: number;
  averageRow: number;
  lowestRow: number;
}

const HEAD = ['序号', '项目编码', '项目名称', '类型', '年初预算数', '全年预算数', '全年执行数', '执行率', '自评得分', '自评等级'];
const AMOUNT = ['initial', 'adjusted', 'executed'] as const;
const AMOUNT_FMT = '0.00';
const RATE_FMT = '0.00%';

export function buildSummarySheet(ws: Worksheet, title: string, entries: SummaryEntry[], rollup: ProjectRollup, t: Template): SummaryCells {
  const w = new SheetWriter(ws, t.fonts.table, 10);
  const last = HEAD.length;
  ws.columns = [6, 24, 34, 10, 13, 13, 13, 10, 10, 16].map((width) => ({ width }));
  w.set(1, 1, title, { font: t.fonts.title, size: 16 });
  w.merge(1, 1, 1, last);
  ws.getRow(1).height = 32;
  w.set(2, 1, '金额单位：万元', { align: 'left', size: 9 });
  w.merge(2, 1, 2, last);
  HEAD.forEach((h, i) => w.set(3, i + 1, h, { bold: true }));
  const first = 4;
  entries.forEach((e, i) => summaryRow(w, first + i, i, e));
  const lastRow = first + entries.length - 1;
  const totalRow = lastRow + 1;
  const range = (c: number) => `${colLetter(c)}${first}:${colLetter(c)}${Math.max(first, lastRow)}`;
  w.set(totalRow, 1, '合计', { bold: true });
  w.merge(totalRow, 1, totalRow, 4);
  AMOUNT.forEach((k, i) => {
    const sum = rollup.funds[k].sum;
    w.formula(totalRow, 5 + i, `SUM(${range(5 + i)})`, Number(sum.toString()), { numFmt: fixedFormat(Math.max(2, sum.decimalPlaces())), bold: true });
  });
  const both = (c: number) => `SUMIFS(${range(c)},${range(6)},">=0",${range(7)},">=0")`;
  const ex = rollup.execution;
  w.formula(totalRow, 8, `IF(${both(6)}>0,${both(7)}/${both(6)},"")`, ex.rate === null ? '' : fileNumber(ex.rate, 4), { numFmt: RATE_FMT, bold: true });
  w.set(totalRow, 9, '');
  w.set(totalRow, 10, '');
  const scores = range(9);
  const averageRow = totalRow + 1;
  const lowestRow = totalRow + 2;
  const s = rollup.statedScores;
  w.set(averageRow, 1, '平均得分', { bold: true });
  w.merge(averageRow, 1, averageRow, 8);
  w.formula(averageRow, 9, `IF(COUNT(${scores})=0,"",AVERAGE(${scores}))`, s.average === null ? '' : fileNumber(s.average, 2), { numFmt: fixedFormat(2), bold: true });
  w.set(averageRow, 10, '');
  w.set(lowestRow, 1, '最低得分', { bold: true });
  w.merge(lowestRow, 1, lowestRow, 8);
  const min = `MIN(${scores})`;
  w.formula(lowestRow, 9, `IF(COUNT(${scores})=0,"",${min})`, s.lowest === null ? '' : Number(s.lowest.score.toString()), { numFmt: scoreFormat(s.lowest?.score ?? null), bold: true });
  // Which project it is, live too (the first at the lowest score).
  w.formula(lowestRow, 10, `IF(COUNT(${scores})=0,"",INDEX(${range(3)},MATCH(${min},${scores},0)))`, s.lowest === null ? '' : (s.lowest.name ?? s.lowest.code ?? ''), { bold: true });
  w.border(3, 1, lowestRow, last);
  setA4PageSetup(ws, { orientation: 'landscape', printArea: `A1:${addr(lowestRow, last)}`, titleRow: 3, centered: true });
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return {
    firstRow: first,
    lastRow,
    columns: { initial: 'E', adjusted: 'F', executed: 'G', rate: 'H', score: 'I', grade: 'J' },
    totalRow,
    averageRow,
    lowestRow,
  };
}

function scoreFormat(d: Decimal | null): string {
  return fixedFormat(Math.max(2, d?.decimalPlaces() ?? 0));
}

function summaryRow(w: SheetWriter, r: number, i: number, e: SummaryEntry): void {
  const ev = e.evaluation;
  const yuan = ev.funds.sourceUnit === '元';
  w.set(r, 1, i + 1);
  w.set(r, 2, ev.project?.code ?? '', { align: 'left' });
  w.set(r, 3, ev.project?.name ?? e.sheet, { align: 'left' });
  w.set(r, 4, EVALUATION_KIND_LABELS[ev.kind]);
  AMOUNT.forEach((k, j) => {
    const cell = e.cells.funds.totals[k];
    const v = ev.funds.total[k];
    if (!cell) {
      w.set(r, 5 + j, v === null ? null : Number(v), { numFmt: AMOUNT_FMT });
      return;
    }
    const ref = sheetRef(e.sheet, cell);
    w.formula(r, 5 + j, `IF(ISNUMBER(${ref}),${ref}${yuan ? '/10000' : ''},"")`, v === null ? '' : Number(dec(v).toString()), { numFmt: amountFormat(v) });
  });
  const [adj, exe] = [ev.funds.total.adjusted, ev.funds.total.executed].map((x) => (x === null ? null : dec(x)));
  const rate = adj && exe && !adj.isZero() ? exe.dividedBy(adj) : null;
  w.formula(r, 8, `IF(AND(ISNUMBER(G${r}),N(F${r})>0),G${r}/F${r},"")`, rate === null ? '' : fileNumber(rate, 4), { numFmt: RATE_FMT });
  const score = ev.totals.statedScore;
  const total = e.cells.indicators.total;
  if (total) w.formula(r, 9, `IF(ISNUMBER(${sheetRef(e.sheet, total)}),${sheetRef(e.sheet, total)},"")`, score === null ? '' : Number(score), { numFmt: scoreFormat(score === null ? null : dec(score)) });
  else w.set(r, 9, score === null ? null : Number(score), { numFmt: scoreFormat(score === null ? null : dec(score)) });
  const grade = e.cells.indicators.grade;
  if (grade) w.formula(r, 10, `${sheetRef(e.sheet, grade)}&""`, ev.totals.statedGrade ?? '');
  else w.set(r, 10, ev.totals.statedGrade ?? '');
}

/** An amount in 万元 shown with its own places (at least two). */
function amountFormat(v: string | null): string {
  return fixedFormat(Math.max(2, v === null ? 0 : dec(v).decimalPlaces()));
}
