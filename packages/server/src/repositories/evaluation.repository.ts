import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { AnnualTaskRow, DB, EvaluationRow, EvaluationUpdate, NewEvaluation, SampleItemRow } from '../db/schema.js';
import type { UnitScope, Visibility } from '../workflow/access.js';
import { auditColumnsOf, type AuditEntry } from './audit-log.repository.js';

export type EvaluationRecord = EvaluationRow & UnitScope;

/**
 * The columns of an evaluation's summary row (no model JSON, review or override: a report's model
 * is ~35 KB), shared by the list pages, the light rows and the to-do lists.
 */
export const SUMMARY_COLUMNS = [
  'e.id',
  'e.unit_id',
  'e.fiscal_year',
  'e.kind',
  'e.title',
  'e.status',
  'e.version',
  'e.self_score',
  'e.computed_score',
  'e.review_score',
  'e.grade',
  'e.ungradable_reason',
  'e.errors',
  'e.warnings',
  'e.sampled',
  'e.quality_score',
  'e.quality_computed',
  'e.updated_at',
] as const;
/** What a list page shows: the summary and when it was published. */
const LIST_COLUMNS = [...SUMMARY_COLUMNS, 'e.published_at'] as const;
type ListColumn = (typeof LIST_COLUMNS)[number] extends `e.${infer C}` ? C : never;
/** A row of a list page: the list columns and the unit's scope. */
export type EvaluationListRow = Pick<EvaluationRow, ListColumn> & UnitScope;

/** What findForWrite reads beside the row. */
export interface ReadForWrite {
  rec: EvaluationRecord;
  /** The annual task of the evaluation's bureau and year (null: none). */
  task: Pick<AnnualTaskRow, 'id' | 'status' | 'due_on' | 'unit_ids'> | null;
  /** Its item in an active sample (null: not drawn, or no active sample). */
  sampleItem: Pick<SampleItemRow, 'status' | 'rescore'> | null;
  /** Whether the unit has any project or transfer evaluation in that year. */
  hasProjects: boolean;
}

export interface EvaluationFilters {
  year?: number | undefined;
  status?: string | undefined;
  unitId?: number | undefined;
  departmentId?: number | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  grade?: string | undefined;
  sampled?: boolean | undefined;
  /** Only these evaluations (an empty list matches none). */
  ids?: readonly number[] | undefined;
  /** 自评质量 confirmed by the finance bureau (true) or still only computed (false). */
  qualityConfirmed?: boolean | undefined;
  /** 自评质量 as shown (confirmed, else computed) at most this (a decimal string). */
  qualityMax?: string | undefined;
}

/** How a list is ordered: the default (year, newest first, then id) or by 自评质量 as shown. */
export type EvaluationSort = 'default' | 'quality' | '-quality';

/** 自评质量 as the review queue shows it: the finance bureau's confirmed score (stored as text), else the computed one; compared as numeric. */
const QUALITY_SHOWN = sql<string | null>`coalesce(cast(e.quality_score as numeric), e.quality_computed)`;

/** One group of a dashboard aggregate; averages are full-precision decimal strings (null when no row has one). */
export interface EvaluationAggregate {
  id: number;
  name: string;
  count: number;
  averageScore: string | null;
  averageSelfScore: string | null;
  averageComputedScore: string | null;
  gradeDistribution: { grade: string | null; count: number }[];
}

type Q = SelectQueryBuilder<any, any, any>;

function applyVisibility<T extends Q>(q: T, v: Visibility): T {
  switch (v.kind) {
    case 'all':
      return q;
    case 'bureau':
      return q.where('d.bureau_id', '=', v.bureauId) as T;
    case 'department':
      return q.where('d.id', '=', v.departmentId) as T;
    case 'unit':
      return q.where('e.unit_id', '=', v.unitId) as T;
    case 'none':
      return q.where(sql<boolean>`false`) as T;
  }
}

