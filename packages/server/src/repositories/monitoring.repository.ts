import type { Kysely } from 'kysely';
import type { DB, MonitoringReturnRow, MonitoringState } from '../db/schema.js';
import type { UnitScope, Visibility } from '../workflow/access.js';

export type MonitoringRecord = MonitoringReturnRow & UnitScope & { targetName: string };

type MonitoringPatch = Partial<{ data: string; red_count: number; status: MonitoringState; review: string | null; updated_at: Date; submitted_at: Date; reviewed_at: Date }>;

/** 运行监控 returns. */
export class MonitoringRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('monitoring_returns as m')
      .innerJoin('targets as t', 't.id', 'm.target_id')
      .innerJoin('units as u', 'u.id', 'm.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .selectAll('m')
      .select(['t.name as targetName', 'u.id as unitId', 'u.name as unitName', 'd.id as departmentId', 'd.name as departmentName', 'd.bureau_id as bureauId']);
  }

  insert(m: { targetId: number; unitId: number; fiscalYear: number; periodEndMonth: number; targetVersion: number; data: unknown; redCount: number; by: number; at: Date }) {
    return this.db
      .insertInto('monitoring_returns')
      .values({
        target_id: m.targetId,
        unit_id: m.unitId,
        fiscal_year: m.fiscalYear,
        period_end_month: m.periodEndMonth,
        target_version: m.targetVersion,
        status: 'draft',
        data: JSON.stringify(m.data),
        red_count: m.redCount,
        version: 1,
        created_by: m.by,
        created_at: m.at,
        updated_at: m.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findById(id: number): Promise<MonitoringRecord | undefined> {
    return this.base().where('m.id', '=', id).executeTakeFirst() as Promise<MonitoringRecord | undefined>;
  }

  findForUpdate(id: number) {
    return this.db.selectFrom('monitoring_returns').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  findByTargetPeriod(targetId: number, periodEndMonth: number) {
    return this.db.selectFrom('monitoring_returns').selectAll().where('target_id', '=', targetId).where('period_end_month', '=', periodEndMonth).executeTakeFirst();
  }

  /** The latest reviewed (else submitted) return of a target: what the year-end audit compares with. */
  latestFor(targetId: number) {
    return this.db
      .selectFrom('monitoring_returns')
      .selectAll()
      .where('target_id', '=', targetId)
      .where('status', 'in', ['submitted', 'reviewed'])
      .orderBy('period_end_month', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  list(v: Visibility, f: { year?: number | undefined; targetId?: number | undefined; unitId?: number | undefined; status?: string | undefined }): Promise<MonitoringRecord[]> {
    let q = this.base();
    if (v.kind === 'bureau') q = q.where('d.bureau_id', '=', v.bureauId);
    else if (v.kind === 'department') q = q.where('d.id', '=', v.departmentId);
    else if (v.kind === 'unit') q = q.where('m.unit_id', '=', v.unitId);
    else if (v.kind === 'none') return Promise.resolve([]);
    if (f.year !== undefined) q = q.where('m.fiscal_year', '=', f.year);
    if (f.targetId !== undefined) q = q.where('m.target_id', '=', f.targetId);
    if (f.unitId !== undefined) q = q.where('m.unit_id', '=', f.unitId);
    if (f.status) q = q.where('m.status', '=', f.status as MonitoringState);
    return q.orderBy('m.fiscal_year', 'desc').orderBy('m.id').execute() as Promise<MonitoringRecord[]>;
  }

  updateIfVersion(id: number, expectedVersion: number, patch: MonitoringPatch) {
    return this.db.updateTable('monitoring_returns').set({ ...patch, version: expectedVersion + 1 }).where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst();
  }
}
