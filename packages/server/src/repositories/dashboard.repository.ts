/**
 * Statistics in SQL: every filter (year, department, unit, kind, drafts) is in the query, and
 * counts, averages, distributions, bins and the top of the ranking are computed by the
 * database. Scores are stored as decimal text and compared as `numeric` — never as text or as
 * JavaScript floats; results come back as decimal text (full precision, rounded for display).
 *
 * The score of an evaluation is review → computed → self. A total that cannot be graded
 * (ungradable_reason set, no finance re-score) is counted as 无法定级 and kept out of every
 * average, bin and ranking.
 */
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Visibility } from '../workflow/access.js';
import { SUMMARY_COLUMNS } from './evaluation.repository.js';

export interface DashboardScope {
  year?: number | undefined;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  kind?: string | undefined;
  /** Drafts are left out unless asked for. */
  includeDrafts: boolean;
}

/** Count and exact sums/averages of a group (decimal text; null when no row has a value). */
export interface ScoreFigures {
  count: number;
  /** Rows that cannot be graded (无法定级), counted but kept out of the averages. */
  ungradable: number;
  /** Rows whose score takes part in averages and rankings. */
  ranked: number;
  averageScore: string | null;
  averageSelfScore: string | null;
  averageComputedScore: string | null;
}

export interface RankingRow {
  id: number;
  unitId: number;
  unitName: string;
  departmentId: number;
  departmentName: string;
  kind: string;
  title: string;
  projectName: string | null;
  score: string;
  grade: string | null;
  profile: string;
}

export interface StatisticsRow {
  id: number;
  fiscalYear: number;
  departmentName: string;
  unitId: number;
  unitName: string;
  kind: string;
  projectCode: string | null;
  projectName: string | null;
  title: string;
  status: string;
  profile: string;
  selfScore: string | null;
  computedScore: string | null;
  reviewScore: string | null;
  score: string | null;
  grade: string | null;
  ungradableReason: string | null;
  executionRate: string | null;
}

type Q = SelectQueryBuilder<any, any, any>;

const SCORE = sql`cast(coalesce(e.review_score, e.computed_score, e.self_score) as numeric)`;
const RANKED = sql<boolean>`(e.ungradable_reason is null or e.review_score is not null)`;
const UNGRADABLE = sql<boolean>`(e.ungradable_reason is not null and e.review_score is null)`;
const num = (col: string) => sql`cast(${sql.ref(col)} as numeric)`;
const text = (expr: RawBuilder<unknown>) => sql<string | null>`cast(${expr} as text)`;
const int = (expr: RawBuilder<unknown>) => sql<number>`cast(${expr} as integer)`;

/** The columns every aggregate returns (see ScoreFigures). */
function figureColumns() {
  return [
    int(sql`count(*)`).as('count'),
    int(sql`count(*) filter (where ${UNGRADABLE})`).as('ungradable'),
    int(sql`count(${SCORE}) filter (where ${RANKED})`).as('ranked'),
    text(sql`avg(${SCORE}) filter (where ${RANKED})`).as('average_score'),
    text(sql`avg(${num('e.self_score')}) filter (where ${RANKED})`).as('average_self_score'),
    text(sql`avg(${num('e.computed_score')}) filter (where ${RANKED})`).as('average_computed_score'),
  ] as const;
}

function toFigures(r: any): ScoreFigures {
  return {
    count: Number(r.count),
    ungradable: Number(r.ungradable),
    ranked: Number(r.ranked),
    averageScore: r.average_score ?? null,
    averageSelfScore: r.average_self_score ?? null,
    averageComputedScore: r.average_computed_score ?? null,
  };
}

