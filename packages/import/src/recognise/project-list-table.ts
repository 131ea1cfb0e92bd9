/**
 * A department report's table of its projects: one row per project — 项目 | 类型 | 全年预算数 |
 * 全年执行数 | 执行率 | 自评得分 | 自评等级 — and a 合计 row. Its figures are the projects', never
 * the department's own funds or grade: the 合计 row's execution rate and average score go to
 * `projectRollup` (what the department states about its projects, which the audit checks against
 * the projects' own forms); the rows themselves are noted as not kept.
 */
import { FUNDS_COLUMNS, PROJECT_LIST_COLUMNS, TOTAL_ROW, type FundsColumn, type ProjectListColumn } from '../vocab/table-vocab.js';
import { aligned, mapHeader, num, provCell } from './cells.js';
import type { Recogniser, RowView } from './recogniser.js';

type Column = ProjectListColumn | FundsColumn;

interface ProjectListState {
  cols: Array<Column | null>;
  projects: number;
}

function columnsOf(texts: string[]): Array<Column | null> {
  const own = mapHeader(texts, PROJECT_LIST_COLUMNS);
  const funds = mapHeader(texts, FUNDS_COLUMNS);
  return own.map((c, i) => c ?? funds[i] ?? null);
}

const cellAt = (s: ProjectListState, row: RowView, col: Column) => {
  const j = s.cols.indexOf(col);
  return j < 0 ? undefined : row.cells[aligned(s.cols.length, row.cells.length, j)];
};

/** The 合计 row: the projects' execution rate, and their average score where it says 平均. */
function readTotal(ctx: Parameters<Recogniser['read']>[0], s: ProjectListState, row: RowView): void {
  const pr = ctx.ev.projectRollup;
  const rate = cellAt(s, row, 'rate');
  const r = num(rate);
  if (rate && r?.percent) {
    pr.statedExecutionRate = r.value;
    provCell(ctx, 'projectRollup.statedExecutionRate', rate);
  }
  const score = cellAt(s, row, 'projectScore');
  const avg = score ? /^平均\s*(\d{1,3}(?:\.\d+)?)分?$/.exec(score.parts.join('').trim()) : null;
  if (score && avg) {
    pr.statedAverageScore = avg[1]!;
    provCell(ctx, 'projectRollup.statedAverageScore', score);
  }
}

export const projectListTable: Recogniser<ProjectListState> = {
  kind: 'projects',
  ownTotals: true,
  claim(texts) {
    const cols = columnsOf(texts);
    const has = (k: Column) => cols.includes(k);
    // a list of projects: named one by one, with their money and their own score or grade (a form's funds block has 分值 | 得分 instead)
    const perProject = has('projectGrade') || (has('projectScore') && !has('weight'));
    return has('project') && (has('adjusted') || has('executed')) && perProject ? { cols, projects: 0 } : null;
  },
  read(ctx, s, row) {
    if (TOTAL_ROW.test(row.first)) {
      readTotal(ctx, s, row);
      return;
    }
    s.projects++;
  },
  finish(ctx, s) {
    if (s.projects > 0) ctx.notes.push(`项目情况表中 ${s.projects} 个项目的分项未单独保存（各项目以其自评表为准），只读取了合计行`);
  },
};
