/**
 * 绩效目标 workflow through TARGET_MACHINE: the unit head files (申报) or withdraws, the
 * department reviews, the finance bureau approves with the budget — which records version 1
 * (or the next number) in target_versions — or returns with an opinion.
 */
import { validateTargetTree } from '@jixiao/core';
import { AUDIT_EVENTS, type AuditEvent } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, badRequest, notFound } from '../errors.js';
import { checkPlanTransition, opinionFor } from '../plan/check-plan-transition.js';
import type { Actor } from '../workflow/access.js';
import { TARGET_ACTIONS, TARGET_MACHINE, TARGET_STATE_LABELS, type TargetAction } from '../workflow/plan-machines.js';
import type { TargetState } from '../db/schema.js';
import { loadVisibleTarget } from './update-targets.js';

const EVENT: Record<TargetAction, (to: TargetState) => AuditEvent> = {
  submit: () => AUDIT_EVENTS.TARGET_SUBMITTED,
  withdraw: () => AUDIT_EVENTS.TARGET_WITHDRAWN,
  approve: (to) => (to === 'approved' ? AUDIT_EVENTS.TARGET_APPROVED : AUDIT_EVENTS.TARGET_DEPARTMENT_APPROVED),
  return: () => AUDIT_EVENTS.TARGET_RETURNED,
};

export async function applyTargetAction(ctx: AppContext, actor: Actor, id: number, actionName: string, b: Record<string, unknown>) {
  if (!(TARGET_ACTIONS as readonly string[]).includes(actionName)) throw notFound(`操作 ${actionName}`);
  const action = actionName as TargetAction;
  if (!Number.isInteger(b.version)) throw badRequest('缺少 version（当前版本号）');
  const version = b.version as number;
  const t = await loadVisibleTarget(ctx, actor, id);
  const first = checkPlanTransition(TARGET_MACHINE, TARGET_STATE_LABELS, '绩效目标', actor, t, t.status, action, { sent: version, current: t.version });
  const opinion = opinionFor(first, b.opinion);
  if (action === 'submit') {
    const v = validateTargetTree(t.tree);
    if (!v.ok) throw v.error;
  }
  const at = ctx.now();
  return inTransaction(ctx, `target-${action}`, async (r) => {
    const locked = await r.targets.findForUpdate(id);
    if (!locked) throw notFound();
    const rule = checkPlanTransition(TARGET_MACHINE, TARGET_STATE_LABELS, '绩效目标', actor, t, locked.status, action, { sent: version, current: locked.version });
    const review = (locked.review ?? {}) as { opinions?: unknown[] };
    const opinions = opinion ? [...(review.opinions ?? []), { at: at.toISOString(), by: actor.displayName, role: actor.role, action, opinion }] : (review.opinions ?? []);
    const approvedNow = rule.to === 'approved';
    const versionNo = (locked.approved_version ?? 0) + 1;
    const row = await r.targets.updateIfVersion(id, version, {
      status: rule.to,
      review: JSON.stringify({ ...review, opinions }),
      updated_at: at,
      ...(approvedNow ? { approved_at: at, approved_by: actor.id, approved_version: versionNo } : {}),
    });
    if (!row) throw new VersionConflictError(locked.version);
    if (approvedNow) await r.targets.insertVersion({ targetId: id, versionNo, tree: locked.tree, kind: 'initial', reason: null, approvedBy: actor.id, at });
    await r.auditLog.append({
      entityType: 'target',
      entityId: id,
      evaluationId: null,
      actor,
      action: EVENT[action](rule.to),
      at,
      before: { status: locked.status, version: locked.version },
      after: { status: row.status, version: row.version, ...(opinion ? { opinion } : {}), ...(approvedNow ? { approvedVersion: versionNo } : {}) },
    });
    return row;
  });
}
