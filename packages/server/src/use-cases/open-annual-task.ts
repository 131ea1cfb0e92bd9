/** 财政局 opens the annual task of a year: scope, dates, profile, template, monitoring periods, notice. */
import { JxError } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { forbidden, invalidState } from '../errors.js';
import { loadReportTools } from '../http/load-optional.js';
import { parseTaskInput } from '../plan/parse-task-input.js';
import { taskJson } from '../plan/task-access.js';
import { repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';

/** Unit ids that are not units of the bureau, as a TASK_INVALID naming the field. */
export async function assertUnitsOfBureau(ctx: AppContext, bureauId: number, unitIds: number[] | null): Promise<void> {
  if (unitIds === null) return;
  const unknown = await repositories(ctx.db).tasks.unitsBelong(bureauId, unitIds);
  if (unknown.length) throw new JxError('TASK_INVALID', `单位 ${unknown.join('、')} 不属于本财政局`, [{ field: 'unitIds', label: '纳入范围的单位', message: `单位 ${unknown.join('、')} 不属于本财政局` }]);
}

export async function openAnnualTask(ctx: AppContext, actor: Actor, body: Record<string, unknown>) {
  if (actor.role !== 'finance_reviewer' || actor.bureauId === null) throw forbidden('年度任务由财政局绩效科发布');
  const bureauId = actor.bureauId;
  const input = parseTaskInput(body, (await loadReportTools()).listTemplateIds());
  await assertUnitsOfBureau(ctx, bureauId, input.unitIds);
  const at = ctx.now();
  return inTransaction(ctx, 'open-annual-task', async (r) => {
    if (await r.tasks.findForBureauYear(bureauId, input.fiscalYear)) throw invalidState(`${input.fiscalYear} 年度的年度任务已经发布，请直接修改`);
    const row = await r.tasks.insert({ ...input, bureauId }, actor.id, at);
    await r.auditLog.append({ entityType: 'annual_task', entityId: row.id, evaluationId: null, actor, action: AUDIT_EVENTS.TASK_OPENED, at, before: null, after: taskJson(row) });
    return row;
  });
}