export class DashboardRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * On a hot standby: how far behind the primary what it answers is, in whole seconds (0 when it has
   * replayed everything it received); null on a primary (a live answer), e.g. while the standby is
   * away and the primary answers instead.
   */
  async replicaLagSeconds(): Promise<number | null> {
    const r = await sql<{ lag: number | null }>`select case when pg_is_in_recovery() then
        case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
          else cast(floor(greatest(0, extract(epoch from now() - pg_last_xact_replay_timestamp()))) as integer) end
      end as lag`.execute(this.db);
    const lag = r.rows[0]?.lag;
    return lag === null || lag === undefined ? null : Number(lag);
  }

  /** Visible evaluations of the scope; `withYear: false` for the year-over-year series. */
  private scoped(v: Visibility, s: DashboardScope, withYear = true): Q {
    let q: Q = this.db
      .selectFrom('evaluations as e')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id');
    if (v.kind === 'bureau') q = q.where('d.bureau_id', '=', v.bureauId);
    else if (v.kind === 'department') q = q.where('u.department_id', '=', v.departmentId);
    else if (v.kind === 'unit') q = q.where('e.unit_id', '=', v.unitId);
    else if (v.kind === 'none') q = q.where(sql<boolean>`false`);
    if (withYear && s.year !== undefined) q = q.where('e.fiscal_year', '=', s.year);
    if (s.departmentId !== undefined) q = q.where('u.department_id', '=', s.departmentId);
    if (s.unitId !== undefined) q = q.where('e.unit_id', '=', s.unitId);
    if (s.kind !== undefined) q = q.where('e.kind', '=', s.kind);
    if (!s.includeDrafts) q = q.where('e.status', '<>', 'draft');
    return q;
  }

  /** Per year (all years of the scope): count and average score. */
  async byYear(v: Visibility, s: DashboardScope): Promise<Array<ScoreFigures & { year: number }>> {
    const rows = await this.scoped(v, s, false)
      .select(['e.fiscal_year as year', ...figureColumns()])
      .groupBy('e.fiscal_year')
      .orderBy('e.fiscal_year')
      .execute();
    return rows.map((r: any) => ({ year: Number(r.year), ...toFigures(r) }));
  }

  /** Per kind and, in the row with kind null, for the whole scope (one grouping-sets query). */
  async byKind(v: Visibility, s: DashboardScope): Promise<Array<ScoreFigures & { kind: string | null }>> {
    return (await this.figures(v, s)).filter((g) => g.set === 'kind' || g.set === 'all').map((g) => ({ kind: g.set === 'all' ? null : g.key, ...g.figures }));
  }

  /**
   * The figures of the whole scope, per kind, per department and per unit in one scan
   * (GROUP BY GROUPING SETS; `grouping()` tells the sets apart).
   */
  async figures(v: Visibility, s: DashboardScope): Promise<Array<{ set: 'kind' | 'department' | 'unit' | 'all'; key: string | null; id: number | null; name: string | null; figures: ScoreFigures }>> {
    const rows = await this.scoped(v, s)
      .select([
        'e.kind as kind',
        'd.id as department_id',
        'd.name as department_name',
        'u.id as unit_id',
        'u.name as unit_name',
        int(sql`grouping(e.kind, d.id, u.id)`).as('g'),
        ...figureColumns(),
      ])
      .groupBy(sql`grouping sets ((e.kind), (d.id, d.name), (u.id, u.name), ())`)
      .orderBy(sql`grouping(e.kind, d.id, u.id)`)
      .orderBy('e.kind')
      .orderBy('d.id')
      .orderBy('u.id')
      .execute();
    const SETS: Record<number, 'kind' | 'department' | 'unit' | 'all'> = { 3: 'kind', 5: 'department', 6: 'unit', 7: 'all' };
    return rows.map((r: any) => {
      const set = SETS[Number(r.g)]!;
      const id = set === 'department' ? Number(r.department_id) : set === 'unit' ? Number(r.unit_id) : null;
      const name = set === 'department' ? r.department_name : set === 'unit' ? r.unit_name : null;
      return { set, key: set === 'kind' ? r.kind : null, id, name, figures: toFigures(r) };
    });
  }

  /**
   * Counts by local grade per department and per unit (无法定级 for a total that cannot be graded,
   * null for none), and by profile and grade for the common bands — one scan.
   */
  async gradeCounts(v: Visibility, s: DashboardScope) {
    const gradeOf = sql<string | null>`coalesce(e.grade, case when ${UNGRADABLE} then '无法定级' end)`;
    const rows = await this.scoped(v, s)
      .select([
        'd.id as department_id',
        'u.id as unit_id',
        'e.profile as profile',
        'e.grade as grade',
        gradeOf.as('local_grade'),
        sql<boolean>`${UNGRADABLE}`.as('ungradable'),
        int(sql`grouping(d.id, u.id, e.profile)`).as('g'),
        int(sql`count(*)`).as('count'),
      ])
      .groupBy(sql`grouping sets ((d.id, ${gradeOf}), (u.id, ${gradeOf}), (e.profile, e.grade, ${UNGRADABLE}))`)
      .execute();
    const byDepartment = new Map<number, { grade: string | null; count: number }[]>();
    const byUnit = new Map<number, { grade: string | null; count: number }[]>();
    const byProfile: Array<{ profile: string; grade: string | null; ungradable: boolean; count: number }> = [];
    const push = (m: Map<number, { grade: string | null; count: number }[]>, id: number, grade: string | null, count: number) => m.set(id, [...(m.get(id) ?? []), { grade, count }]);
    for (const r of rows as any[]) {
      const g = Number(r.g);
      if (g === 3) push(byDepartment, Number(r.department_id), r.local_grade ?? null, Number(r.count));
      else if (g === 5) push(byUnit, Number(r.unit_id), r.local_grade ?? null, Number(r.count));
      else byProfile.push({ profile: String(r.profile), grade: r.grade ?? null, ungradable: r.ungradable === true || r.ungradable === 't', count: Number(r.count) });
    }
    return { byDepartment, byUnit, byProfile };
  }

  /** The ranking, best first (score as numeric, then id), a page of it. */
  async ranking(v: Visibility, s: DashboardScope, page: { offset: number; limit: number }): Promise<RankingRow[]> {
    const rows = await this.scoped(v, s)
      .leftJoin('projects as p', 'p.id', 'e.project_id')
      .select([
        'e.id as id',
        'u.id as unit_id',
        'u.name as unit_name',
        'd.id as department_id',
        'd.name as department_name',
        'e.kind as kind',
        'e.title as title',
        sql<string | null>`coalesce(p.name, case when e.kind <> 'department' then e.title end)`.as('project_name'),
        text(SCORE).as('score'),
        'e.grade as grade',
        'e.profile as profile',
      ])
      .where(RANKED)
      .where(sql<boolean>`${SCORE} is not null`)
      .orderBy(sql`${SCORE} desc`)
      .orderBy('e.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return rows.map((r: any) => ({
      id: Number(r.id),
      unitId: Number(r.unit_id),
      unitName: r.unit_name,
      departmentId: Number(r.department_id),
      departmentName: r.department_name,
      kind: r.kind,
      title: r.title,
      projectName: r.project_name ?? null,
      score: r.score,
      grade: r.grade ?? null,
      profile: r.profile,
    }));
  }

  /**
   * Two-dimensional bins (whole points; execution rate in whole percent) for the scatter charts,
   * ranked rows only, both pairs in one scan: self score vs computed score, and execution rate vs score.
   */
  async bins(v: Visibility, s: DashboardScope): Promise<{ selfVsComputed: Array<[number, number, number]>; executionVsScore: Array<[number, number, number]> }> {
    const sx = sql`floor(${num('e.self_score')})`;
    const cy = sql`floor(${num('e.computed_score')})`;
    const ex = sql`floor(${num('e.execution_rate')} * 100)`;
    const sy = sql`floor(${SCORE})`;
    const rows = await this.scoped(v, s)
      .select([int(sx).as('sx'), int(cy).as('cy'), int(ex).as('ex'), int(sy).as('sy'), int(sql`grouping(${sx}, ${ex})`).as('g'), int(sql`count(*)`).as('n')])
      .where(RANKED)
      .groupBy(sql`grouping sets ((${sx}, ${cy}), (${ex}, ${sy}))`)
      .execute();
    const selfVsComputed: Array<[number, number, number]> = [];
    const executionVsScore: Array<[number, number, number]> = [];
    for (const r of rows as any[]) {
      if (Number(r.g) === 1 && r.sx !== null && r.cy !== null) selfVsComputed.push([Number(r.sx), Number(r.cy), Number(r.n)]);
      if (Number(r.g) === 2 && r.ex !== null && r.sy !== null) executionVsScore.push([Number(r.ex), Number(r.sy), Number(r.n)]);
    }
    const order = (a: [number, number, number], b: [number, number, number]) => a[0] - b[0] || a[1] - b[1];
    return { selfVsComputed: selfVsComputed.sort(order), executionVsScore: executionVsScore.sort(order) };
  }

  /**
   * Every row of the scope, for lists and exports, in id order after `afterId` (keyset paging,
   * so a streamed export never holds more than one batch).
   */
  async rows(v: Visibility, s: DashboardScope, afterId: number, limit: number): Promise<StatisticsRow[]> {
    const rows = await this.scoped(v, s)
      .leftJoin('projects as p', 'p.id', 'e.project_id')
      .select([
        'e.id as id',
        'e.fiscal_year as fiscal_year',
        'd.name as department_name',
        'u.id as unit_id',
        'u.name as unit_name',
        'e.kind as kind',
        'p.code as project_code',
        sql<string | null>`coalesce(p.name, case when e.kind <> 'department' then e.title end)`.as('project_name'),
        'e.title as title',
        'e.status as status',
        'e.profile as profile',
        'e.self_score as self_score',
        'e.computed_score as computed_score',
        'e.review_score as review_score',
        text(sql`case when ${RANKED} then ${SCORE} end`).as('score'),
        'e.grade as grade',
        'e.ungradable_reason as ungradable_reason',
        'e.execution_rate as execution_rate',
      ])
      .where('e.id', '>', afterId)
      .orderBy('e.id')
      .limit(limit)
      .execute();
    return rows.map((r: any) => ({
      id: Number(r.id),
      fiscalYear: Number(r.fiscal_year),
      departmentName: r.department_name,
      unitId: Number(r.unit_id),
      unitName: r.unit_name,
      kind: r.kind,
      projectCode: r.project_code ?? null,
      projectName: r.project_name ?? null,
      title: r.title,
      status: r.status,
      profile: r.profile,
      selfScore: r.self_score,
      computedScore: r.computed_score,
      reviewScore: r.review_score,
      score: r.score ?? null,
      grade: r.grade ?? null,
      ungradableReason: r.ungradable_reason ?? null,
      executionRate: r.execution_rate,
    }));
  }

  /**
   * One to-do list: light rows of one status (or sampled and not yet re-scored) in the year,
   * the first `limit` by id, each with the list's full count (a window count, one query).
   */
  async todoList(v: Visibility, f: { year?: number | undefined; status?: string; sampledUnreviewed?: boolean }, limit: number) {
    let q = this.scoped(v, { year: f.year, includeDrafts: true });
    if (f.status) q = q.where('e.status', '=', f.status);
    if (f.sampledUnreviewed) q = q.where('e.sampled', '=', true).where(sql<boolean>`(e.review is null or e.review->>'total' is null)`);
    const rows = await q
      .select([
        ...SUMMARY_COLUMNS,
        'u.name as unit_name',
        'd.id as department_id',
        'd.name as department_name',
        int(sql`count(*) over ()`).as('list_total'),
      ])
      .orderBy('e.id')
      .limit(limit)
      .execute();
    return { total: rows.length ? Number((rows[0] as any).list_total) : 0, rows: rows as any[] };
  }
}
