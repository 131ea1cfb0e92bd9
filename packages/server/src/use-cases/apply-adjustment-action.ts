/**
 * A target adjustment through ADJUSTMENT_MACHINE: the department approves or returns, then the
 * finance bureau. Finance approval makes the proposed tree the target's current one and keeps
 * it as the next version (kind adjustment, with its reason); earlier versions stay.
 */
import type { TargetTree } from '@jixiao/core';
import { AUDIT_EVENTS, type AuditEvent } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, notFound } from '../errors.js';
import { checkPlanTransition, opinionFor } from '../plan/check-plan-transition.js';
import type { Actor } from '../workflow/access.js';
import { ADJUSTMENT_ACTIONS, ADJUSTMENT_MACHINE, ADJUSTMENT_STATE_LABELS, type AdjustmentAction } from '../workflow/plan-machines.js';
import { loadVisibleTarget } from './update-targets.js';

export async function applyAdjustmentAction(ctx: AppContext, actor: Actor, targetId: number, adjustmentId: number, actionName: string, b: Record<string, unknown>) {
  if (!(ADJUSTMENT_ACTIONS as readonly string[]).includes(actionName)) throw notFound(`操作 ${actionName}`);
  const action = actionName as AdjustmentAction;
  const t = await loadVisibleTarget(ctx, actor, targetId);
  const at = ctx.now();
  return inTransaction(ctx, `adjustment-${action}`, async (r) => {
    const locked = await r.targets.findForUpdate(targetId);
    const adj = await r.targets.findAdjustmentForUpdate(targetId, adjustmentId);
    if (!locked || !adj) throw notFound(`调整申请 ${adjustmentId}`);
    const rule = checkPlanTransition(ADJUSTMENT_MACHINE, ADJUSTMENT_STATE_LABELS, '目标调整申请', actor, t, adj.status, action);
    const opinion = opinionFor(rule, b.opinion);
    const review = (adj.review ?? {}) as { opinions?: unknown[] };
    const opinions = opinion ? [...(review.opinions ?? []), { at: at.toISOString(), by: actor.displayName, role: actor.role, action, opinion }] : (review.opinions ?? []);
    const finance = rule.to === 'approved';
    const moved = await r.targets.updateAdjustment(adjustmentId, adj.status, {
      status: rule.to,
      review: JSON.stringify({ ...review, opinions }),
      ...(rule.to === 'department_approved' ? { department_approved_by: actor.id, department_approved_at: at } : {}),
      ...(finance ? { approved_by: actor.id, approved_at: at } : {}),
    });
    if (!moved) throw new VersionConflictError(locked.version, '该调整申请已被他人办理，请刷新');
    let versionNo: number | null = null;
    if (finance) {
      if (locked.status !== 'approved' || adj.tree === null) throw notFound('批复的绩效目标');
      versionNo = (locked.approved_version ?? 0) + 1;
      const row = await r.targets.updateIfVersion(targetId, locked.version, { tree: JSON.stringify(adj.tree), approved_version: versionNo, updated_at: at });
      if (!row) throw new VersionConflictError(locked.version);
      await r.targets.insertVersion({ targetId, versionNo, tree: adj.tree as TargetTree, kind: 'adjustment', reason: adj.reason, approvedBy: actor.id, at });
    }
    const event: AuditEvent = finance ? AUDIT_EVENTS.TARGET_ADJUSTMENT_APPROVED : rule.to === 'returned' ? AUDIT_EVENTS.TARGET_ADJUSTMENT_RETURNED : AUDIT_EVENTS.TARGET_ADJUSTMENT_DEPARTMENT_APPROVED;
    await r.auditLog.append({
      entityType: 'target',
      entityId: targetId,
      evaluationId: null,
      actor,
      action: event,
      at,
      before: { adjustmentId, status: adj.status, ...(finance ? { approvedVersion: locked.approved_version } : {}) },
      after: { adjustmentId, status: rule.to, ...(opinion ? { opinion } : {}), ...(versionNo !== null ? { approvedVersion: versionNo } : {}) },
    });
    return moved;
  });
}
