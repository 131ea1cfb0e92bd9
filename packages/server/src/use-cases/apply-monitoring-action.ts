/**
 * A monitoring return through MONITORING_MACHINE: the unit head submits (complete rows), finance
 * reviews or returns. A submit makes the return its target's last one (what a generated year-end
 * evaluation is audited against) and a return takes it back: the stored figures of the target's
 * evaluations are then refreshed (refresh-stored-figures.ts).
 */
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, badRequest, notFound } from '../errors.js';
import { checkPlanTransition, opinionFor } from '../plan/check-plan-transition.js';
import { assertPeriodOpen, checkedData, monitoringBasis } from '../plan/monitoring-rules.js';
import { repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';
import { MONITORING_ACTIONS, MONITORING_MACHINE, MONITORING_STATE_LABELS, type MonitoringAction } from '../workflow/plan-machines.js';
import { refreshStoredFigures } from './refresh-stored-figures.js';
import { loadVisibleReturn } from './save-monitoring-return.js';

const EVENT = { submit: AUDIT_EVENTS.MONITORING_SUBMITTED, approve: AUDIT_EVENTS.MONITORING_REVIEWED, return: AUDIT_EVENTS.MONITORING_RETURNED } as const;

export async function applyMonitoringAction(ctx: AppContext, actor: Actor, id: number, actionName: string, b: Record<string, unknown>) {
  if (!(MONITORING_ACTIONS as readonly string[]).includes(actionName)) throw notFound(`操作 ${actionName}`);
  const action = actionName as MonitoringAction;
  if (!Number.isInteger(b.version)) throw badRequest('缺少 version（当前版本号）');
  const version = b.version as number;
  const m = await loadVisibleReturn(ctx, actor, id);
  const first = checkPlanTransition(MONITORING_MACHINE, MONITORING_STATE_LABELS, '监控表', actor, m, m.status, action, { sent: version, current: m.version });
  const opinion = opinionFor(first, b.opinion);
  if (action === 'submit') {
    const t = await repositories(ctx.db).targets.findById(m.target_id);
    if (!t) throw notFound();
    const basis = await monitoringBasis(repositories(ctx.db), t);
    assertPeriodOpen(basis.task, m.period_end_month, ctx.now());
    checkedData(m.data, basis, true);
  }
  const at = ctx.now();
  const row = await inTransaction(ctx, `monitoring-${action}`, async (r) => {
    const locked = await r.monitoring.findForUpdate(id);
    if (!locked) throw notFound();
    const rule = checkPlanTransition(MONITORING_MACHINE, MONITORING_STATE_LABELS, '监控表', actor, m, locked.status, action, { sent: version, current: locked.version });
    const review = (locked.review ?? {}) as { opinions?: unknown[] };
    const opinions = opinion ? [...(review.opinions ?? []), { at: at.toISOString(), by: actor.displayName, role: actor.role, action, opinion }] : (review.opinions ?? []);
    const row = await r.monitoring.updateIfVersion(id, version, {
      status: rule.to,
      review: JSON.stringify({ ...review, opinions }),
      updated_at: at,
      ...(action === 'submit' ? { submitted_at: at } : {}),
      ...(rule.to === 'reviewed' ? { reviewed_at: at } : {}),
    });
    if (!row) throw new VersionConflictError(locked.version);
    await r.auditLog.append({ entityType: 'monitoring_return', entityId: id, evaluationId: null, actor, action: EVENT[action], at, before: { status: locked.status, version: locked.version }, after: { status: row.status, version: row.version, ...(opinion ? { opinion } : {}) } });
    return row;
  });
  // a review leaves the return's data, and so the audits that read it, as they were
  if (action !== 'approve') await refreshStoredFigures(ctx, await repositories(ctx.db).evaluations.idsGeneratedFrom(m.target_id));
  return row;
}
