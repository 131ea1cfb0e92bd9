/**
 * Performance targets (绩效目标) filed with the budget: drafted by the unit, approved
 * with the budget by the finance bureau and then locked. A mid-year adjustment
 * (目标调整) is a recorded request that the finance bureau approves; the initial and
 * the adjusted values are both kept.
 */
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, badRequest, forbidden, invalidState, notFound } from '../errors.js';
import { repositories } from '../repositories/index.js';
import type { TargetRecord } from '../repositories/target.repository.js';
import { canSee, isFinanceOver, isOwnUnitMember, type Actor } from '../workflow/access.js';

export interface TargetIndicator {
  name: string;
  target: string;
  unitOfMeasure?: string | null;
  weight?: string | null;
  /** Set when an approved adjustment changed the target: the value filed with the budget. */
  initialTarget?: string | null;
}
export interface TargetContent {
  goal?: string | null;
  indicators: TargetIndicator[];
}

function parseContent(x: unknown): TargetContent {
  const o = x as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null) throw badRequest('content 应为对象：{ goal, indicators: [{ name, target }] }');
  const inds = o.indicators;
  if (!Array.isArray(inds)) throw badRequest('content.indicators 应为列表');
  const issues: { field: string; message: string }[] = [];
  const indicators = inds.map((i, n) => {
    const r = i as Record<string, unknown>;
    if (typeof r?.name !== 'string' || !r.name) issues.push({ field: `content.indicators.${n}.name`, message: '缺少指标名称' });
    if (typeof r?.target !== 'string' || !r.target) issues.push({ field: `content.indicators.${n}.target`, message: '缺少指标值' });
    return {
      name: String(r?.name ?? ''),
      target: String(r?.target ?? ''),
      unitOfMeasure: typeof r?.unitOfMeasure === 'string' ? r.unitOfMeasure : null,
      weight: r?.weight === undefined || r?.weight === null ? null : String(r.weight),
    };
  });
  if (issues.length) throw badRequest('绩效目标有误', issues);
  return { goal: typeof o.goal === 'string' ? o.goal : null, indicators };
}

async function loadVisibleTarget(ctx: AppContext, actor: Actor, id: number): Promise<TargetRecord> {
  const t = await repositories(ctx.db).targets.findById(id);
  if (!t || !canSee(actor, t)) throw notFound(`绩效目标 ${id}`);
  return t;
}

export async function createTarget(ctx: AppContext, actor: Actor, input: { unitId?: unknown; fiscalYear?: unknown; name?: unknown; content?: unknown }) {
  const unitId = input.unitId ?? actor.unitId;
  if (!Number.isInteger(unitId) || !isOwnUnitMember(actor, { unitId: unitId as number })) {
    throw forbidden('只有本单位的填报人或单位负责人可以申报本单位的绩效目标');
  }
  if (!Number.isInteger(input.fiscalYear)) throw badRequest('fiscalYear 应为年份');
  const name = typeof input.name === 'string' && input.name.trim() ? input.name.trim() : null;
  if (!name) throw badRequest('请填写目标名称（name）');
  const content = parseContent(input.content);
  const at = ctx.now();
  return inTransaction(ctx, 'create-target', async (r) => {
    const row = await r.targets.insert({ unitId: unitId as number, fiscalYear: input.fiscalYear as number, name, initial: content, createdBy: actor.id, at });
    await r.auditLog.append({ entityType: 'target', entityId: row.id, evaluationId: null, actor, action: AUDIT_EVENTS.TARGET_CREATED, at, before: null, after: row });
    return row;
  });
}

export async function updateTarget(ctx: AppContext, actor: Actor, id: number, input: { version?: unknown; name?: unknown; content?: unknown }) {
  const t = await loadVisibleTarget(ctx, actor, id);
  if (!Number.isInteger(input.version)) throw badRequest('缺少 version（当前版本号）');
  const version = input.version as number;
  const guard = (row: { status: string; version: number }) => {
    if (!isOwnUnitMember(actor, t)) throw forbidden('只有本单位的填报人或单位负责人可以修改本单位的绩效目标');
    if (row.status !== 'draft') throw invalidState('绩效目标已随预算批复并锁定，不能直接修改；如需调整，请提交目标调整申请');
    if (row.version !== version) throw new VersionConflictError(row.version);
  };
  guard(t);
  const content = input.content === undefined ? (t.initial as TargetContent) : parseContent(input.content);
  const name = typeof input.name === 'string' && input.name.trim() ? input.name.trim() : t.name;
  const at = ctx.now();
  return inTransaction(ctx, 'update-target', async (r) => {
    const locked = await r.targets.findForUpdate(id);
    if (!locked) throw notFound();
    guard(locked);
    const row = await r.targets.updateIfVersion(id, version, { name, initial: JSON.stringify(content), updated_at: at });
    if (!row) throw new VersionConflictError(locked.version);
    await r.auditLog.append({ entityType: 'target', entityId: id, evaluationId: null, actor, action: AUDIT_EVENTS.TARGET_UPDATED, at, before: locked, after: row });
    return row;
  });
}

