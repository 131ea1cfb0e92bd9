/**
 * 目标调整申请: the unit proposes a new tree for approved targets, with a reason. The change
 * list (leaf by leaf) is stored beside it; the department, then the finance bureau approve.
 */
import { diffTargetTrees, type TargetTree } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { badRequest, forbidden, invalidState, notFound } from '../errors.js';
import { isOwnUnitMember, type Actor } from '../workflow/access.js';
import { parseTree } from './file-targets.js';
import { loadVisibleTarget } from './update-targets.js';

export async function requestTargetAdjustment(ctx: AppContext, actor: Actor, id: number, b: Record<string, unknown>) {
  const t = await loadVisibleTarget(ctx, actor, id);
  if (!isOwnUnitMember(actor, t)) throw forbidden('只有本单位可以申请调整本单位的绩效目标');
  if (t.status !== 'approved') throw invalidState('绩效目标尚未批复，可直接修改，无需申请调整');
  const reason = typeof b.reason === 'string' ? b.reason.trim() : '';
  if (!reason) throw badRequest('请填写调整理由（reason）', [{ field: 'reason', label: '调整理由', message: '目标调整须说明理由' }]);
  const tree = parseTree(b.tree);
  const changes = diffTargetTrees(t.tree as TargetTree, tree);
  if (changes.length === 0) throw badRequest('调整后的目标与现行批复目标相同，没有需要调整的内容', [{ field: 'tree', label: '调整后的目标', message: '与现行批复目标相同' }]);
  const at = ctx.now();
  return inTransaction(ctx, 'request-target-adjustment', async (r) => {
    const locked = await r.targets.findForUpdate(id);
    if (!locked) throw notFound();
    const open = (await r.targets.listAdjustments(id)).find((a) => a.status === 'pending' || a.status === 'department_approved');
    if (open) throw invalidState('已有一份调整申请正在审核，请待其办结后再申请');
    const a = await r.targets.insertAdjustment({ targetId: id, reason, tree, changes, requestedBy: actor.id, at });
    await r.auditLog.append({ entityType: 'target', entityId: id, evaluationId: null, actor, action: AUDIT_EVENTS.TARGET_ADJUSTMENT_REQUESTED, at, before: null, after: { adjustmentId: a.id, reason, changes } });
    return a;
  });
}
