/** 催报: the finance bureau reminds units that have not yet submitted; units see it on their home page. */
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { badRequest } from '../errors.js';
import { assertTaskOwner, inScope, loadVisibleTask } from '../plan/task-access.js';
import { repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';

export async function remindTaskUnits(ctx: AppContext, actor: Actor, taskId: number, body: Record<string, unknown>) {
  const r0 = repositories(ctx.db);
  const task = await loadVisibleTask(r0, actor, taskId);
  assertTaskOwner(actor, task.bureau_id);
  const ids = body.unitIds;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((u) => !Number.isInteger(u))) throw badRequest('unitIds 应为非空的单位编号列表', [{ field: 'unitIds', label: '催报单位', message: '请选择要催报的单位' }]);
  const units = new Set((await r0.tasks.unitsOfBureau(task.bureau_id)).map((u) => u.unitId));
  const outside = (ids as number[]).filter((u) => !units.has(u) || !inScope(task, u));
  if (outside.length) throw badRequest(`单位 ${outside.join('、')} 不在本任务范围内`, [{ field: 'unitIds', label: '催报单位', message: `单位 ${outside.join('、')} 不在本任务范围内` }]);
  const text = typeof body.message === 'string' && body.message.trim() ? body.message.trim() : `请于 ${task.due_on} 前完成 ${task.fiscal_year} 年度绩效自评并提交。`;
  if (text.length > 500) throw badRequest('催报内容不超过 500 字', [{ field: 'message', label: '催报内容', message: '不超过 500 字' }]);
  const at = ctx.now();
  return inTransaction(ctx, 'remind-task-units', async (r) => {
    const rows = [];
    for (const unitId of new Set(ids as number[])) rows.push(await r.tasks.insertReminder({ taskId, unitId, message: text, by: actor.id, at }));
    await r.auditLog.append({ entityType: 'annual_task', entityId: taskId, evaluationId: null, actor, action: AUDIT_EVENTS.TASK_REMINDED, at, before: null, after: { unitIds: [...new Set(ids as number[])], message: text } });
    return rows;
  });
}
