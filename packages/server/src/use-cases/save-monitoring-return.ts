/**
 * 运行监控 by the unit: a return per target and period (the task's periods, while open), one
 * row per approved indicator (value to date, full-year forecast, will the target be met, reason,
 * corrective action) and the budget execution to date. Drafts may be saved incomplete; the
 * shape and the reason/action of an indicator that will not be met are checked on every save.
 */
import { AUDIT_EVENTS, type AuditEvent } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, badRequest, forbidden, invalidState, notFound } from '../errors.js';
import { assertPeriodOpen, checkedData, monitoringBasis } from '../plan/monitoring-rules.js';
import { repositories } from '../repositories/index.js';
import { canSee, isOwnUnitMember, type Actor } from '../workflow/access.js';
import { MONITORING_EDITABLE, MONITORING_STATE_LABELS } from '../workflow/plan-machines.js';
import { loadVisibleTarget } from './update-targets.js';

export async function createMonitoringReturn(ctx: AppContext, actor: Actor, targetId: number, raw: unknown, event: AuditEvent = AUDIT_EVENTS.MONITORING_CREATED) {
  const t = await loadVisibleTarget(ctx, actor, targetId);
  if (!isOwnUnitMember(actor, t)) throw forbidden('只有本单位的填报人或单位负责人可以填报本单位的运行监控');
  const basis = await monitoringBasis(repositories(ctx.db), t);
  const period = (raw as { periodEndMonth?: unknown } | null)?.periodEndMonth;
  assertPeriodOpen(basis.task, period, ctx.now());
  const { data, redCount } = checkedData(raw, basis, false);
  const at = ctx.now();
  return inTransaction(ctx, 'create-monitoring-return', async (r) => {
    if (await r.monitoring.findByTargetPeriod(targetId, data.periodEndMonth)) throw invalidState(`1–${data.periodEndMonth}月 已有监控表，请在其上修改`);
    const row = await r.monitoring.insert({ targetId, unitId: t.unit_id, fiscalYear: t.fiscal_year, periodEndMonth: data.periodEndMonth, targetVersion: basis.versionNo, data, redCount, by: actor.id, at });
    await r.auditLog.append({ entityType: 'monitoring_return', entityId: row.id, evaluationId: null, actor, action: event, at, before: null, after: { targetId, periodEndMonth: data.periodEndMonth, redCount, data } });
    return row;
  });
}

export async function loadVisibleReturn(ctx: AppContext, actor: Actor, id: number) {
  const m = await repositories(ctx.db).monitoring.findById(id);
  if (!m || !canSee(actor, m)) throw notFound(`运行监控表 ${id}`);
  return m;
}

export async function updateMonitoringReturn(ctx: AppContext, actor: Actor, id: number, b: Record<string, unknown>, event: AuditEvent = AUDIT_EVENTS.MONITORING_UPDATED) {
  const m = await loadVisibleReturn(ctx, actor, id);
  if (!Number.isInteger(b.version)) throw badRequest('缺少 version（当前版本号）');
  const version = b.version as number;
  const guard = (row: { status: (typeof MONITORING_EDITABLE)[number] | 'submitted' | 'reviewed'; version: number }) => {
    if (!isOwnUnitMember(actor, m)) throw forbidden('只有本单位的填报人或单位负责人可以修改本单位的运行监控');
    if (!MONITORING_EDITABLE.includes(row.status as 'draft')) throw invalidState(`监控表处于“${MONITORING_STATE_LABELS[row.status]}”状态，不能修改`);
    if (row.version !== version) throw new VersionConflictError(row.version);
  };
  guard(m);
  const t = await loadVisibleTarget(ctx, actor, m.target_id);
  const basis = await monitoringBasis(repositories(ctx.db), t);
  assertPeriodOpen(basis.task, m.period_end_month, ctx.now());
  const { data, redCount } = checkedData({ ...(b.data as object), periodEndMonth: m.period_end_month }, basis, false);
  const at = ctx.now();
  return inTransaction(ctx, 'update-monitoring-return', async (r) => {
    const locked = await r.monitoring.findForUpdate(id);
    if (!locked) throw notFound();
    guard(locked);
    const row = await r.monitoring.updateIfVersion(id, version, { data: JSON.stringify(data), red_count: redCount, updated_at: at });
    if (!row) throw new VersionConflictError(locked.version);
    await r.auditLog.append({ entityType: 'monitoring_return', entityId: id, evaluationId: null, actor, action: event, at, before: { version: locked.version, data: locked.data }, after: { version: row.version, redCount, data } });
    return row;
  });
}
