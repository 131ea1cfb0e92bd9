/** Close (结束) or reopen an annual task, through TASK_MACHINE. */
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, badRequest, notFound } from '../errors.js';
import { checkPlanTransition } from '../plan/check-plan-transition.js';
import { bureauScope, loadVisibleTask } from '../plan/task-access.js';
import { repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';
import { TASK_ACTIONS, TASK_MACHINE, TASK_STATE_LABELS, type TaskAction } from '../workflow/plan-machines.js';

export async function applyTaskAction(ctx: AppContext, actor: Actor, id: number, actionName: string, body: Record<string, unknown>) {
  if (!(TASK_ACTIONS as readonly string[]).includes(actionName)) throw notFound(`操作 ${actionName}`);
  const action = actionName as TaskAction;
  if (!Number.isInteger(body.version)) throw badRequest('缺少 version（当前版本号）');
  const version = body.version as number;
  const task = await loadVisibleTask(repositories(ctx.db), actor, id);
  const scope = bureauScope(task.bureau_id);
  checkPlanTransition(TASK_MACHINE, TASK_STATE_LABELS, '年度任务', actor, scope, task.status, action, { sent: version, current: task.version });
  const at = ctx.now();
  return inTransaction(ctx, `task-${action}`, async (r) => {
    const locked = await r.tasks.findForUpdate(id);
    if (!locked) throw notFound();
    const rule = checkPlanTransition(TASK_MACHINE, TASK_STATE_LABELS, '年度任务', actor, scope, locked.status, action, { sent: version, current: locked.version });
    const row = await r.tasks.updateIfVersion(id, version, { status: rule.to, updated_at: at });
    if (!row) throw new VersionConflictError(locked.version);
    await r.auditLog.append({
      entityType: 'annual_task',
      entityId: id,
      evaluationId: null,
      actor,
      action: action === 'close' ? AUDIT_EVENTS.TASK_CLOSED : AUDIT_EVENTS.TASK_REOPENED,
      at,
      before: { status: locked.status, version: locked.version },
      after: { status: row.status, version: row.version },
    });
    return row;
  });
}
