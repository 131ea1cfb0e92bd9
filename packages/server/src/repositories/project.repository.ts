/**
 * Projects (项目) and project-list imports. Lists are computed by the database: one row per
 * project with its evaluation's progress and figures, filters, paging and the summary over
 * every matching row.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { dec } from '@jixiao/core';
import type { DB, NewProject, ProjectImportRow, ProjectRow } from '../db/schema.js';
import type { Visibility } from '../workflow/access.js';

export const PROGRESS_VALUES = ['not_started', 'draft', 'returned', 'submitted', 'department_approved', 'finance_approved', 'published'] as const;
export type Progress = (typeof PROGRESS_VALUES)[number];
export const PROJECT_SORTS = ['code', 'amount', 'score', 'errors'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export interface ProjectFilters {
  id?: number | undefined;
  year?: number | undefined;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  kind?: string | undefined;
  /** A grade, or 'none' for projects without one. */
  grade?: string | undefined;
  progress?: Progress | undefined;
  /** Amount band in 万元 on 全年预算数 (else 年初预算数): min ≤ amount < max. */
  minAmount?: string | undefined;
  maxAmount?: string | undefined;
  hasErrors?: boolean | undefined;
  /** Projects whose evaluation has findings that block 提交 (true) or none known (false). */
  blocked?: boolean | undefined;
  q?: string | undefined;
  includeRemoved?: boolean | undefined;
}

/** One flat list row, as the database returns it. */
export interface ProjectListRow {
  id: number;
  fiscal_year: number;
  code: string;
  name: string;
  kind: string;
  category: string | null;
  issuing_department: string | null;
  unit_id: number;
  unit_name: string;
  unit_code: string | null;
  department_id: number;
  department_name: string;
  bureau_id: number;
  initial_budget: string | null;
  adjusted_budget: string | null;
  status: string;
  version: number;
  evaluation_id: number | null;
  evaluation_status: string | null;
  evaluation_version: number | null;
  progress: Progress;
  executed: string | null;
  execution_rate: string | null;
  self_score: string | null;
  computed_score: string | null;
  review_score: string | null;
  grade: string | null;
  errors: number;
  warnings: number;
  /** Findings that block 提交 (less waived rules); null without an evaluation or before it is next saved. */
  blocking: number | null;
  updated_at: Date;
}

export interface ProjectListSummary {
  count: number;
  initialBudget: string | null;
  adjustedBudget: string | null;
  executed: string | null;
  withErrors: number;
  /** Rows whose evaluation has findings that block 提交. */
  blocked: number;
  byProgress: { progress: Progress; count: number }[];
}

const PROGRESS = sql<Progress>`case when e.id is null or (e.status = 'draft' and e.version = 1) then 'not_started' else e.status end`;
const AMOUNT = sql`cast(coalesce(p.adjusted_budget, p.initial_budget) as numeric)`;
const EXECUTED = sql<string | null>`e.data #>> '{funds,total,executed}'`;
const SCORE = sql`cast(coalesce(e.review_score, e.computed_score, e.self_score) as numeric)`;
const sumText = (expr: ReturnType<typeof sql>) => sql<string | null>`cast(sum(cast(${expr} as numeric)) as text)`;

