/**
 * Statistics you can quote, over what the actor may see: drafts left out unless asked for,
 * totals that cannot be graded shown as 无法定级 and kept out of averages and rankings, grade
 * bands normalised across profiles (each profile maps its names onto common bands), by kind.
 * Every figure is computed by the database (see DashboardRepository); each row is sent once.
 */
import { COMMON_GRADE_BANDS, EVALUATION_KINDS, commonGradeBand, dec, getProfile, type CommonGradeBand, type Profile } from '@jixiao/core';
import type { AppContext } from '../context.js';
import { DashboardRepository, type DashboardScope, type ScoreFigures } from '../repositories/dashboard.repository.js';
import { visibilityOf, type Actor } from '../workflow/access.js';

export interface DashboardFilters {
  year?: number | undefined;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  kind?: string | undefined;
  includeDrafts?: boolean | undefined;
}

const UNGRADABLE = '无法定级';
const UNGRADED = '未评级';
/** The top of the ranking sent with the dashboard (the whole ranking: GET /api/dashboard/ranking). */
export const RANKING_TOP = 20;
/** A unit's own evaluations are listed with the dashboard up to this many. */
const UNIT_ROWS = 500;

/** Filters as given by a query string; an unknown kind is no filter. */
export function dashboardScope(f: DashboardFilters): DashboardScope {
  const kind = EVALUATION_KINDS.includes(f.kind as (typeof EVALUATION_KINDS)[number]) ? f.kind : undefined;
  return { year: f.year, departmentId: f.departmentId, unitId: f.unitId, kind, includeDrafts: f.includeDrafts === true };
}

export async function getDashboard(ctx: AppContext, actor: Actor, f: DashboardFilters) {
  const repo = new DashboardRepository(ctx.db);
  const v = visibilityOf(actor);
  const base = dashboardScope(f);
  const perYear = await repo.byYear(v, base);
  const year = base.year ?? perYear.at(-1)?.year;
  const scope: DashboardScope = { ...base, year };
  if (year === undefined) return { ...emptyDashboard(scope), years: [] as number[] };

  // Five queries, each one scan of the scope: figures and grades by grouping sets, the top of the ranking, the bins, a unit's rows.
  // With a read replica (DATABASE_READ_URL), also how far behind it is.
  const [groups, grades, ranking, bins, rows, lag] = await Promise.all([
    repo.figures(v, scope),
    repo.gradeCounts(v, scope),
    repo.ranking(v, scope, { offset: 0, limit: RANKING_TOP }),
    repo.bins(v, scope),
    scope.unitId !== undefined ? repo.rows(v, scope, 0, UNIT_ROWS) : Promise.resolve(null),
    ctx.readingReplica ? repo.replicaLagSeconds() : Promise.resolve(null),
  ]);
  const total = groups.find((g) => g.set === 'all')?.figures ?? null;
  const of = (set: string) => groups.filter((g) => g.set === set);
  return {
    year,
    years: perYear.map((y) => y.year),
    kind: scope.kind ?? null,
    includeDrafts: scope.includeDrafts,
    totals: figures(total),
    byKind: of('kind').map((k) => ({ kind: k.key as string, ...figures(k.figures) })),
    gradeDistribution: gradeDistribution(grades.byProfile),
    ranking,
    rankingTotal: total?.ranked ?? 0,
    selfVsComputed: bins.selfVsComputed,
    executionVsScore: bins.executionVsScore,
    yearOverYear: perYear.map((y) => ({ year: y.year, count: y.count, averageScore: norm(y.averageScore) })),
    byDepartment: of('department').map((g) => ({ departmentId: g.id!, departmentName: g.name!, ...figures(g.figures), gradeDistribution: localGrades(grades.byDepartment.get(g.id!) ?? []) })),
    byUnit: of('unit').map((g) => ({ unitId: g.id!, unitName: g.name!, ...figures(g.figures), gradeDistribution: localGrades(grades.byUnit.get(g.id!) ?? []) })),
    evaluations: rows,
    /** Read from a replica: its lag in seconds (0: caught up); null: read from the primary, live. */
    replicaLagSeconds: lag,
  };
}

function emptyDashboard(scope: DashboardScope) {
  return {
    year: null,
    kind: scope.kind ?? null,
    includeDrafts: scope.includeDrafts,
    totals: figures(null),
    byKind: [],
    gradeDistribution: [],
    ranking: [],
    rankingTotal: 0,
    selfVsComputed: [],
    executionVsScore: [],
    yearOverYear: [],
    byDepartment: [],
    byUnit: [],
    evaluations: null,
    replicaLagSeconds: null,
  };
}

/** Averages as exact decimal strings without trailing zeros (rounded only when displayed). */
const norm = (x: string | null) => (x === null ? null : dec(x).toString());

function figures(a: ScoreFigures | null) {
  return {
    count: a?.count ?? 0,
    ungradable: a?.ungradable ?? 0,
    ranked: a?.ranked ?? 0,
    averageScore: norm(a?.averageScore ?? null),
    averageSelfScore: norm(a?.averageSelfScore ?? null),
    averageComputedScore: norm(a?.averageComputedScore ?? null),
  };
}

export type GradeSlice = { band: CommonGradeBand | 'ungradable' | 'ungraded' | null; label: string; names: string[]; count: number };

/**
 * One slice per common band (labelled with every local name it holds: “优 / 优秀”), then
 * 无法定级 and 未评级; a grade its profile does not map keeps a slice of its own.
 */
export function gradeDistribution(counts: Array<{ profile: string; grade: string | null; ungradable: boolean; count: number }>): GradeSlice[] {
  const slices = new Map<string, GradeSlice>();
  const add = (key: string, band: GradeSlice['band'], label: string, name: string | null, n: number) => {
    const s = slices.get(key) ?? { band, label, names: [], count: 0 };
    if (name !== null && !s.names.includes(name)) s.names.push(name);
    s.count += n;
    slices.set(key, s);
  };
  for (const c of counts) {
    if (c.grade === null) {
      if (c.ungradable) add('ungradable', 'ungradable', UNGRADABLE, null, c.count);
      else add('ungraded', 'ungraded', UNGRADED, null, c.count);
      continue;
    }
    const band = bandOf(c.profile, c.grade);
    if (band) add(band, band, COMMON_GRADE_BANDS.find((b) => b.id === band)!.label, c.grade, c.count);
    else add(`grade:${c.grade}`, null, c.grade, c.grade, c.count);
  }
  const order = (s: GradeSlice) => {
    const i = COMMON_GRADE_BANDS.findIndex((b) => b.id === s.band);
    return i >= 0 ? i : s.band === null ? 10 : s.band === 'ungradable' ? 20 : 30;
  };
  return [...slices.values()]
    .map((s) => ({ ...s, names: [...s.names].sort((a, b) => a.length - b.length || a.localeCompare(b)) }))
    .sort((a, b) => order(a) - order(b) || a.label.localeCompare(b.label));
}

function bandOf(profileRef: string, grade: string): CommonGradeBand | null {
  let profile: Profile;
  try {
    profile = getProfile(profileRef);
  } catch {
    return null; // a profile this build does not know: the grade keeps its own slice
  }
  return commonGradeBand(profile, grade);
}

function localGrades(g: Array<{ grade: string | null; count: number }>) {
  return g.map((x) => ({ grade: x.grade ?? UNGRADED, count: x.count }));
}
