import { dec, type Decimal } from '@jixiao/core';
import type { AppContext } from '../context.js';
import { repositories } from '../repositories/index.js';
import type { EvaluationAggregate } from '../repositories/evaluation.repository.js';
import { visibilityOf, type Actor } from '../workflow/access.js';

const GRADE_ORDER = ['优', '良', '中', '差', '优秀', '良好', '一般', '较差', '无法定级'];

/** Dashboards over what the actor may see: grades, ranking, self vs computed, execution vs score, years. */
export async function getDashboard(
  ctx: AppContext,
  actor: Actor,
  f: { year?: number | undefined; departmentId?: number | undefined; unitId?: number | undefined },
) {
  const repo = repositories(ctx.db).evaluations;
  const v = visibilityOf(actor);
  const all = await repo.listLight(v, { departmentId: f.departmentId, unitId: f.unitId });
  const years = [...new Set(all.map((r) => r.fiscal_year))].sort((a, b) => a - b);
  const year = f.year ?? years.at(-1);
  const rows = all.filter((r) => r.fiscal_year === year);
  const score = (r: (typeof rows)[number]) => r.review_score ?? r.computed_score ?? r.self_score;
  // A total that cannot be graded (无法定级) is shown but kept out of rankings and averages, unless finance re-scored it.
  const rankable = (r: (typeof rows)[number]) => r.ungradable_reason === null || r.review_score !== null;

  const grades = new Map<string, number>();
  for (const r of rows) {
    const g = gradeLabel(r.grade, r.ungradable_reason);
    grades.set(g, (grades.get(g) ?? 0) + 1);
  }
  const gradeDistribution = [...grades.entries()]
    .map(([grade, count]) => ({ grade, count }))
    .sort((a, b) => rank(a.grade) - rank(b.grade));

  const ranking = rows
    .filter((r) => score(r) !== null && rankable(r))
    .map((r) => ({ id: r.id, unitId: r.unit_id, unitName: r.unit_name, title: r.title, score: score(r)! }))
    .sort((a, b) => dec(b.score).comparedTo(dec(a.score)) || a.id - b.id);

  const selfVsComputed = rows.map((r) => ({ id: r.id, unitName: r.unit_name, title: r.title, selfScore: r.self_score, computedScore: r.computed_score, reviewScore: r.review_score }));
  const executionVsScore = rows.map((r) => ({ id: r.id, unitName: r.unit_name, title: r.title, executionRate: r.execution_rate, score: score(r) }));

  const yearOverYear = years.map((y) => {
    const ys = all.filter((r) => r.fiscal_year === y);
    const scored = ys.filter(rankable).map(score).filter((s): s is string => s !== null);
    const sum = scored.reduce<Decimal>((acc, s) => acc.plus(s), dec(0));
    return { year: y, averageScore: scored.length ? sum.div(scored.length).toDecimalPlaces(2).toString() : null, count: ys.length };
  });
  // Drill-down aggregates: in SQL over every visible row of the year (no page limit).
  const scope = { year, departmentId: f.departmentId, unitId: f.unitId };
  const [depts, units] = year === undefined ? [[], []] : await Promise.all([repo.aggregate(v, scope, 'department'), repo.aggregate(v, scope, 'unit')]);
  const byDepartment = depts.map((a) => ({ departmentId: a.id, departmentName: a.name, ...figures(a) }));
  const byUnit = units.map((a) => ({ unitId: a.id, unitName: a.name, ...figures(a) }));

  return { year: year ?? null, byDepartment, byUnit, gradeDistribution, ranking, selfVsComputed, executionVsScore, yearOverYear };
}

function figures(a: EvaluationAggregate) {
  const norm = (x: string | null) => (x === null ? null : dec(x).toString());
  return {
    count: a.count,
    averageScore: norm(a.averageScore),
    averageSelfScore: norm(a.averageSelfScore),
    averageComputedScore: norm(a.averageComputedScore),
    gradeDistribution: a.gradeDistribution
      .map((g) => ({ grade: g.grade ?? '未评级', count: g.count }))
      .sort((x, y) => rank(x.grade) - rank(y.grade)),
  };
}

/** The grade to show: 无法定级 for a total that cannot be graded, 未评级 when there is no grade at all. */
function gradeLabel(grade: string | null, ungradableReason: string | null): string {
  return grade ?? (ungradableReason !== null ? UNGRADABLE : '未评级');
}
const UNGRADABLE = '无法定级';

function rank(g: string): number {
  const i = GRADE_ORDER.indexOf(g);
  return i < 0 ? 99 : i;
}
