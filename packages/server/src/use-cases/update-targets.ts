/** The unit edits its target tree while it is a draft or returned. Optimistic by version; every save in the audit log. */
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, badRequest, forbidden, invalidState, notFound } from '../errors.js';
import { repositories } from '../repositories/index.js';
import { canSee, isOwnUnitMember, type Actor } from '../workflow/access.js';
import { TARGET_EDITABLE, TARGET_STATE_LABELS } from '../workflow/plan-machines.js';
import type { TargetState } from '../db/schema.js';
import { parseTree } from './file-targets.js';

export async function loadVisibleTarget(ctx: AppContext, actor: Actor, id: number) {
  const t = await repositories(ctx.db).targets.findById(id);
  if (!t || !canSee(actor, t)) throw notFound(`绩效目标 ${id}`);
  return t;
}

export async function updateTargets(ctx: AppContext, actor: Actor, id: number, b: Record<string, unknown>) {
  const t = await loadVisibleTarget(ctx, actor, id);
  if (!Number.isInteger(b.version)) throw badRequest('缺少 version（当前版本号）');
  const version = b.version as number;
  const guard = (row: { status: TargetState; version: number }) => {
    if (!isOwnUnitMember(actor, t)) throw forbidden('只有本单位的填报人或单位负责人可以修改本单位的绩效目标');
    if (!TARGET_EDITABLE.includes(row.status)) {
      throw invalidState(row.status === 'approved' ? '绩效目标已批复并锁定，不能直接修改；如需改变，请申请目标调整' : `绩效目标处于“${TARGET_STATE_LABELS[row.status]}”状态，不能修改`);
    }
    if (row.version !== version) throw new VersionConflictError(row.version);
  };
  guard(t);
  const tree = b.tree === undefined ? t.tree : parseTree(b.tree);
  const name = typeof b.name === 'string' && b.name.trim() ? b.name.trim() : t.name;
  const at = ctx.now();
  return inTransaction(ctx, 'update-targets', async (r) => {
    const locked = await r.targets.findForUpdate(id);
    if (!locked) throw notFound();
    guard(locked);
    const row = await r.targets.updateIfVersion(id, version, { name, tree: JSON.stringify(tree), updated_at: at });
    if (!row) throw new VersionConflictError(locked.version);
    await r.auditLog.append({ entityType: 'target', entityId: id, evaluationId: null, actor, action: AUDIT_EVENTS.TARGET_UPDATED, at, before: { version: locked.version, name: locked.name, tree: locked.tree }, after: { version: row.version, name, tree } });
    return row;
  });
}
