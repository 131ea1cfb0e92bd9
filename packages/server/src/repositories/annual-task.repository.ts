import type { Kysely } from 'kysely';
import type { EvaluationKind } from '@jixiao/core';
import type { AnnualTaskRow, DB, MonitoringPeriod, TaskState } from '../db/schema.js';

export interface NewTask {
  bureauId: number;
  fiscalYear: number;
  kinds: EvaluationKind[];
  unitIds: number[] | null;
  opensOn: string;
  dueOn: string;
  profile: string;
  template: string;
  monitoringPeriods: MonitoringPeriod[];
  notice: string | null;
}

type TaskPatch = Partial<{
  kinds: string;
  unit_ids: string | null;
  opens_on: string;
  due_on: string;
  profile: string;
  template: string;
  monitoring_periods: string;
  notice: string | null;
  status: TaskState;
  updated_at: Date;
}>;

/** Annual tasks (年度任务), their per-unit unlocks and reminders (催报). */
export class AnnualTaskRepository {
  constructor(private readonly db: Kysely<DB>) {}

  insert(t: NewTask, by: number, at: Date): Promise<AnnualTaskRow> {
    return this.db
      .insertInto('annual_tasks')
      .values({
        bureau_id: t.bureauId,
        fiscal_year: t.fiscalYear,
        kinds: JSON.stringify(t.kinds),
        unit_ids: t.unitIds === null ? null : JSON.stringify(t.unitIds),
        opens_on: t.opensOn,
        due_on: t.dueOn,
        profile: t.profile,
        template: t.template,
        monitoring_periods: JSON.stringify(t.monitoringPeriods),
        notice: t.notice,
        status: 'open',
        version: 1,
        created_by: by,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findById(id: number) {
    return this.db.selectFrom('annual_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findForUpdate(id: number) {
    return this.db.selectFrom('annual_tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  findForBureauYear(bureauId: number, fiscalYear: number) {
    return this.db.selectFrom('annual_tasks').selectAll().where('bureau_id', '=', bureauId).where('fiscal_year', '=', fiscalYear).executeTakeFirst();
  }

  /** The bureau's open task of the latest year, if any. */
  findOpen(bureauId: number) {
    return this.db.selectFrom('annual_tasks').selectAll().where('bureau_id', '=', bureauId).where('status', '=', 'open').orderBy('fiscal_year', 'desc').limit(1).executeTakeFirst();
  }

  /** Tasks of one bureau, or of all bureaus (`bureauId` null: administrators). */
  list(bureauId: number | null, year?: number) {
    let q = this.db.selectFrom('annual_tasks').selectAll();
    if (bureauId !== null) q = q.where('bureau_id', '=', bureauId);
    if (year !== undefined) q = q.where('fiscal_year', '=', year);
    return q.orderBy('fiscal_year', 'desc').orderBy('id').execute();
  }

  updateIfVersion(id: number, expectedVersion: number, patch: TaskPatch) {
    return this.db.updateTable('annual_tasks').set({ ...patch, version: expectedVersion + 1 }).where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst();
  }

  insertUnlock(u: { taskId: number; unitId: number; reason: string; untilOn: string | null; by: number; at: Date }) {
    return this.db
      .insertInto('task_unlocks')
      .values({ task_id: u.taskId, unit_id: u.unitId, reason: u.reason, until_on: u.untilOn, unlocked_by: u.by, unlocked_at: u.at })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  listUnlocks(taskId: number, unitId?: number) {
    let q = this.db.selectFrom('task_unlocks').selectAll().where('task_id', '=', taskId);
    if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
    return q.orderBy('id').execute();
  }

  insertReminder(r: { taskId: number; unitId: number; message: string; by: number; at: Date }) {
    return this.db.insertInto('task_reminders').values({ task_id: r.taskId, unit_id: r.unitId, message: r.message, sent_by: r.by, sent_at: r.at }).returningAll().executeTakeFirstOrThrow();
  }

  listReminders(taskId: number, unitId?: number) {
    let q = this.db
      .selectFrom('task_reminders as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .leftJoin('users as s', 's.id', 'r.sent_by')
      .select(['r.id', 'r.unit_id', 'u.name as unitName', 'r.message', 'r.sent_at', 's.display_name as sentBy'])
      .where('r.task_id', '=', taskId);
    if (unitId !== undefined) q = q.where('r.unit_id', '=', unitId);
    return q.orderBy('r.id', 'desc').execute();
  }

  /** Units of a bureau with their departments (the population a task may cover). */
  unitsOfBureau(bureauId: number) {
    return this.db
      .selectFrom('units as u')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .select(['u.id as unitId', 'u.name as unitName', 'd.id as departmentId', 'd.name as departmentName'])
      .where('d.bureau_id', '=', bureauId)
      .orderBy('d.id')
      .orderBy('u.id')
      .execute();
  }

  /** Active projects of a bureau's units for a year (expected project and transfer evaluations). */
  projectsOfBureau(bureauId: number, fiscalYear: number) {
    return this.db
      .selectFrom('projects as p')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .select(['p.id', 'p.unit_id', 'p.code', 'p.name', 'p.kind'])
      .where('d.bureau_id', '=', bureauId)
      .where('p.fiscal_year', '=', fiscalYear)
      .where('p.status', '=', 'active')
      .orderBy('p.id')
      .execute();
  }

  /** Evaluations (light) of a bureau's units for a year. */
  evaluationsOfBureau(bureauId: number, fiscalYear: number) {
    return this.db
      .selectFrom('evaluations as e')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .select(['e.id', 'e.unit_id', 'e.kind', 'e.title', 'e.status', 'e.project_id', 'e.submitted_at'])
      .where('d.bureau_id', '=', bureauId)
      .where('e.fiscal_year', '=', fiscalYear)
      .orderBy('e.id')
      .execute();
  }

  /** The bureau a unit belongs to. */
  async bureauOfUnit(unitId: number): Promise<number | null> {
    const r = await this.db.selectFrom('units as u').innerJoin('departments as d', 'd.id', 'u.department_id').select('d.bureau_id').where('u.id', '=', unitId).executeTakeFirst();
    return r?.bureau_id ?? null;
  }

  /** Whether every id names a unit of the bureau. */
  async unitsBelong(bureauId: number, unitIds: number[]): Promise<number[]> {
    if (unitIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('units as u')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .select('u.id')
      .where('d.bureau_id', '=', bureauId)
      .where('u.id', 'in', unitIds)
      .execute();
    const known = new Set(rows.map((r) => r.id));
    return unitIds.filter((id) => !known.has(id));
  }
}

