import { dec, printedPlaces } from '../../decimal/decimal.js';
import { divideIntervals, point, scaleInterval, type Interval } from '../../decimal/judge-stated.js';
import type { Evaluation } from '../../model/evaluation.js';
import type { ProjectRollup, RollupColumn } from '../../scoring/compute-project-rollup.js';
import { amountInterval, fmt, judgeStated, padPlaces, sumOfPrinted } from '../finding-helpers.js';
import type { AuditContext, AuditRule, FindingDraft } from '../types.js';

const SPENDING_COLUMNS = { initial: '年初预算数', adjusted: '全年预算数', executed: '全年执行数' } as const;
type SpendingColumn = keyof typeof SPENDING_COLUMNS;
const SPENDING: SpendingColumn[] = ['initial', 'adjusted', 'executed'];

const WHICH_SIDE = '无法判断是部门报告填错，还是项目自评表填错、缺交或重复计入';

/** The places to judge a stated total at: its own, its parts' finest, never fewer than 2. */
function placesFor(stated: string, parts: readonly string[]): number {
  return Math.max(2, printedPlaces(stated), ...parts.map(printedPlaces));
}

function spendingFinding(ev: Evaluation, col: SpendingColumn, c: RollupColumn, n: number): FindingDraft | null {
  const stated = ev.funds.project[col];
  if (stated === null || c.known === 0) return null;
  const places = placesFor(stated, c.values);
  const j = judgeStated(padPlaces(stated, places), sumOfPrinted(c.values));
  if (j.verdict === 'consistent') return null; // a sum has no "misrounded": see sumDiscrepancy
  const label = `项目支出 › ${SPENDING_COLUMNS[col]}`;
  const figures = { reported: stated, expected: fmt(c.sum, places), difference: fmt(dec(stated).minus(c.sum), places) };
  if (c.unknown > 0) {
    // Blank cells are unknown: only a known sum already above the stated total is certain.
    if (!dec(stated).lessThan(c.sum)) return null;
    return {
      message: `部门报告的项目支出${SPENDING_COLUMNS[col]}为 ${stated} 万元，但已填写该列的 ${c.known} 个项目自评表合计已达 ${figures.expected} 万元（另有 ${c.unknown} 个未填写），超出 ${fmt(c.sum.minus(dec(stated)), places)} 万元；${WHICH_SIDE}。`,
      location: { path: `funds.project.${col}`, label },
      ...figures,
    };
  }
  return {
    message: `部门报告的项目支出${SPENDING_COLUMNS[col]}为 ${stated} 万元，所属 ${n} 个项目自评表的${SPENDING_COLUMNS[col]}合计为 ${figures.expected} 万元，相差 ${figures.difference} 万元；${WHICH_SIDE}。`,
    location: { path: `funds.project.${col}`, label },
    ...figures,
  };
}

function countFindings(ev: Evaluation, r: ProjectRollup): FindingDraft[] {
  const out: FindingDraft[] = [];
  const count = ev.funds.projectCount;
  if (count !== null && count !== r.projectCount) {
    out.push({
      message: `部门报告称共有 ${count} 个项目，所属项目自评表为 ${r.projectCount} 份，相差 ${Math.abs(count - r.projectCount)} 个；无法判断是报告的项目个数有误，还是有项目自评表缺交、未关联或重复。`,
      location: { path: 'funds.projectCount', label: '项目个数' },
      reported: String(count),
      expected: String(r.projectCount),
      difference: String(count - r.projectCount),
    });
  }
  const evaluated = ev.projectRollup.evaluatedCount;
  if (evaluated !== null && evaluated !== r.evaluatedCount) {
    out.push({
      message: `部门报告称 ${evaluated} 个项目开展了自评，所属项目自评表中填有自评得分或可计算得分的为 ${r.evaluatedCount} 份；${WHICH_SIDE}。`,
      location: { path: 'projectRollup.evaluatedCount', label: '开展自评的项目个数' },
      reported: String(evaluated),
      expected: String(r.evaluatedCount),
      difference: String(evaluated - r.evaluatedCount),
    });
  }
  return out;
}

function rateFinding(path: string, label: string, stated: string | null, computed: Interval | null, formula: string): FindingDraft | null {
  if (stated === null || computed === null) return null;
  const j = judgeStated(stated, computed);
  if (j.verdict !== 'inconsistent') return null;
  const places = Math.max(2, printedPlaces(stated));
  return {
    message: `部门报告的${label}为 ${stated}%，按所属项目自评表计算 ${formula} = ${fmt(j.expected, places)}%；${WHICH_SIDE}。`,
    location: { path, label },
    reported: stated,
    expected: fmt(j.expected, places),
    difference: fmt(j.difference, places),
  };
}

