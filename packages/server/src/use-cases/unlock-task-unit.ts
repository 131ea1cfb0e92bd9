/** 财政局 lifts the after-deadline lock for one unit, with a recorded reason (and optionally an end date). */
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { badRequest } from '../errors.js';
import { chinaDate, isIsoDate } from '../plan/calendar.js';
import { assertTaskOwner, inScope, loadVisibleTask } from '../plan/task-access.js';
import { repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';

export async function unlockTaskUnit(ctx: AppContext, actor: Actor, taskId: number, body: Record<string, unknown>) {
  const task = await loadVisibleTask(repositories(ctx.db), actor, taskId);
  assertTaskOwner(actor, task.bureau_id);
  const unitId = body.unitId;
  if (!Number.isInteger(unitId) || !inScope(task, unitId as number) || (await repositories(ctx.db).tasks.bureauOfUnit(unitId as number)) !== task.bureau_id) {
    throw badRequest('unitId 应为本任务范围内的单位', [{ field: 'unitId', label: '单位', message: '不是本任务范围内的单位' }]);
  }
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (!reason) throw badRequest('请填写解锁理由（reason）', [{ field: 'reason', label: '解锁理由', message: '解锁须填写理由，理由将记入办理记录' }]);
  const untilOn = body.untilOn === undefined || body.untilOn === null || body.untilOn === '' ? null : body.untilOn;
  if (untilOn !== null && (!isIsoDate(untilOn) || untilOn < chinaDate(ctx.now()))) {
    throw badRequest('解锁截止日期应为今天或以后的 YYYY-MM-DD', [{ field: 'untilOn', label: '解锁至', message: '应为今天或以后的日期，格式 YYYY-MM-DD' }]);
  }
  const at = ctx.now();
  return inTransaction(ctx, 'unlock-task-unit', async (r) => {
    const row = await r.tasks.insertUnlock({ taskId, unitId: unitId as number, reason, untilOn: untilOn as string | null, by: actor.id, at });
    await r.auditLog.append({ entityType: 'annual_task', entityId: taskId, evaluationId: null, actor, action: AUDIT_EVENTS.TASK_UNIT_UNLOCKED, at, before: null, after: { unitId, reason, untilOn } });
    return row;
  });
}
