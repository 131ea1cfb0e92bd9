/**
 * The department report's project chapter (figure block `projects`): written from the
 * department's project and transfer evaluations through core's computeProjectRollup —
 * how many projects, how many self-evaluated (覆盖率 n/n), their budget and spending and
 * its execution, average and lowest score, grades — and a table of the projects. Without
 * the children, the figures the department stated about its projects (if any); otherwise
 * nothing. Rounding half up at display only.
 */
import { computeProjectRollup, dec, type Evaluation, type ProjectRollup } from '@jixiao/core';
import type { ReportFigures } from './compute-report-figures.js';
import { fmtAmount, fmtPercent, fmtScore } from './format-figures.js';

export interface ProjectTableRow {
  name: string;
  kind: string;
  adjusted: string;
  executed: string;
  rate: string;
  score: string;
  grade: string;
}

export type ProjectChapterNode = { type: 'p'; text: string } | { type: 'projectTable'; rows: ProjectTableRow[]; total: ProjectTableRow };

export function buildProjectChapter(fig: ReportFigures, children: readonly Evaluation[] | undefined): ProjectChapterNode[] {
  const ev = fig.evaluation;
  if (ev.kind !== 'department') return [];
  const projects = (children ?? []).filter((c) => c.kind !== 'department');
  if (projects.length === 0) return statedOnly(ev);
  const rollup = computeProjectRollup(projects, { projectCount: ev.funds.projectCount });
  return [{ type: 'p', text: summarySentence(ev, rollup) }, projectTable(projects, rollup)];
}

function summarySentence(ev: Evaluation, r: ProjectRollup): string {
  const transfers = r.children.filter((c) => c.kind === 'transfer').length;
  const parts: string[] = [];
  parts.push(`${ev.fiscalYear}年度本单位项目共${r.coverage.of}个${transfers > 0 ? `（其中转移支付${transfers}个）` : ''}，已开展绩效自评${r.coverage.evaluated}个，项目自评覆盖率${fmtPercent(r.coverage.rate)}`);
  const f = r.funds;
  const unknown = (n: number) => (n > 0 ? `（${n}个项目未填）` : '');
  parts.push(`项目全年预算数合计${fmtAmount(f.adjusted.sum)}万元${unknown(f.adjusted.unknown)}，全年执行数合计${fmtAmount(f.executed.sum)}万元${unknown(f.executed.unknown)}`);
  if (r.execution.rate !== null) {
    const over = r.execution.missing > 0 ? `，按同时填有全年预算数和执行数的${r.execution.count}个项目计` : '';
    parts.push(`项目支出执行率${fmtPercent(r.execution.rate)}${over}`);
  }
  const s = r.statedScores;
  if (s.count > 0 && s.average !== null && s.lowest !== null) {
    parts.push(`${s.count}个项目填报了自评得分，平均${fmtScore(s.average)}分，最低${fmtScore(s.lowest.score)}分（${s.lowest.name ?? s.lowest.code ?? '未命名项目'}）`);
  }
  const grades = Object.entries(r.grades.stated);
  if (grades.length > 0) parts.push(`自评等级：${grades.map(([g, n]) => `${g}${n}个`).join('、')}`);
  return `${parts.join('；')}。`;
}

function projectTable(projects: readonly Evaluation[], r: ProjectRollup): ProjectChapterNode {
  const rows: ProjectTableRow[] = projects.map((p) => {
    const adj = p.funds.total.adjusted === null ? null : dec(p.funds.total.adjusted);
    const exe = p.funds.total.executed === null ? null : dec(p.funds.total.executed);
    return {
      name: p.project?.name ?? '未命名项目',
      kind: p.kind === 'transfer' ? '转移支付' : '项目支出',
      adjusted: fmtAmount(adj),
      executed: fmtAmount(exe),
      rate: adj && exe && !adj.isZero() ? fmtPercent(exe.dividedBy(adj)) : '——',
      score: p.totals.statedScore === null ? '——' : fmtScore(dec(p.totals.statedScore)),
      grade: p.totals.statedGrade ?? '——',
    };
  });
  const total: ProjectTableRow = {
    name: '合计',
    kind: '',
    adjusted: fmtAmount(r.funds.adjusted.sum),
    executed: fmtAmount(r.funds.executed.sum),
    rate: fmtPercent(r.execution.rate),
    score: r.statedScores.average === null ? '——' : `平均${fmtScore(r.statedScores.average)}`,
    grade: '',
  };
  return { type: 'projectTable', rows, total };
}

/** The department's own statements about its projects, printed as stated. */
function statedOnly(ev: Evaluation): ProjectChapterNode[] {
  const s = ev.projectRollup;
  const parts: string[] = [];
  if (ev.funds.projectCount !== null) parts.push(`本单位项目共${ev.funds.projectCount}个`);
  if (s.evaluatedCount !== null) parts.push(`开展绩效自评的项目${s.evaluatedCount}个`);
  if (s.statedCoverageRate !== null) parts.push(`项目自评覆盖率${s.statedCoverageRate}%`);
  if (s.statedExecutionRate !== null) parts.push(`项目支出执行率${s.statedExecutionRate}%`);
  if (s.statedAverageScore !== null) parts.push(`项目自评平均得分${s.statedAverageScore}分`);
  if (s.statedLowestScore !== null) parts.push(`最低得分${s.statedLowestScore}分`);
  if (s.evaluatedCount === null && s.statedCoverageRate === null && s.statedExecutionRate === null && s.statedAverageScore === null && s.statedLowestScore === null) return [];
  return [{ type: 'p', text: `${parts.join('，')}。` }];
}