function rateFindings(ev: Evaluation, r: ProjectRollup): FindingDraft[] {
  const out: Array<FindingDraft | null> = [];
  const pr = ev.projectRollup;
  const cov = r.coverage;
  out.push(
    rateFinding(
      'projectRollup.statedCoverageRate',
      '项目自评覆盖率',
      pr.statedCoverageRate,
      cov.rate === null ? null : point(cov.rate.times(100)),
      `已自评 ${cov.evaluated} ÷ 项目 ${cov.of}`,
    ),
  );
  const ex = r.funds.executed;
  const ad = r.funds.adjusted;
  if (r.execution.missing === 0 && r.execution.count > 0) {
    const q = divideIntervals(sumOfPrinted(ex.values), sumOfPrinted(ad.values));
    out.push(
      rateFinding(
        'projectRollup.statedExecutionRate',
        '项目支出执行率',
        pr.statedExecutionRate,
        q ? scaleInterval(q, 100) : null,
        `全年执行数合计 ${fmt(ex.sum)} ÷ 全年预算数合计 ${fmt(ad.sum)}`,
      ),
    );
  }
  return out.filter((f): f is FindingDraft => f !== null);
}

function scoreFindings(ev: Evaluation, r: ProjectRollup): FindingDraft[] {
  const out: FindingDraft[] = [];
  const s = r.statedScores;
  const avg = ev.projectRollup.statedAverageScore;
  // An average is checkable only when every evaluated project states its score.
  if (avg !== null && s.average !== null && s.count === r.evaluatedCount) {
    const j = judgeStated(avg, s.average);
    if (j.verdict === 'inconsistent') {
      out.push({
        message: `部门报告的项目平均得分为 ${avg} 分，所属 ${s.count} 个项目的自评得分合计 ${fmt(s.sum)} ÷ ${s.count} = ${fmt(s.average)} 分；${WHICH_SIDE}。`,
        location: { path: 'projectRollup.statedAverageScore', label: '项目平均得分' },
        reported: avg,
        expected: fmt(s.average),
        difference: fmt(dec(avg).minus(s.average)),
      });
    }
  }
  const low = ev.projectRollup.statedLowestScore;
  if (low !== null && s.lowest !== null && s.count === r.evaluatedCount && !dec(low).equals(s.lowest.score)) {
    const who = s.lowest.name ?? s.lowest.code ?? `第 ${s.lowest.index + 1} 个项目`;
    out.push({
      message: `部门报告的项目最低得分为 ${low} 分，所属项目中得分最低的是“${who}”，自评得分 ${fmt(s.lowest.score)} 分；${WHICH_SIDE}。`,
      location: { path: 'projectRollup.statedLowestScore', label: '项目最低得分' },
      reported: low,
      expected: fmt(s.lowest.score),
      difference: fmt(dec(low).minus(s.lowest.score)),
    });
  }
  return out;
}

/** "某某项目 经费" → "某某项目经费": names compared without spaces and full-width forms. */
function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000]/g, '');
}

function lineFindings(ev: Evaluation, children: readonly Evaluation[], r: ProjectRollup): FindingDraft[] {
  const out: FindingDraft[] = [];
  const byName = new Map<string, Evaluation[]>();
  for (const c of r.children) {
    if (c.name === null) continue;
    const k = nameKey(c.name);
    byName.set(k, [...(byName.get(k) ?? []), children[c.index]!]);
  }
  ev.funds.projectLines.forEach((line, i) => {
    const matches = byName.get(nameKey(line.name));
    if (matches?.length !== 1) return; // no project of that name, or several: nothing to compare
    const child = matches[0]!.funds.total;
    for (const col of SPENDING) {
      const stated = line[col];
      const theirs = child[col];
      if (stated === null || theirs === null) continue;
      const places = placesFor(stated, [theirs]);
      const j = judgeStated(padPlaces(stated, places), amountInterval(theirs));
      if (j.verdict === 'consistent') continue;
      out.push({
        message: `部门报告列出的项目“${line.name}”${SPENDING_COLUMNS[col]}为 ${stated} 万元，该项目自评表为 ${theirs} 万元，相差 ${fmt(dec(stated).minus(dec(theirs)), places)} 万元；无法判断是哪一边填错。`,
        location: { path: `funds.projectLines.${i}.${col}`, label: `项目支出明细 › ${line.name} › ${SPENDING_COLUMNS[col]}` },
        reported: stated,
        expected: theirs,
        difference: fmt(dec(stated).minus(dec(theirs)), places),
      });
    }
  });
  return out;
}

/**
 * 部门报告所述项目情况（项目支出金额、项目个数、开展自评的项目个数、自评覆盖率、项目支出执行率、
 * 平均得分、最低得分、项目支出明细）应与所属项目自评表的汇总一致。Runs only when the
 * audit is given the department's project evaluations (`auditEvaluation(ev, { children })`).
 */
export const projectRollupMatches: AuditRule = {
  id: 'project-rollup-matches',
  title: { zh: '部门报告的项目汇总数应与项目自评表一致', en: "A department's project figures match its project evaluations" },
  severity: 'error',
  category: 'consistency',
  check(ctx: AuditContext) {
    const r = ctx.rollup;
    const ev = ctx.evaluation;
    if (!r || !ctx.children || ev.kind !== 'department' || r.projectCount === 0) return [];
    const spending = SPENDING.map((col) => spendingFinding(ev, col, r.funds[col], r.projectCount)).filter(
      (f): f is FindingDraft => f !== null,
    );
    return [...spending, ...countFindings(ev, r), ...rateFindings(ev, r), ...scoreFindings(ev, r), ...lineFindings(ev, ctx.children, r)];
  },
};
