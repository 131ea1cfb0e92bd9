import { sql, type Kysely } from 'kysely';
import type { DB, SampleItemRow, SampleItemState, SampleRow } from '../db/schema.js';

export interface NewSample {
  bureauId: number;
  fiscalYear: number;
  size: number;
  seed: string;
  population: number[];
  evaluationIds: number[];
  settings: unknown;
  plan: unknown;
  reason: string | null;
  replaces: number | null;
  assessorId: number | null;
  drawnBy: number;
  at: Date;
}

/** A sample item with what its lists show of the evaluation (no model JSON). */
export type SampleItemRecord = SampleItemRow & {
  fiscalYear: number;
  sampleStatus: string;
  bureauId: number | null;
  unitId: number;
  unitName: string;
  departmentId: number;
  departmentName: string;
  kind: string;
  title: string;
  evaluationStatus: string;
  selfScore: string | null;
  computedScore: string | null;
  reviewScore: string | null;
  grade: string | null;
  profile: string;
};

export class SampleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  insert(s: NewSample) {
    return this.db
      .insertInto('samples')
      .values({
        fiscal_year: s.fiscalYear,
        size: s.size,
        seed: s.seed,
        population: JSON.stringify(s.population),
        evaluation_ids: JSON.stringify(s.evaluationIds),
        drawn_by: s.drawnBy,
        drawn_at: s.at,
        bureau_id: s.bureauId,
        settings: JSON.stringify(s.settings),
        plan: JSON.stringify(s.plan),
        status: 'active',
        reason: s.reason,
        replaces: s.replaces,
        assessor_id: s.assessorId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Samples of a bureau (all bureaus for null), newest last. */
  list(bureauId: number | null, year?: number): Promise<SampleRow[]> {
    let q = this.db.selectFrom('samples').selectAll();
    if (bureauId !== null) q = q.where('bureau_id', '=', bureauId);
    if (year !== undefined) q = q.where('fiscal_year', '=', year);
    return q.orderBy('id').execute();
  }

  /** Inside a transaction: the bureau's active sample of the year, locked. */
  findActiveForUpdate(bureauId: number, year: number): Promise<SampleRow | undefined> {
    return this.db
      .selectFrom('samples')
      .selectAll()
      .where('bureau_id', '=', bureauId)
      .where('fiscal_year', '=', year)
      .where('status', '=', 'active')
      .orderBy('id', 'desc')
      .forUpdate()
      .executeTakeFirst();
  }

  async supersede(id: number): Promise<void> {
    await this.db.updateTable('samples').set({ status: 'superseded' }).where('id', '=', id).execute();
  }

  async insertItems(items: { sampleId: number; evaluationId: number; stratum: string; mandatory: string | null; assessorId: number | null }[]): Promise<void> {
    if (items.length === 0) return;
    await this.db
      .insertInto('sample_items')
      .values(items.map((i) => ({ sample_id: i.sampleId, evaluation_id: i.evaluationId, stratum: i.stratum, mandatory: i.mandatory, assessor_id: i.assessorId, status: 'assigned' as const, version: 1 })))
      .execute();
  }

  private items() {
    return this.db
      .selectFrom('sample_items as i')
      .innerJoin('samples as s', 's.id', 'i.sample_id')
      .innerJoin('evaluations as e', 'e.id', 'i.evaluation_id')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .selectAll('i')
      .select([
        's.fiscal_year as fiscalYear',
        's.status as sampleStatus',
        's.bureau_id as bureauId',
        'u.id as unitId',
        'u.name as unitName',
        'd.id as departmentId',
        'd.name as departmentName',
        'e.kind as kind',
        'e.title as title',
        'e.status as evaluationStatus',
        'e.self_score as selfScore',
        'e.computed_score as computedScore',
        'e.review_score as reviewScore',
        'e.grade as grade',
        'e.profile as profile',
      ]);
  }

  listItems(f: { sampleIds?: readonly number[]; assessorId?: number; activeOnly?: boolean; year?: number | undefined }): Promise<SampleItemRecord[]> {
    let q = this.items();
    if (f.sampleIds) q = f.sampleIds.length ? q.where('i.sample_id', 'in', [...f.sampleIds]) : q.where(sql<boolean>`false`);
    if (f.assessorId !== undefined) q = q.where('i.assessor_id', '=', f.assessorId);
    if (f.activeOnly) q = q.where('s.status', '=', 'active');
    if (f.year !== undefined) q = q.where('s.fiscal_year', '=', f.year);
    return q.orderBy('i.sample_id').orderBy('i.evaluation_id').execute() as Promise<SampleItemRecord[]>;
  }

  findItem(id: number): Promise<SampleItemRecord | undefined> {
    return this.items().where('i.id', '=', id).executeTakeFirst() as Promise<SampleItemRecord | undefined>;
  }

  findItemForUpdate(id: number) {
    return this.db.selectFrom('sample_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  updateItem(id: number, expectedVersion: number, patch: { status: SampleItemState; rescore?: unknown; review?: unknown }) {
    return this.db
      .updateTable('sample_items')
      .set({
        status: patch.status,
        version: expectedVersion + 1,
        ...(patch.rescore !== undefined ? { rescore: JSON.stringify(patch.rescore) } : {}),
        ...(patch.review !== undefined ? { review: JSON.stringify(patch.review) } : {}),
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  }

  /** The evaluation's item in its bureau's active sample, if it is drawn. */
  activeItemOf(evaluationId: number): Promise<SampleItemRow | undefined> {
    return this.db
      .selectFrom('sample_items as i')
      .innerJoin('samples as s', 's.id', 'i.sample_id')
      .selectAll('i')
      .where('i.evaluation_id', '=', evaluationId)
      .where('s.status', '=', 'active')
      .orderBy('i.id', 'desc')
      .executeTakeFirst();
  }

  /**
   * Evaluations that may be drawn in a year: the bureau's, past submission, of every kind, with
   * what the strata need (department, kind, budget in 万元: adjusted, else initial).
   */
  listCandidates(bureauId: number, year: number) {
    return this.db
      .selectFrom('evaluations as e')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .select([
        'e.id',
        'e.unit_id as unitId',
        'd.id as departmentId',
        'd.name as departmentName',
        'e.kind',
        'e.title',
        sql<string | null>`coalesce(e.data->'funds'->'total'->>'adjusted', e.data->'funds'->'total'->>'initial')`.as('amount'),
      ])
      .where('d.bureau_id', '=', bureauId)
      .where('e.fiscal_year', '=', year)
      .where('e.status', 'in', ['submitted', 'department_approved', 'finance_approved', 'published'])
      .orderBy('e.id')
      .execute();
  }

  /** Graded evaluations of a year in the bureau (for "last year's lowest grade"). */
  listGraded(bureauId: number, year: number) {
    return this.db
      .selectFrom('evaluations as e')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .select(['e.unit_id as unitId', 'e.kind', 'e.title', 'e.grade', 'e.profile'])
      .where('d.bureau_id', '=', bureauId)
      .where('e.fiscal_year', '=', year)
      .where('e.grade', 'is not', null)
      .execute();
  }

  /** The sampled flag shown in lists (no version change: it does not change the unit's data). */
  async setSampled(ids: readonly number[], sampled: boolean): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('evaluations').set({ sampled }).where('id', 'in', [...ids]).execute();
  }

  /** The rule profile of each evaluation (lists do not carry it). */
  profilesOf(ids: readonly number[]): Promise<{ id: number; profile: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('evaluations').select(['id', 'profile']).where('id', 'in', [...ids]).execute();
  }

  /** The bureau's third-party reviewer accounts (for choosing one when drawing). */
  listAssessors(bureauId: number) {
    return this.db.selectFrom('users').select(['id', 'display_name as displayName']).where('role', '=', 'assessor').where('bureau_id', '=', bureauId).where('disabled', '=', false).orderBy('id').execute();
  }

  /** An assessor account of the bureau (null when there is none with that id). */
  findAssessor(id: number, bureauId: number) {
    return this.db
      .selectFrom('users')
      .select(['id', 'display_name as displayName'])
      .where('id', '=', id)
      .where('role', '=', 'assessor')
      .where('bureau_id', '=', bureauId)
      .where('disabled', '=', false)
      .executeTakeFirst();
  }

  /** Whether the evaluation is in an active sample and assigned to this assessor. */
  async isAssigned(evaluationId: number, assessorId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('sample_items as i')
      .innerJoin('samples as s', 's.id', 'i.sample_id')
      .select('i.id')
      .where('i.evaluation_id', '=', evaluationId)
      .where('i.assessor_id', '=', assessorId)
      .where('s.status', '=', 'active')
      .executeTakeFirst();
    return row !== undefined;
  }
}
