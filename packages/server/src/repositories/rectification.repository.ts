import { sql, type Kysely } from 'kysely';
import type { DB, RectificationRow, RectificationSource, RectificationState } from '../db/schema.js';
import type { UnitScope, Visibility } from '../workflow/access.js';

export type RectificationRecord = RectificationRow & UnitScope & { evidenceCount: number };

export interface NewRectification {
  unitId: number;
  evaluationId: number | null;
  monitoringReturnId: number | null;
  source: RectificationSource;
  rule: string | null;
  findings: unknown[];
  description: string;
  dueDate: string;
  createdBy: number;
  at: Date;
}

export interface RectificationFilters {
  evaluationId?: number | undefined;
  status?: string | undefined;
  source?: string | undefined;
  /** Only items past their due date and not signed off, as of this 'YYYY-MM-DD'. */
  overdueOn?: string | undefined;
}

export class RectificationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('rectifications as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .selectAll('r')
      .select([
        'u.id as unitId',
        'u.name as unitName',
        'd.id as departmentId',
        'd.name as departmentName',
        'd.bureau_id as bureauId',
        sql<number>`(select cast(count(*) as integer) from rectification_evidence x where x.rectification_id = r.id)`.as('evidenceCount'),
      ]);
  }

  insert(r: NewRectification) {
    return this.db
      .insertInto('rectifications')
      .values({
        unit_id: r.unitId,
        evaluation_id: r.evaluationId as number,
        monitoring_return_id: r.monitoringReturnId,
        source: r.source,
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

  update(
    id: number,
    expectedVersion: number,
    patch: Partial<{ status: RectificationState; note: string | null; report: string | null; reported_at: Date | null; review: string | null; closed_at: Date | null; closed_by: number | null }> & { updated_at: Date },
  ) {
    return this.db
      .updateTable('rectifications')
      .set({ ...patch, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  }

  list(v: Visibility, f: RectificationFilters): Promise<RectificationRecord[]> {
    let q = this.base();
    if (v.kind === 'bureau') q = q.where('d.bureau_id', '=', v.bureauId);
    else if (v.kind === 'department') q = q.where('d.id', '=', v.departmentId);
    else if (v.kind === 'unit') q = q.where('r.unit_id', '=', v.unitId);
    else if (v.kind === 'none') return Promise.resolve([]);
    if (f.evaluationId !== undefined) q = q.where('r.evaluation_id', '=', f.evaluationId);
    if (f.status) q = q.where('r.status', '=', f.status as RectificationState);
    if (f.source) q = q.where('r.source', '=', f.source as RectificationSource);
    if (f.overdueOn) q = q.where('r.due_date', '<', f.overdueOn).where('r.status', '!=', 'closed');
    return q.orderBy('r.id').execute() as Promise<RectificationRecord[]>;
  }

  insertEvidence(e: { rectificationId: number; fileName: string; contentType: string; size: number; sha256: string; content: Uint8Array; uploadedBy: number; at: Date }) {
    return this.db
      .insertInto('rectification_evidence')
      .values({
        rectification_id: e.rectificationId,
        file_name: e.fileName,
        content_type: e.contentType,
        size: e.size,
        sha256: e.sha256,
        content: e.content,
        uploaded_by: e.uploadedBy,
        uploaded_at: e.at,
      })
      .returning(['id', 'rectification_id', 'file_name', 'content_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at'])
      .executeTakeFirstOrThrow();
  }

  /** Evidence of an item without its bytes, oldest first. */
  listEvidence(rectificationId: number) {
    return this.db
      .selectFrom('rectification_evidence as x')
      .leftJoin('users as u', 'u.id', 'x.uploaded_by')
      .select(['x.id', 'x.rectification_id', 'x.file_name', 'x.content_type', 'x.size', 'x.sha256', 'x.uploaded_at', 'u.display_name as uploadedBy'])
      .where('x.rectification_id', '=', rectificationId)
      .orderBy('x.id')
      .execute();
  }

  findEvidence(rectificationId: number, id: number) {
    return this.db.selectFrom('rectification_evidence').selectAll().where('rectification_id', '=', rectificationId).where('id', '=', id).executeTakeFirst();
  }
}
