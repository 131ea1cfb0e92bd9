import { JxError, parseEvaluation, type Evaluation, type EvaluationKind } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { computeEvaluation, figuresOf, titleOf } from '../core-bridge.js';
import { inTransaction, type AppContext } from '../context.js';
import { badRequest, forbidden } from '../errors.js';
import { repositories } from '../repositories/index.js';
import type { EvaluationRow } from '../db/schema.js';
import { isOwnUnitMember, type Actor } from '../workflow/access.js';

export interface CreateEvaluationInput {
  unitId: number;
  fiscalYear: number;
  kind: EvaluationKind;
  profile?: string | undefined;
  evaluation?: unknown;
  /** Initial state; only the demo loader sets anything but draft. */
}

/** A new draft for the actor's own unit; the model is validated by core. */
export async function createEvaluation(ctx: AppContext, actor: Actor, input: CreateEvaluationInput): Promise<EvaluationRow> {
  if (!isOwnUnitMember(actor, { unitId: input.unitId })) {
    throw forbidden('只有本单位的填报人或单位负责人可以为本单位新建评价报告');
  }
  const scope = await repositories(ctx.db).org.getUnitScope(input.unitId);
  if (!scope) throw badRequest(`单位 ${input.unitId} 不存在`);
  const evaluation = buildEvaluation(input, scope.unitName);
  return insertEvaluation(ctx, actor, evaluation, input.unitId, scope.unitName, 'draft');
}

export function buildEvaluation(input: CreateEvaluationInput, unitName: string): Evaluation {
  const raw = (input.evaluation ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest('evaluation 应为对象');
  const unit = (raw.unit as Record<string, unknown> | undefined) ?? {};
  const parsed = parseEvaluation({
    ...raw,
    kind: input.kind ?? raw.kind,
    fiscalYear: input.fiscalYear ?? raw.fiscalYear,
    profile: input.profile ?? raw.profile ?? 'national',
    unit: { ...unit, name: unit.name ?? unitName },
  });
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

/** Insert + audit entry in one transaction (also used by the demo loader). */
export async function insertEvaluation(
  ctx: AppContext,
  actor: Actor | null,
  evaluation: Evaluation,
  unitId: number,
  unitName: string,
  status: string,
): Promise<EvaluationRow> {
  const computed = computeEvaluation(evaluation);
  const f = figuresOf(evaluation, computed);
  const at = ctx.now();
  if (!Number.isInteger(evaluation.fiscalYear)) throw new JxError('SCHEMA_INVALID', 'fiscalYear');
  return inTransaction(ctx, 'create-evaluation', async (r) => {
    const row = await r.evaluations.insert({
      unit_id: unitId,
      fiscal_year: evaluation.fiscalYear,
      kind: evaluation.kind,
      title: titleOf(evaluation, unitName),
      profile: evaluation.profile,
      status,
      version: 1,
      data: JSON.stringify(evaluation),
      self_score: f.selfScore,
      computed_score: f.computedScore,
      grade: f.grade,
      execution_rate: f.executionRate,
      errors: f.errors,
      warnings: f.warnings,
      created_by: actor?.id ?? null,
      created_at: at,
      updated_at: at,
    });
    await r.auditLog.append({
      entityType: 'evaluation',
      entityId: row.id,
      evaluationId: row.id,
      actor,
      action: AUDIT_EVENTS.EVALUATION_CREATED,
      at,
      before: null,
      after: { status, version: 1, evaluation },
    });
    return row;
  });
}
