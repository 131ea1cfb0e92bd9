import type { Kysely } from 'kysely';
import type { DB, TargetRow } from '../db/schema.js';
import type { UnitScope, Visibility } from '../workflow/access.js';

export type TargetRecord = TargetRow & UnitScope;

export class TargetRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('targets as t')
      .innerJoin('units as u', 'u.id', 't.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .selectAll('t')
      .select(['u.id as unitId', 'u.name as unitName', 'd.id as departmentId', 'd.name as departmentName', 'd.bureau_id as bureauId']);
  }

  async insert(t: { unitId: number; fiscalYear: number; name: string; initial: unknown; createdBy: number; at: Date }) {
    return this.db
      .insertInto('targets')
      .values({
        unit_id: t.unitId,
        fiscal_year: t.fiscalYear,
        name: t.name,
        status: 'draft',
        version: 1,
        initial: JSON.stringify(t.initial),
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

  list(v: Visibility, f: { year?: number | undefined; unitId?: number | undefined }): Promise<TargetRecord[]> {
    let q = this.base();
    if (v.kind === 'bureau') q = q.where('d.bureau_id', '=', v.bureauId);
    else if (v.kind === 'department') q = q.where('d.id', '=', v.departmentId);
    else if (v.kind === 'unit') q = q.where('t.unit_id', '=', v.unitId);
    else if (v.kind === 'none') return Promise.resolve([]);
    if (f.year !== undefined) q = q.where('t.fiscal_year', '=', f.year);
    if (f.unitId !== undefined) q = q.where('t.unit_id', '=', f.unitId);
    return q.orderBy('t.id').execute() as Promise<TargetRecord[]>;
  }

  updateIfVersion(
    id: number,
    expectedVersion: number,
    patch: Partial<{ name: string; initial: string; adjusted: string; status: 'draft' | 'approved'; approved_at: Date; approved_by: number; updated_at: Date }>,
  ) {
    return this.db
      .updateTable('targets')
      .set({ ...patch, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  }

  insertAdjustment(a: { targetId: number; reason: string; changes: unknown; requestedBy: number; at: Date }) {
    return this.db
      .insertInto('target_adjustments')
      .values({
        target_id: a.targetId,
        reason: a.reason,
        changes: JSON.stringify(a.changes),
        status: 'pending',
        requested_by: a.requestedBy,
        requested_at: a.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findAdjustmentForUpdate(targetId: number, adjustmentId: number) {
    return this.db
      .selectFrom('target_adjustments')
      .selectAll()
      .where('id', '=', adjustmentId)
      .where('target_id', '=', targetId)
      .forUpdate()
      .executeTakeFirst();
  }

  approveAdjustment(id: number, by: number, at: Date) {
    return this.db
      .updateTable('target_adjustments')
      .set({ status: 'approved', approved_by: by, approved_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
  }

  listAdjustments(targetId: number) {
    return this.db.selectFrom('target_adjustments').selectAll().where('target_id', '=', targetId).orderBy('id').execute();
  }
}
