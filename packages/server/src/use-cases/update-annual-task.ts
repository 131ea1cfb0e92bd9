/** 财政局 changes its annual task (dates, scope, notice …); the year stays. Optimistic by version. */
import { JxError } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, badRequest, notFound } from '../errors.js';
import { loadReportTools } from '../http/load-optional.js';
import { parseTaskInput } from '../plan/parse-task-input.js';
import { assertTaskOwner, loadVisibleTask, taskJson } from '../plan/task-access.js';
import { repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';
import { assertUnitsOfBureau } from './open-annual-task.js';

export async function updateAnnualTask(ctx: AppContext, actor: Actor, id: number, body: Record<string, unknown>) {
  const task = await loadVisibleTask(repositories(ctx.db), actor, id);
  assertTaskOwner(actor, task.bureau_id);
  if (!Number.isInteger(body.version)) throw badRequest('缺少 version（当前版本号）');
  const version = body.version as number;
  const input = parseTaskInput({ ...body, fiscalYear: body.fiscalYear ?? task.fiscal_year }, (await loadReportTools()).listTemplateIds());
  if (input.fiscalYear !== task.fiscal_year) {
    throw new JxError('TASK_INVALID', '年度任务的预算年度不能修改', [{ field: 'fiscalYear', label: '预算年度', message: `本任务为 ${task.fiscal_year} 年度，不能改为 ${input.fiscalYear} 年度` }]);
  }
  await assertUnitsOfBureau(ctx, task.bureau_id, input.unitIds);
  const at = ctx.now();
  return inTransaction(ctx, 'update-annual-task', async (r) => {
    const locked = await r.tasks.findForUpdate(id);
    if (!locked) throw notFound();
    if (locked.version !== version) throw new VersionConflictError(locked.version);
    const row = await r.tasks.updateIfVersion(id, version, {
      kinds: JSON.stringify(input.kinds),
      unit_ids: input.unitIds === null ? null : JSON.stringify(input.unitIds),
      opens_on: input.opensOn,
      due_on: input.dueOn,
      profile: input.profile,
      template: input.template,
      monitoring_periods: JSON.stringify(input.monitoringPeriods),
      notice: input.notice,
      updated_at: at,
    });
    if (!row) throw new VersionConflictError(locked.version);
    await r.auditLog.append({ entityType: 'annual_task', entityId: id, evaluationId: null, actor, action: AUDIT_EVENTS.TASK_UPDATED, at, before: taskJson(locked), after: taskJson(row) });
    return row;
  });
}