function applyFilters<T extends Q>(q: T, f: EvaluationFilters): T {
  let r: Q = q;
  if (f.year !== undefined) r = r.where('e.fiscal_year', '=', f.year);
  if (f.status) r = r.where('e.status', '=', f.status);
  if (f.unitId !== undefined) r = r.where('e.unit_id', '=', f.unitId);
  if (f.departmentId !== undefined) r = r.where('d.id', '=', f.departmentId);
  if (f.kind) r = r.where('e.kind', '=', f.kind);
  if (f.grade) r = r.where('e.grade', '=', f.grade);
  if (f.sampled !== undefined) r = r.where('e.sampled', '=', f.sampled);
  if (f.ids !== undefined) r = f.ids.length ? r.where('e.id', 'in', [...f.ids]) : r.where(sql<boolean>`false`);
  if (f.qualityConfirmed !== undefined) r = r.where('e.quality_score', f.qualityConfirmed ? 'is not' : 'is', null);
  if (f.qualityMax !== undefined) r = r.where(sql<boolean>`${QUALITY_SHOWN} <= cast(${f.qualityMax} as numeric)`);
  if (f.q) {
    // Parameterised; % and _ in the search text are matched literally.
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    r = r.where((eb: any) => eb.or([eb('e.title', 'ilike', pattern), eb('u.name', 'ilike', pattern)]));
  }
  return r as T;
}

