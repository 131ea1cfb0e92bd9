/**
 * 各项指标得分情况表: 指标 | 分值 | 得分 | 得分率 — the unit's stated weights and scores; the rate only
 * where both are stated; 评价等级 as stated, and a 规则核对 row where the total cannot be graded.
 */
import { Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { printedScoreRows, type ReportFigures } from '../compute/compute-report-figures.js';
import { fmtPercent } from '../compute/format-figures.js';
import { MISSING_CELL, cellScore } from './build-indicator-table.js';
import type { Template } from '../templates/template-schema.js';
import { cellParagraph } from './docx-text.js';
import { gradeCheckCell } from '../compute/grade-check.js';

export function buildScoreTable(fig: ReportFigures, t: Template): Table {
  const places = fig.profile.rounding.places;
  const c = (text: string, bold = false) => new TableCell({ children: [cellParagraph(t, text, 'center', bold)], verticalAlign: VerticalAlign.CENTER });
  const rows = [new TableRow({ tableHeader: true, children: ['指标', '分值', '得分', '得分率'].map((h) => c(h, true)) })];
  for (const r of [...printedScoreRows(fig), fig.totalRow]) {
    const bold = r === fig.totalRow;
    rows.push(new TableRow({ cantSplit: true, children: [c(r.name, bold), c(cellScore(r.weight, places), bold), c(cellScore(r.score, places), bold), c(r.rate ? fmtPercent(r.rate) : MISSING_CELL, bold)] }));
  }
  rows.push(new TableRow({ children: [c('评价等级', true), new TableCell({ columnSpan: 3, children: [cellParagraph(t, fig.grade ?? MISSING_CELL, 'center', true)] })] }));
  // The unit's grade stays as stated; jixiao's check goes beside it where the total cannot be graded.
  const check = gradeCheckCell(fig);
  if (check) rows.push(new TableRow({ cantSplit: true, children: [c('规则核对', true), new TableCell({ columnSpan: 3, children: [cellParagraph(t, check, 'left', false)] })] }));
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: [3628, 1814, 1814, 1814] });
}
