/**
 * The indicator table as on paper: 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 |
 * 偏差原因分析及改进措施, with level-1 and level-2 cells merged down (rowSpan) and the total last.
 * Weights, scores, total and grade are the unit's own (stated); a missing one reads 待填写; where the
 * total cannot be graded, a 规则核对 line under the grade says so (compute/grade-check.ts).
 */
import { Table, TableCell, TableRow, VerticalAlign, WidthType, type Paragraph } from 'docx';
import type { Evaluation } from '@jixiao/core';
import type { ReportFigures } from '../compute/compute-report-figures.js';
import { fmtPercent, fmtScore } from '../compute/format-figures.js';
import type { IndicatorColumn, Template } from '../templates/template-schema.js';
import { cellParagraph } from './docx-text.js';
import { gradeCheckCell } from '../compute/grade-check.js';

import { FORM_COLUMN_LABELS as INDICATOR_COLUMN_LABELS } from '../form/form-indicator-block.js';

export { INDICATOR_COLUMN_LABELS };

/** Relative column widths in mm of the 243 mm landscape text width (scaled to 100%): names wrap as little as possible, since wrapped cells are hard to read back from a PDF. */
const COLUMN_WEIGHT: Record<IndicatorColumn, number> = {
  level1: 24,
  level2: 36,
  level3: 56,
  sign: 14,
  initialTarget: 24,
  target: 24,
  unitOfMeasure: 14,
  actual: 24,
  weight: 14,
  score: 14,
  scoreRate: 14,
  core: 14,
  deviation: 51,
};

const SIGN_TEXT: Record<string, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<', qualitative: '定性' };

function cell(t: Template, text: string, opts: { rowSpan?: number; columnSpan?: number; align?: 'left' | 'center'; bold?: boolean; top?: boolean } = {}) {
  const children: Paragraph[] = text.split('\n').map((line) => cellParagraph(t, line, opts.align ?? 'center', opts.bold ?? false));
  return new TableCell({
    children,
    verticalAlign: VerticalAlign.TOP,
    ...(opts.rowSpan && opts.rowSpan > 1 ? { rowSpan: opts.rowSpan } : {}),
    ...(opts.columnSpan && opts.columnSpan > 1 ? { columnSpan: opts.columnSpan } : {}),
  });
}

/** A table cell for a figure the unit did not state: a plain marked gap. */
export const MISSING_CELL = '待填写';

export function cellScore(d: import('@jixiao/core').Decimal | null, places: number): string {
  return d === null ? MISSING_CELL : fmtScore(d, places);
}

/** The stated grade, and jixiao's check on its own line where the total cannot be graded. */
function gradeText(fig: ReportFigures): string {
  const check = gradeCheckCell(fig);
  return `评价等级：${fig.grade ?? MISSING_CELL}${check ? `\n规则核对：${check}` : ''}`;
}

export function columnPercents(cols: IndicatorColumn[]): number[] {
  const sum = cols.reduce((a, c) => a + COLUMN_WEIGHT[c], 0);
  return cols.map((c) => (COLUMN_WEIGHT[c] / sum) * 100);
}

/** `width`: the text width in twips the table spans. */
export function buildIndicatorTable(fig: ReportFigures, t: Template, width: number): Table {
  const ev: Evaluation = fig.evaluation;
  const cols = t.tables.selfEvaluation.indicatorColumns;
  const places = fig.profile.rounding.places;
  const byPath = new Map(fig.score.indicators.map((i) => [i.path, i]));
  const rows: TableRow[] = [];
  rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: cols.map((c) => cell(t, INDICATOR_COLUMN_LABELS[c], { bold: true })) }));

  // Budget execution is not a row here: it has its own line in the score table and the funds text.
  ev.indicators.forEach((l1, i) => {
    const l1Rows = l1.children.reduce((a, l2) => a + Math.max(1, l2.children.length), 0) || 1;
    const l1Weight = fig.scoreRows[i + 1]?.weight ?? null;
    // Merged level cells sit at the top, name only (the weight is in the score table): text read back from a PDF then keeps each name on its first row.
    const l1Label = l1.name;
    void l1Weight;
    let firstOfL1 = true;
    const l2s = l1.children.length > 0 ? l1.children : [null];
    l2s.forEach((l2, j) => {
      const leaves = l2 && l2.children.length > 0 ? l2.children : [null];
      leaves.forEach((leaf, k) => {
        const cells: TableCell[] = [];
        const scored = leaf ? byPath.get(`indicators.${i}.children.${j}.children.${k}`) : undefined;
        for (const c of cols) {
          if (c === 'level1') {
            if (firstOfL1) cells.push(cell(t, l1Label, { rowSpan: l1Rows, top: true }));
            continue;
          }
          if (c === 'level2') {
            if (k === 0) cells.push(cell(t, l2?.name ?? '', { rowSpan: leaves.length, top: true }));
            continue;
          }
          let text = '';
          // A level-1 indicator without leaves: its own stated weight and score on its row.
          if (!leaf && l1.children.every((x) => x.children.length === 0) && j === 0) {
            if (c === 'weight') text = cellScore(fig.scoreRows[i + 1]!.weight, places);
            if (c === 'score') text = cellScore(fig.scoreRows[i + 1]!.score, places);
          }
          if (leaf) {
            switch (c) {
              case 'level3':
                text = leaf.name;
                break;
              case 'sign':
                text = leaf.sign ? SIGN_TEXT[leaf.sign]! : scored?.target?.kind === 'quantitative' ? SIGN_TEXT[scored.target.sign]! : '定性';
                break;
              case 'target':
                text = leaf.target ?? '';
                break;
              case 'unitOfMeasure':
                text = leaf.unitOfMeasure ?? '';
                break;
              case 'actual':
                text = leaf.actual ?? '';
                break;
              case 'weight':
                text = cellScore(scored ? fig.leafWeight(scored) : null, places);
                break;
              case 'score':
                text = scored && scored.status !== 'not_applicable' ? cellScore(fig.leafScore(scored), places) : '不适用';
                break;
              case 'deviation':
                text = leaf.deviationReason ?? '';
                break;
            }
          }
          cells.push(cell(t, text, { align: c === 'deviation' || c === 'level3' ? 'left' : 'center' }));
        }
        firstOfL1 = false;
        rows.push(new TableRow({ cantSplit: true, children: cells }));
      });
    });
  });

  // Total row: label over all columns before 分值.
  const weightIdx = cols.indexOf('weight');
  const totalCells: TableCell[] = [cell(t, '总分', { columnSpan: weightIdx, bold: true })];
  for (const c of cols.slice(weightIdx)) {
    const text = c === 'weight' ? cellScore(fig.totalRow.weight, places) : c === 'score' ? cellScore(fig.totalRow.score, places) : c === 'deviation' ? gradeText(fig) : '';
    totalCells.push(cell(t, text, { bold: c !== 'deviation' }));
  }
  rows.push(new TableRow({ cantSplit: true, children: totalCells }));

  return new Table({
    rows,
    // Wide cell margins: text read back from a PDF needs a clear gap (≥ 1.8 em) between cells.
    margins: { left: 170, right: 170, top: 30, bottom: 30 },
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: columnPercents(cols).map((p) => Math.round((p / 100) * width)),
  });
}