export class EvaluationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base(db: Kysely<DB> = this.db) {
    return db
      .selectFrom('evaluations as e')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id');
  }

  async insert(row: NewEvaluation): Promise<EvaluationRow> {
    return this.db.insertInto('evaluations').values(row).returningAll().executeTakeFirstOrThrow();
  }

  findById(id: number): Promise<EvaluationRecord | undefined> {
    return this.base()
      .selectAll('e')
      .select(['u.id as unitId', 'u.name as unitName', 'd.id as departmentId', 'd.name as departmentName', 'd.bureau_id as bureauId'])
      .where('e.id', '=', id)
      .executeTakeFirst();
  }

  /**
   * What a save or a workflow action reads, in one query: the row with its unit's scope (as findById), the annual task
   * of its bureau and year (the deadline lock), its item in an active sample (the 自评质量
   * reference), and whether the unit has any project or transfer evaluation that year (a
   * department's roll-up then needs them; none spares that query).
   */
  async findForWrite(id: number): Promise<ReadForWrite | undefined> {
    const row = await this.base()
      .leftJoin('annual_tasks as t', (j) => j.onRef('t.bureau_id', '=', 'd.bureau_id').onRef('t.fiscal_year', '=', 'e.fiscal_year'))
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('sample_items as i')
            .innerJoin('samples as s', 's.id', 'i.sample_id')
            .select(['i.status as itemStatus', 'i.rescore as itemRescore'])
            .whereRef('i.evaluation_id', '=', 'e.id')
            .where('s.status', '=', 'active')
            .orderBy('i.id', 'desc')
            .limit(1)
            .as('si'),
        (j) => j.onTrue(),
      )
      .selectAll('e')
      .select(['u.id as unitId', 'u.name as unitName', 'd.id as departmentId', 'd.name as departmentName', 'd.bureau_id as bureauId'])
      .select(['t.id as taskId', 't.status as taskStatus', 't.due_on as taskDueOn', 't.unit_ids as taskUnitIds', 'si.itemStatus', 'si.itemRescore'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('evaluations as c')
              .select(sql`1`.as('one'))
              .whereRef('c.unit_id', '=', 'e.unit_id')
              .whereRef('c.fiscal_year', '=', 'e.fiscal_year')
              .where('c.kind', 'in', ['project', 'transfer']),
          )
          .as('hasProjects'),
      )
      .where('e.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { taskId, taskStatus, taskDueOn, taskUnitIds, itemStatus, itemRescore, hasProjects, ...rec } = row;
    return {
      rec: rec as EvaluationRecord,
      task: taskId === null ? null : { id: taskId, status: taskStatus!, due_on: taskDueOn!, unit_ids: taskUnitIds as number[] | null },
      sampleItem: itemStatus === null || itemStatus === undefined ? null : { status: itemStatus, rescore: itemRescore },
      hasProjects: Boolean(hasProjects),
    };
  }

  /** Inside a transaction: the row, locked until commit (the guard's second look). */
  findForUpdate(id: number): Promise<EvaluationRow | undefined> {
    return this.db.selectFrom('evaluations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  /**
   * Optimistic update: only when the stored version is still `expectedVersion`.
   * Returns the updated row, or undefined when someone else wrote first.
   */
  updateIfVersion(id: number, expectedVersion: number, patch: EvaluationUpdate): Promise<Pick<EvaluationRow, 'id' | 'version' | 'status'> | undefined> {
    return this.db
      .updateTable('evaluations')
      .set({ ...patch, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning(['id', 'version', 'status'])
      .executeTakeFirst();
  }

  /**
   * A save's write as one statement: the versioned update of the row and its audit entry, made
   * only while the stored version is still `expectedVersion` and the submission override still
   * `expectedOverride` (the stored blocking count depends on it, and setting it leaves the version
   * alone). A single statement commits whole or not at all, and holds the row lock and the audit
   * log's append lock for no round trip. Every change of state or data bumps the version, so an
   * unchanged version means the state and unit the caller checked are still the row's. False:
   * nothing was written (a newer version, another override, or the row is gone); the caller
   * looks under a lock to say why.
   */
  async updateIfVersionLogged(
    id: number,
    expectedVersion: number,
    expectedOverride: unknown,
    patch: EvaluationUpdate,
    entry: AuditEntry,
  ): Promise<boolean> {
    const a = auditColumnsOf(entry);
    const override = expectedOverride === null || expectedOverride === undefined ? null : JSON.stringify(expectedOverride);
    const written = await this.db
      .with('saved', (db) =>
        db
          .updateTable('evaluations')
          .set({ ...patch, version: expectedVersion + 1 })
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .where(sql<boolean>`submission_override is not distinct from ${override}::jsonb`)
          .returning('id'),
      )
      .insertInto('audit_log')
      .columns(['entity_type', 'entity_id', 'evaluation_id', 'actor_id', 'actor_name', 'action', 'at', 'before', 'after'])
      .expression(
        sql`select ${a.entity_type}::text, ${a.entity_id}::int, ${a.evaluation_id}::int, ${a.actor_id}::int, ${a.actor_name}::text,
          ${a.action}::text, ${a.at}::timestamptz, ${a.before}::jsonb, ${a.after}::jsonb from saved`,
      )
      .returning('id')
      .executeTakeFirst();
    return written !== undefined;
  }

  /** Inside a transaction: the row without its model JSON, locked until commit (the guards' second look). */
  findStateForUpdate(id: number) {
    return this.db
      .selectFrom('evaluations')
      .select(['id', 'unit_id', 'status', 'version', 'review', 'review_score', 'submission_override'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  async list(
    v: Visibility,
    f: EvaluationFilters,
    page: { offset: number; limit: number },
    sort: EvaluationSort = 'default',
  ): Promise<{ items: EvaluationListRow[]; total: number }> {
    const filtered = applyFilters(applyVisibility(this.base(), v), f);
    const totalRow = await filtered.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    let ordered = filtered
      .select(LIST_COLUMNS)
      .select(['u.id as unitId', 'u.name as unitName', 'd.id as departmentId', 'd.name as departmentName', 'd.bureau_id as bureauId']);
    // Exact numeric order; rows without a quality (unknown profile) last either way.
    if (sort !== 'default') ordered = ordered.orderBy(sql`${QUALITY_SHOWN} ${sql.raw(sort === 'quality' ? 'asc' : 'desc')} nulls last`);
    const items = await ordered
      .orderBy('e.fiscal_year', 'desc')
      .orderBy('e.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return { items: items as EvaluationListRow[], total: Number(totalRow.n) };
  }

  /** Light rows (no model JSON) for dashboards and to-do lists. */
  listLight(v: Visibility, f: EvaluationFilters) {
    return applyFilters(applyVisibility(this.base(), v), f)
      .select([
        ...SUMMARY_COLUMNS,
        'u.name as unit_name',
        'd.id as department_id',
        'd.name as department_name',
        'e.execution_rate',
        'e.review',
        'e.published_at',
      ])
      .orderBy('e.id')
      .execute();
  }

  /**
   * Counts, average scores and grade distribution per department or per unit, computed in SQL
   * over every row the visibility and filters allow. The score is review → computed → self.
   * A total that cannot be graded (ungradable_reason set, no finance re-score) is counted but kept
   * out of the averages.
   */
  async aggregate(v: Visibility, f: EvaluationFilters, by: 'department' | 'unit'): Promise<EvaluationAggregate[]> {
    const idCol = by === 'department' ? 'd.id' : 'u.id';
    const nameCol = by === 'department' ? 'd.name' : 'u.name';
    const avgOf = (expr: ReturnType<typeof sql>) =>
      sql<string | null>`cast(avg(case when e.ungradable_reason is null or e.review_score is not null then cast(${expr} as numeric) end) as text)`;
    const filtered = applyFilters(applyVisibility(this.base(), v), f);
    const groups = await filtered
      .select([
        sql.ref<number>(idCol).as('id'),
        sql.ref<string>(nameCol).as('name'),
        sql<number>`cast(count(*) as integer)`.as('count'),
        avgOf(sql`coalesce(e.review_score, e.computed_score, e.self_score)`).as('average_score'),
        avgOf(sql.ref('e.self_score')).as('average_self_score'),
        avgOf(sql.ref('e.computed_score')).as('average_computed_score'),
      ])
      .groupBy([idCol, nameCol])
      .orderBy(idCol)
      .execute();
    // A total that cannot be graded counts as 无法定级, apart from rows with no grade at all.
    const gradeOf = sql<string | null>`coalesce(e.grade, case when e.ungradable_reason is not null then '无法定级' end)`;
    const grades = await filtered
      .select([sql.ref<number>(idCol).as('id'), gradeOf.as('grade'), sql<number>`cast(count(*) as integer)`.as('count')])
      .groupBy([idCol, gradeOf])
      .orderBy(idCol)
      .orderBy(gradeOf)
      .execute();
    return groups.map((g: any) => ({
      id: Number(g.id),
      name: g.name,
      count: Number(g.count),
      averageScore: g.average_score,
      averageSelfScore: g.average_self_score,
      averageComputedScore: g.average_computed_score,
      gradeDistribution: grades.filter((x: any) => Number(x.id) === Number(g.id)).map((x: any) => ({ grade: x.grade, count: Number(x.count) })),
    }));
  }

  /** Evaluations that may be drawn for 抽评 in a year: past department review, in the bureau. */
  async listSamplingPopulation(bureauId: number, year: number): Promise<number[]> {
    const rows = await this.base()
      .select('e.id')
      .where('d.bureau_id', '=', bureauId)
      .where('e.fiscal_year', '=', year)
      .where('e.status', 'in', ['submitted', 'department_approved', 'finance_approved', 'published'])
      .orderBy('e.id')
      .execute();
    return rows.map((r) => r.id);
  }

  async markSampled(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('evaluations').set({ sampled: true, version: sql`version + 1` }).where('id', 'in', ids).execute();
  }

  /**
   * Record (or clear) the finance bureau's override of the submission checks. It changes what
   * submitting may do, not the unit's data, so the version is left alone (an open editor keeps saving).
   */
  async setSubmissionOverride(id: number, override: unknown | null, blocking?: number): Promise<void> {
    await this.db
      .updateTable('evaluations')
      .set({ submission_override: override === null ? null : JSON.stringify(override), ...(blocking !== undefined ? { blocking } : {}) })
      .where('id', '=', id)
      .execute();
  }

  /** The evaluations generated from a target (audited against its approved version and last monitoring return). */
  async idsGeneratedFrom(targetId: number): Promise<number[]> {
    const rows = await this.db.selectFrom('evaluations').select('id').where('target_id', '=', targetId).orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  /** The department (部门整体) evaluations of a unit and year: the parents of its project and transfer evaluations. */
  async departmentIdsOf(unitId: number, year: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('evaluations')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('fiscal_year', '=', year)
      .where('kind', '=', 'department')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * The stored audit counts of an evaluation, recomputed without a change to its data (a
   * department whose projects changed): the version and updated-at are left alone, so an open
   * editor keeps saving.
   */
  async setFindingCounts(id: number, counts: { errors: number; warnings: number; blocking: number }): Promise<void> {
    await this.db.updateTable('evaluations').set(counts).where('id', '=', id).execute();
  }

  /** 自评质量 as the rubric computes it (a cache of a computation: the version is left alone). */
  async setQualityComputed(id: number, quality: string | null): Promise<void> {
    await this.db.updateTable('evaluations').set({ quality_computed: quality }).where('id', '=', id).execute();
  }

  /** The quality adjustments and the resulting score (not the unit's data: the version is left alone). */
  async setQuality(id: number, review: unknown, score: string): Promise<void> {
    await this.db.updateTable('evaluations').set({ quality_review: JSON.stringify(review), quality_score: score }).where('id', '=', id).execute();
  }

  async listAllForComparison(): Promise<{ id: number; version: number; status: string; data: unknown }[]> {
    return this.db.selectFrom('evaluations').select(['id', 'version', 'status', 'data']).orderBy('id').execute();
  }
}
