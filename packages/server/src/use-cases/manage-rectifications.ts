import type { Evaluation } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { computeEvaluation } from '../core-bridge.js';
import { inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, badRequest, forbidden, notFound } from '../errors.js';
import type { RectificationRow } from '../db/schema.js';
import { repositories } from '../repositories/index.js';
import { canSee, isFinanceOver, isOwnUnitMember, type Actor } from '../workflow/access.js';
import { loadVisibleEvaluation } from './load-visible-evaluation.js';

const STATUSES = ['open', 'in_progress', 'done'] as const;

/** A rectification item (整改) tied to a finding of an evaluation, opened by the finance bureau. */
export async function createRectification(
  ctx: AppContext,
  actor: Actor,
  input: { evaluationId?: unknown; rule?: unknown; description?: unknown; dueDate?: unknown },
): Promise<RectificationRow> {
  if (!Number.isInteger(input.evaluationId)) throw badRequest('evaluationId 应为整数');
  const rec = await loadVisibleEvaluation(ctx, actor, input.evaluationId as number);
  if (!isFinanceOver(actor, rec)) throw forbidden('只有财政局绩效科可以下达整改事项');
  const description = typeof input.description === 'string' ? input.description.trim() : '';
  if (!description) throw badRequest('请填写整改事项说明（description）');
  const dueDate = typeof input.dueDate === 'string' && input.dueDate ? input.dueDate : null;
  if (dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) throw badRequest('dueDate 格式应为 YYYY-MM-DD');
  // Tied to findings: a rule id must name a finding of the report's current audit.
  const rule = typeof input.rule === 'string' && input.rule.trim() ? input.rule.trim() : null;
  let findings: unknown[] = [];
  if (rule) {
    const audit = computeEvaluation(rec.data as Evaluation).audit;
    if (audit) {
      findings = audit.findings.filter((f) => f.rule === rule);
      if (findings.length === 0) throw badRequest(`该报告当前的审核结果中没有规则“${rule}”的问题；不针对审核问题的整改事项请不填 rule`);
    }
  }
  const at = ctx.now();
  return inTransaction(ctx, 'create-rectification', async (r) => {
    const row = await r.rectifications.insert({
      evaluationId: rec.id,
      rule,
      findings: JSON.parse(JSON.stringify(findings)),
      description,
      dueDate,
      createdBy: actor.id,
      at,
    });
    await r.auditLog.append({
      entityType: 'rectification',
      entityId: row.id,
      evaluationId: rec.id,
      actor,
      action: AUDIT_EVENTS.RECTIFICATION_CREATED,
      at,
      before: null,
      after: row,
    });
    return row;
  });
}

/** The unit reports progress; the finance bureau may also close or reopen. */
export async function updateRectification(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { status?: unknown; note?: unknown; version?: unknown },
): Promise<RectificationRow> {
  const rec = await repositories(ctx.db).rectifications.findById(id);
  if (!rec || !canSee(actor, rec)) throw notFound(`整改事项 ${id}`);
  if (!isOwnUnitMember(actor, rec) && !isFinanceOver(actor, rec)) throw forbidden('只有被整改单位或财政局绩效科可以更新整改事项');
  const status = input.status ?? rec.status;
  if (!STATUSES.includes(status as (typeof STATUSES)[number])) throw badRequest('status 应为 open / in_progress / done');
  const version = input.version === undefined ? rec.version : input.version;
  if (!Number.isInteger(version)) throw badRequest('version 应为整数');
  const note = typeof input.note === 'string' ? input.note : rec.note;
  const at = ctx.now();
  return inTransaction(ctx, 'update-rectification', async (r) => {
    const locked = await r.rectifications.findForUpdate(id);
    if (!locked) throw notFound();
    if (locked.version !== version) throw new VersionConflictError(locked.version);
    const row = await r.rectifications.update(id, locked.version, { status: status as RectificationRow['status'], note, updated_at: at });
    if (!row) throw new VersionConflictError(locked.version);
    await r.auditLog.append({
      entityType: 'rectification',
      entityId: id,
      evaluationId: locked.evaluation_id,
      actor,
      action: AUDIT_EVENTS.RECTIFICATION_UPDATED,
      at,
      before: { status: locked.status, note: locked.note, version: locked.version },
      after: { status: row.status, note: row.note, version: row.version },
    });
    return row;
  });
}