export async function approveTarget(ctx: AppContext, actor: Actor, id: number, input: { version?: unknown }) {
  const t = await loadVisibleTarget(ctx, actor, id);
  if (!Number.isInteger(input.version)) throw badRequest('缺少 version（当前版本号）');
  const version = input.version as number;
  const guard = (row: { status: string; version: number }) => {
    if (!isFinanceOver(actor, t)) throw forbidden('绩效目标随预算由财政局批复');
    if (row.status !== 'draft') throw invalidState('绩效目标已经批复');
    if (row.version !== version) throw new VersionConflictError(row.version);
  };
  guard(t);
  const at = ctx.now();
  return inTransaction(ctx, 'approve-target', async (r) => {
    const locked = await r.targets.findForUpdate(id);
    if (!locked) throw notFound();
    guard(locked);
    const row = await r.targets.updateIfVersion(id, version, { status: 'approved', approved_at: at, approved_by: actor.id, updated_at: at });
    if (!row) throw new VersionConflictError(locked.version);
    await r.auditLog.append({
      entityType: 'target',
      entityId: id,
      evaluationId: null,
      actor,
      action: AUDIT_EVENTS.TARGET_APPROVED,
      at,
      before: { status: locked.status, version: locked.version },
      after: { status: row.status, version: row.version },
    });
    return row;
  });
}

export async function requestTargetAdjustment(ctx: AppContext, actor: Actor, id: number, input: { reason?: unknown; changes?: unknown }) {
  const t = await loadVisibleTarget(ctx, actor, id);
  if (!isOwnUnitMember(actor, t)) throw forbidden('只有本单位可以申请调整本单位的绩效目标');
  if (t.status !== 'approved') throw invalidState('绩效目标尚未批复，可直接修改，无需申请调整');
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (!reason) throw badRequest('请填写调整理由（reason）');
  if (!Array.isArray(input.changes) || input.changes.length === 0) throw badRequest('changes 应为非空列表：[{ name, target }]');
  const current = (t.adjusted ?? t.initial) as TargetContent;
  const names = new Set(current.indicators.map((i) => i.name));
  const changes = input.changes.map((c, n) => {
    const o = c as Record<string, unknown>;
    if (typeof o?.name !== 'string' || !names.has(o.name)) throw badRequest(`changes.${n}.name：没有这个指标`);
    if (typeof o.target !== 'string' || !o.target) throw badRequest(`changes.${n}.target：缺少调整后的指标值`);
    return { name: o.name, target: o.target };
  });
  const at = ctx.now();
  return inTransaction(ctx, 'request-target-adjustment', async (r) => {
    const a = await r.targets.insertAdjustment({ targetId: id, reason, changes, requestedBy: actor.id, at });
    await r.auditLog.append({ entityType: 'target', entityId: id, evaluationId: null, actor, action: AUDIT_EVENTS.TARGET_ADJUSTMENT_REQUESTED, at, before: null, after: a });
    return a;
  });
}

export async function approveTargetAdjustment(ctx: AppContext, actor: Actor, id: number, adjustmentId: number) {
  const t = await loadVisibleTarget(ctx, actor, id);
  if (!isFinanceOver(actor, t)) throw forbidden('目标调整须由财政局批准');
  const at = ctx.now();
  return inTransaction(ctx, 'approve-target-adjustment', async (r) => {
    const locked = await r.targets.findForUpdate(id);
    const adj = await r.targets.findAdjustmentForUpdate(id, adjustmentId);
    if (!locked || !adj) throw notFound(`调整申请 ${adjustmentId}`);
    if (adj.status !== 'pending') throw invalidState('该调整申请已经批准');
    const current = (locked.adjusted ?? locked.initial) as TargetContent;
    const changes = adj.changes as { name: string; target: string }[];
    const adjusted: TargetContent = {
      ...current,
      indicators: current.indicators.map((i) => {
        const c = changes.find((x) => x.name === i.name);
        return c ? { ...i, initialTarget: i.initialTarget ?? i.target, target: c.target } : i;
      }),
    };
    const row = await r.targets.updateIfVersion(id, locked.version, { adjusted: JSON.stringify(adjusted), updated_at: at });
    if (!row) throw new VersionConflictError(locked.version);
    const approved = await r.targets.approveAdjustment(adjustmentId, actor.id, at);
    if (!approved) throw invalidState('该调整申请已经批准');
    await r.auditLog.append({
      entityType: 'target',
      entityId: id,
      evaluationId: null,
      actor,
      action: AUDIT_EVENTS.TARGET_ADJUSTMENT_APPROVED,
      at,
      before: { adjusted: locked.adjusted, version: locked.version },
      after: { adjusted, version: row.version, adjustmentId },
    });
    return { target: row, adjustment: approved };
  });
}

export async function listTargets(ctx: AppContext, actor: Actor, f: { year?: number | undefined; unitId?: number | undefined }) {
  const { visibilityOf } = await import('../workflow/access.js');
  const r = repositories(ctx.db);
  const rows = await r.targets.list(visibilityOf(actor), f);
  return Promise.all(rows.map(async (t) => ({ ...toTargetJson(t), adjustments: await r.targets.listAdjustments(t.id) })));
}

export function toTargetJson(t: TargetRecord | (Omit<TargetRecord, 'unitName' | 'departmentId' | 'departmentName' | 'bureauId' | 'unitId'>)) {
  return {
    id: t.id,
    unitId: t.unit_id,
    unitName: 'unitName' in t ? t.unitName : undefined,
    fiscalYear: t.fiscal_year,
    name: t.name,
    status: t.status,
    version: t.version,
    initial: t.initial,
    adjusted: t.adjusted,
    current: t.adjusted ?? t.initial,
    approvedAt: t.approved_at,
    updatedAt: t.updated_at,
  };
}
