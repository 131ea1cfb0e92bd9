/**
 * The lock after an annual task's due date: a unit in the task's scope may no longer create,
 * save or submit that year's self-evaluations, unless the finance bureau unlocked it (with a
 * recorded reason, optionally until a date). Units outside every task are never locked.
 */
import { JxError } from '@jixiao/core';
import type { AnnualTaskRow } from '../db/schema.js';
import type { Repositories } from '../repositories/index.js';
import { chinaDate } from './calendar.js';
import { inScope } from './task-access.js';

export interface LockState {
  locked: boolean;
  dueOn: string;
  /** The unlock in force: its reason and end date (null: no end). */
  unlock: { reason: string; untilOn: string | null } | null;
}

/** The task fields the lock depends on. */
export type LockingTask = Pick<AnnualTaskRow, 'id' | 'status' | 'due_on' | 'unit_ids'>;

export async function lockStateOf(r: Repositories, task: LockingTask, unitId: number, now: Date): Promise<LockState> {
  const today = chinaDate(now);
  if (!inScope(task, unitId) || task.status !== 'open' || today <= task.due_on) return { locked: false, dueOn: task.due_on, unlock: null };
  const unlocks = await r.tasks.listUnlocks(task.id, unitId);
  const active = [...unlocks].reverse().find((u) => u.until_on === null || u.until_on >= today);
  return { locked: !active, dueOn: task.due_on, unlock: active ? { reason: active.reason, untilOn: active.until_on } : null };
}

/**
 * Throws DEADLINE_PASSED when the unit is locked for this year's self-evaluations. `unitBureauId`:
 * the unit's bureau when the caller already read it (a stored evaluation's `bureauId`), saving a query.
 */
export async function assertNotLocked(r: Repositories, unitId: number, fiscalYear: number, now: Date, unitBureauId?: number | null): Promise<void> {
  const bureauId = unitBureauId !== undefined ? unitBureauId : await r.tasks.bureauOfUnit(unitId);
  if (bureauId === null) return;
  await assertTaskNotLocked(r, (await r.tasks.findForBureauYear(bureauId, fiscalYear)) ?? null, unitId, fiscalYear, now);
}

/** As assertNotLocked, with the bureau's task of that year already read (null: none). */
export async function assertTaskNotLocked(r: Repositories, task: LockingTask | null, unitId: number, fiscalYear: number, now: Date): Promise<void> {
  if (!task) return;
  const s = await lockStateOf(r, task, unitId, now);
  if (s.locked) throw new JxError('DEADLINE_PASSED', `${fiscalYear} 年度自评的报送截止日期为 ${s.dueOn}`);
}