export class ProjectRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('projects as p')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .leftJoin('evaluations as e', 'e.project_id', 'p.id');
  }

  private filtered(v: Visibility, f: ProjectFilters) {
    return this.base().where((eb) => {
      const c: Expression<SqlBool>[] = [];
      if (v.kind === 'bureau') c.push(eb('d.bureau_id', '=', v.bureauId));
      else if (v.kind === 'department') c.push(eb('d.id', '=', v.departmentId));
      else if (v.kind === 'unit') c.push(eb('p.unit_id', '=', v.unitId));
      else if (v.kind === 'none') c.push(sql<SqlBool>`false`);
      if (!f.includeRemoved) c.push(eb('p.status', '=', 'active'));
      if (f.id !== undefined) c.push(eb('p.id', '=', f.id));
      if (f.year !== undefined) c.push(eb('p.fiscal_year', '=', f.year));
      if (f.departmentId !== undefined) c.push(eb('d.id', '=', f.departmentId));
      if (f.unitId !== undefined) c.push(eb('p.unit_id', '=', f.unitId));
      if (f.kind) c.push(eb('p.kind', '=', f.kind as 'project'));
      if (f.grade === 'none') c.push(eb('e.grade', 'is', null));
      else if (f.grade) c.push(eb('e.grade', '=', f.grade));
      if (f.progress) c.push(sql<SqlBool>`${PROGRESS} = ${f.progress}`);
      if (f.minAmount !== undefined) c.push(sql<SqlBool>`${AMOUNT} >= cast(${f.minAmount} as numeric)`);
      if (f.maxAmount !== undefined) c.push(sql<SqlBool>`${AMOUNT} < cast(${f.maxAmount} as numeric)`);
      if (f.hasErrors === true) c.push(eb('e.errors', '>', 0));
      if (f.hasErrors === false) c.push(sql<SqlBool>`coalesce(e.errors, 0) = 0`);
      if (f.blocked === true) c.push(eb('e.blocking', '>', 0));
      if (f.blocked === false) c.push(sql<SqlBool>`coalesce(e.blocking, 0) = 0`);
      if (f.q) {
        const pattern = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        c.push(eb.or([eb('p.code', 'ilike', pattern), eb('p.name', 'ilike', pattern), eb('u.name', 'ilike', pattern)]));
      }
      return eb.and(c);
    });
  }

  async list(v: Visibility, f: ProjectFilters, page: { offset: number; limit: number } | null, sort: ProjectSort = 'code'): Promise<ProjectListRow[]> {
    let q = this.filtered(v, f).select([
      'p.id',
      'p.fiscal_year',
      'p.code',
      'p.name',
      'p.kind',
      'p.category',
      'p.issuing_department',
      'p.unit_id',
      'u.name as unit_name',
      'u.code as unit_code',
      'd.id as department_id',
      'd.name as department_name',
      'd.bureau_id',
      'p.initial_budget',
      'p.adjusted_budget',
      'p.status',
      'p.version',
      'e.id as evaluation_id',
      'e.status as evaluation_status',
      'e.version as evaluation_version',
      PROGRESS.as('progress'),
      EXECUTED.as('executed'),
      'e.execution_rate',
      'e.self_score',
      'e.computed_score',
      'e.review_score',
      'e.grade',
      sql<number>`coalesce(e.errors, 0)`.as('errors'),
      sql<number>`coalesce(e.warnings, 0)`.as('warnings'),
      'e.blocking',
      sql<Date>`greatest(p.updated_at, coalesce(e.updated_at, p.updated_at))`.as('updated_at'),
    ]);
    if (sort === 'amount') q = q.orderBy(sql`${AMOUNT} desc nulls last`);
    else if (sort === 'score') q = q.orderBy(sql`${SCORE} desc nulls last`);
    else if (sort === 'errors') q = q.orderBy(sql`coalesce(e.errors, 0) desc`).orderBy(sql`coalesce(e.warnings, 0) desc`);
    q = q.orderBy('p.fiscal_year', 'desc').orderBy('p.code').orderBy('p.id');
    if (page) q = q.offset(page.offset).limit(page.limit);
    const rows = await q.execute();
    return rows.map((r) => ({ ...r, errors: Number(r.errors), warnings: Number(r.warnings), blocking: r.blocking === null ? null : Number(r.blocking) }) as ProjectListRow);
  }

  /** Counts and sums over every matching row, in one grouped query (per progress, added up exactly). */
  async summary(v: Visibility, f: ProjectFilters): Promise<ProjectListSummary> {
    const groups = await this.filtered(v, f)
      .select([
        PROGRESS.as('progress'),
        sql<number>`cast(count(*) as integer)`.as('count'),
        sumText(sql`p.initial_budget`).as('initial'),
        sumText(sql`p.adjusted_budget`).as('adjusted'),
        sumText(EXECUTED).as('executed'),
        sql<number>`cast(count(*) filter (where e.errors > 0) as integer)`.as('with_errors'),
        sql<number>`cast(count(*) filter (where e.blocking > 0) as integer)`.as('blocked'),
      ])
      .groupBy(sql`1`)
      .execute();
    const add = (xs: (string | null)[]) => {
      const known = xs.filter((x): x is string => x !== null);
      return known.length ? known.reduce((a, x) => a.plus(x), dec(0)).toString() : null;
    };
    const counts = new Map(groups.map((g) => [g.progress, Number(g.count)]));
    return {
      count: groups.reduce((n, g) => n + Number(g.count), 0),
      initialBudget: add(groups.map((g) => g.initial)),
      adjustedBudget: add(groups.map((g) => g.adjusted)),
      executed: add(groups.map((g) => g.executed)),
      withErrors: groups.reduce((n, g) => n + Number(g.with_errors), 0),
      blocked: groups.reduce((n, g) => n + Number(g.blocked), 0),
      byProgress: PROGRESS_VALUES.map((p) => ({ progress: p, count: counts.get(p) ?? 0 })),
    };
  }

  async findRow(id: number): Promise<ProjectListRow | undefined> {
    const [row] = await this.list({ kind: 'all' }, { id, includeRemoved: true }, null);
    return row;
  }

  /**
   * A unit's project and transfer evaluations of a year (the children of its department
   * evaluation): linked to an active project, or created without one. By project code.
   */
  async childEvaluations(unitId: number, year: number): Promise<{ id: number; data: unknown }[]> {
    return this.db
      .selectFrom('evaluations as e')
      .leftJoin('projects as p', 'p.id', 'e.project_id')
      .select(['e.id', 'e.data'])
      .where('e.unit_id', '=', unitId)
      .where('e.fiscal_year', '=', year)
      .where('e.kind', 'in', ['project', 'transfer'])
      .where((eb) => eb.or([eb('e.project_id', 'is', null), eb('p.status', '=', 'active')]))
      .orderBy(sql`p.code asc nulls last`)
      .orderBy('e.id')
      .execute();
  }

  /** How many active projects a unit's list has in a year. */
  async countActive(unitId: number, year: number): Promise<number> {
    const r = await this.db
      .selectFrom('projects')
      .select(sql<number>`cast(count(*) as integer)`.as('n'))
      .where('unit_id', '=', unitId)
      .where('fiscal_year', '=', year)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The latest year in which a unit has projects. */
  async latestYear(unitId: number): Promise<number | undefined> {
    const r = await this.db.selectFrom('projects').select(sql<number | null>`max(fiscal_year)`.as('y')).where('unit_id', '=', unitId).executeTakeFirst();
    return r?.y === null || r?.y === undefined ? undefined : Number(r.y);
  }

  findById(id: number): Promise<ProjectRow | undefined> {
    return this.db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Every project of the region and year (active and removed), for an import's comparison. */
  listForRegionYear(regionId: number, year: number, forUpdate = false): Promise<ProjectRow[]> {
    let q = this.db.selectFrom('projects').selectAll().where('region_id', '=', regionId).where('fiscal_year', '=', year).orderBy('id');
    if (forUpdate) q = q.forUpdate();
    return q.execute();
  }

  /** Evaluation id, status and version of each project that has one. */
  async evaluationsOf(projectIds: number[]): Promise<Map<number, { id: number; status: string; version: number }>> {
    if (projectIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('evaluations')
      .select(['id', 'status', 'version', 'project_id'])
      .where('project_id', 'in', projectIds)
      .execute();
    return new Map(rows.map((r) => [r.project_id!, { id: r.id, status: r.status, version: r.version }]));
  }

  insert(row: NewProject): Promise<ProjectRow> {
    return this.db.insertInto('projects').values(row).returningAll().executeTakeFirstOrThrow();
  }

  update(id: number, expectedVersion: number, patch: Partial<Omit<NewProject, 'id' | 'version'>>): Promise<ProjectRow | undefined> {
    return this.db
      .updateTable('projects')
      .set({ ...patch, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  }

  /** The region of a bureau, department or unit. */
  async regionOf(scope: { kind: 'bureau' | 'department' | 'unit'; id: number }): Promise<number | undefined> {
    const q = this.db.selectFrom('bureaus as b').select('b.region_id');
    const r =
      scope.kind === 'bureau'
        ? await q.where('b.id', '=', scope.id).executeTakeFirst()
        : scope.kind === 'department'
          ? await q.innerJoin('departments as d', 'd.bureau_id', 'b.id').where('d.id', '=', scope.id).executeTakeFirst()
          : await q
              .innerJoin('departments as d', 'd.bureau_id', 'b.id')
              .innerJoin('units as u', 'u.department_id', 'd.id')
              .where('u.id', '=', scope.id)
              .executeTakeFirst();
    return r?.region_id;
  }

  /** Every unit of a region with its department and bureau (to resolve a list's 单位 column). */
  unitsOfRegion(regionId: number) {
    return this.db
      .selectFrom('units as u')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .innerJoin('bureaus as b', 'b.id', 'd.bureau_id')
      .select(['u.id', 'u.name', 'u.code', 'd.id as departmentId', 'd.name as departmentName', 'd.bureau_id as bureauId'])
      .where('b.region_id', '=', regionId)
      .orderBy('u.id')
      .execute();
  }

  insertImport(row: Omit<ProjectImportRow, 'id' | 'committed_at' | 'result' | 'options' | 'rows' | 'preview'> & { options: string; rows: string; preview: string }) {
    return this.db.insertInto('project_imports').values(row).returningAll().executeTakeFirstOrThrow();
  }

  findImport(id: number, forUpdate = false): Promise<ProjectImportRow | undefined> {
    let q = this.db.selectFrom('project_imports').selectAll().where('id', '=', id);
    if (forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async markImportCommitted(id: number, at: Date, result: unknown): Promise<ProjectImportRow> {
    return this.db
      .updateTable('project_imports')
      .set({ status: 'committed', committed_at: at, result: JSON.stringify(result) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
