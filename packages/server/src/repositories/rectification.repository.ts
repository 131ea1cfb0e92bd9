import type { Kysely } from 'kysely';
import type { DB, RectificationRow } from '../db/schema.js';
import type { UnitScope, Visibility } from '../workflow/access.js';

export type RectificationRecord = RectificationRow & UnitScope;

export class RectificationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('rectifications as r')
      .innerJoin('evaluations as e', 'e.id', 'r.evaluation_id')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .selectAll('r')
      .select(['u.id as unitId', 'u.name as unitName', 'd.id as departmentId', 'd.name as departmentName', 'd.bureau_id as bureauId']);
  }

  insert(r: { evaluationId: number; rule: string | null; findings: unknown[]; description: string; dueDate: string | null; createdBy: number; at: Date }) {
    return this.db
      .insertInto('rectifications')
      .values({
        evaluation_id: r.evaluationId,
        rule: r.rule,
        findings: JSON.stringify(r.findings),
        description: r.description,
        due_date: r.dueDate,
        status: 'open',
        version: 1,
        created_by: r.createdBy,
        created_at: r.at,
        updated_at: r.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findById(id: number): Promise<RectificationRecord | undefined> {
    return this.base().where('r.id', '=', id).executeTakeFirst() as Promise<RectificationRecord | undefined>;
  }

  findForUpdate(id: number) {
    return this.db.selectFrom('rectifications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  update(id: number, expectedVersion: number, patch: { status: RectificationRow['status']; note: string | null; updated_at: Date }) {
    return this.db
      .updateTable('rectifications')
      .set({ ...patch, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  }

  list(v: Visibility, f: { evaluationId?: number | undefined; status?: string | undefined }): Promise<RectificationRecord[]> {
    let q = this.base();
    if (v.kind === 'bureau') q = q.where('d.bureau_id', '=', v.bureauId);
    else if (v.kind === 'department') q = q.where('d.id', '=', v.departmentId);
    else if (v.kind === 'unit') q = q.where('e.unit_id', '=', v.unitId);
    else if (v.kind === 'none') return Promise.resolve([]);
    if (f.evaluationId !== undefined) q = q.where('r.evaluation_id', '=', f.evaluationId);
    if (f.status) q = q.where('r.status', '=', f.status as RectificationRow['status']);
    return q.orderBy('r.id').execute() as Promise<RectificationRecord[]>;
  }
}
