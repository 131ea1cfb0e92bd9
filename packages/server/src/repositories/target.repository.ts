import type { Kysely } from 'kysely';
import type { EvaluationKind } from '@jixiao/core';
import type { AdjustmentState, DB, TargetRow, TargetState } from '../db/schema.js';
import type { UnitScope, Visibility } from '../workflow/access.js';

export type TargetRecord = TargetRow & UnitScope & { projectCode: string | null; projectName: string | null };

export interface TargetFilters {
  year?: number | undefined;
  unitId?: number | undefined;
  kind?: string | undefined;
  status?: string | undefined;
}

type TargetPatch = Partial<{
  name: string;
  tree: string;
  status: TargetState;
  approved_at: Date;
  approved_by: number;
  approved_version: number;
  review: string | null;
  updated_at: Date;
}>;

export class TargetRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('targets as t')
      .innerJoin('units as u', 'u.id', 't.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .leftJoin('projects as p', 'p.id', 't.project_id')
      .selectAll('t')
      .select(['u.id as unitId', 'u.name as unitName', 'd.id as departmentId', 'd.name as departmentName', 'd.bureau_id as bureauId', 'p.code as projectCode', 'p.name as projectName']);
  }

  insert(t: { unitId: number; fiscalYear: number; kind: EvaluationKind; projectId: number | null; name: string; tree: unknown; createdBy: number; at: Date }) {
    return this.db
      .insertInto('targets')
      .values({
        unit_id: t.unitId,
        fiscal_year: t.fiscalYear,
        kind: t.kind,
        project_id: t.projectId,
        name: t.name,
        status: 'draft',
        version: 1,
        initial: null,
        tree: JSON.stringify(t.tree),
        created_by: t.createdBy,
        created_at: t.at,
        updated_at: t.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findById(id: number): Promise<TargetRecord | undefined> {
    return this.base().where('t.id', '=', id).executeTakeFirst() as Promise<TargetRecord | undefined>;
  }

  findForUpdate(id: number) {
    return this.db.selectFrom('targets').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  /** The department's own (部门整体) targets of a unit and year, or a project's targets. */
  findExisting(f: { unitId: number; fiscalYear: number; kind: EvaluationKind; projectId: number | null }) {
    let q = this.db.selectFrom('targets').select(['id', 'name']).where('unit_id', '=', f.unitId).where('fiscal_year', '=', f.fiscalYear).where('kind', '=', f.kind);
    q = f.projectId === null ? q.where('project_id', 'is', null) : q.where('project_id', '=', f.projectId);
    return q.executeTakeFirst();
  }

  list(v: Visibility, f: TargetFilters): Promise<TargetRecord[]> {
    let q = this.base();
    if (v.kind === 'bureau') q = q.where('d.bureau_id', '=', v.bureauId);
    else if (v.kind === 'department') q = q.where('d.id', '=', v.departmentId);
    else if (v.kind === 'unit') q = q.where('t.unit_id', '=', v.unitId);
    else if (v.kind === 'none') return Promise.resolve([]);
    if (f.year !== undefined) q = q.where('t.fiscal_year', '=', f.year);
    if (f.unitId !== undefined) q = q.where('t.unit_id', '=', f.unitId);
    if (f.kind) q = q.where('t.kind', '=', f.kind as EvaluationKind);
    if (f.status) q = q.where('t.status', '=', f.status as TargetState);
    return q.orderBy('t.fiscal_year', 'desc').orderBy('t.id').execute() as Promise<TargetRecord[]>;
  }

  updateIfVersion(id: number, expectedVersion: number, patch: TargetPatch) {
    return this.db
      .updateTable('targets')
      .set({ ...patch, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  }

  insertVersion(v: { targetId: number; versionNo: number; tree: unknown; kind: 'initial' | 'adjustment'; reason: string | null; approvedBy: number; at: Date }) {
    return this.db
      .insertInto('target_versions')
      .values({ target_id: v.targetId, version_no: v.versionNo, tree: JSON.stringify(v.tree), kind: v.kind, reason: v.reason, approved_by: v.approvedBy, approved_at: v.at })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  listVersions(targetId: number) {
    return this.db.selectFrom('target_versions').selectAll().where('target_id', '=', targetId).orderBy('version_no').execute();
  }

  findVersion(targetId: number, versionNo: number) {
    return this.db.selectFrom('target_versions').selectAll().where('target_id', '=', targetId).where('version_no', '=', versionNo).executeTakeFirst();
  }

  insertAdjustment(a: { targetId: number; reason: string; tree: unknown; changes: unknown; requestedBy: number; at: Date }) {
    return this.db
      .insertInto('target_adjustments')
      .values({ target_id: a.targetId, reason: a.reason, tree: JSON.stringify(a.tree), changes: JSON.stringify(a.changes), status: 'pending', requested_by: a.requestedBy, requested_at: a.at })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findAdjustmentForUpdate(targetId: number, adjustmentId: number) {
    return this.db.selectFrom('target_adjustments').selectAll().where('id', '=', adjustmentId).where('target_id', '=', targetId).forUpdate().executeTakeFirst();
  }

  /** Moves an adjustment on only if it is still in `from` (a second writer finds nothing). */
  updateAdjustment(
    id: number,
    from: AdjustmentState,
    patch: Partial<{ status: AdjustmentState; review: string; approved_by: number; approved_at: Date; department_approved_by: number; department_approved_at: Date }>,
  ) {
    return this.db.updateTable('target_adjustments').set(patch).where('id', '=', id).where('status', '=', from).returningAll().executeTakeFirst();
  }

  listAdjustments(targetId: number) {
    return this.db.selectFrom('target_adjustments').selectAll().where('target_id', '=', targetId).orderBy('id').execute();
  }

  /** Records on a new evaluation which target and approved version it was generated from. */
  linkEvaluation(evaluationId: number, targetId: number, versionNo: number) {
    return this.db.updateTable('evaluations').set({ target_id: targetId, target_version: versionNo }).where('id', '=', evaluationId).execute();
  }

  /** The evaluation already generated from this target, if any. */
  findEvaluationOf(targetId: number) {
    return this.db.selectFrom('evaluations').select(['id', 'status']).where('target_id', '=', targetId).executeTakeFirst();
  }
}
