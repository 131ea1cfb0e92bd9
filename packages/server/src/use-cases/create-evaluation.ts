import { JxError, parseEvaluation, type Evaluation, type EvaluationKind } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { computeEvaluation, figuresOf, titleOf } from '../core-bridge.js';
import { inTransaction, type AppContext } from '../context.js';
import { badRequest, forbidden, invalidState } from '../errors.js';
import { repositories, type Repositories } from '../repositories/index.js';
import type { EvaluationRow } from '../db/schema.js';
import { isOwnUnitMember, type Actor } from '../workflow/access.js';
import { applyRecordIdentity, type IdentityCorrection } from './apply-record-identity.js';
import { assertNotLocked } from '../plan/deadline-lock.js';
import { loadChildEvaluations } from './get-department-projects.js';
import { refreshParentDepartments } from './refresh-department-figures.js';
import { qualityFigureOf } from './compute-quality-figure.js';

export interface CreateEvaluationInput {
  unitId: number;
  fiscalYear: number;
  kind: EvaluationKind;
  profile?: string | undefined;
  evaluation?: unknown;
  /** The project (of this unit and year) the new project/transfer evaluation evaluates. */
  projectId?: number | undefined;
}

/**
 * A new draft for the actor's own unit; the model is validated by core. `corrections`: what the
 * body stated about the unit, department, year or kind that the record replaced (also in the history).
 */
export async function createEvaluation(ctx: AppContext, actor: Actor, input: CreateEvaluationInput): Promise<{ row: EvaluationRow; corrections: IdentityCorrection[] }> {
  if (!isOwnUnitMember(actor, { unitId: input.unitId })) {
    throw forbidden('只有本单位的填报人或单位负责人可以为本单位新建评价报告');
  }
  const scope = await repositories(ctx.db).org.getUnitScope(input.unitId);
  if (!scope) throw badRequest(`单位 ${input.unitId} 不存在`);
  await assertNotLocked(repositories(ctx.db), input.unitId, input.fiscalYear, ctx.now());
  // The unit, its department, the year and the kind come from the record being created, not from the body.
  const raw = input.evaluation;
  const identity = raw && typeof raw === 'object' && !Array.isArray(raw)
    ? applyRecordIdentity(raw as Record<string, unknown>, { unitName: scope.unitName, departmentName: scope.departmentName, fiscalYear: input.fiscalYear, kind: input.kind })
    : { evaluation: raw, corrections: [] };
  const evaluation = buildEvaluation({ ...input, evaluation: identity.evaluation }, scope.unitName);
  const row = await insertNewEvaluation(ctx, actor, input, evaluation, scope.unitName, identity.corrections);
  await refreshParentDepartments(ctx, [{ unitId: row.unit_id, fiscalYear: row.fiscal_year, kind: row.kind }]);
  return { row, corrections: identity.corrections };
}

async function insertNewEvaluation(ctx: AppContext, actor: Actor, input: CreateEvaluationInput, evaluation: Evaluation, unitName: string, corrections: IdentityCorrection[]): Promise<EvaluationRow> {
  if (input.projectId === undefined) {
    return inTransaction(ctx, 'create-evaluation', (r) => insertEvaluationWith(r, ctx.now(), actor, evaluation, { unitId: input.unitId, unitName, status: 'draft', projectId: null, corrections }));
  }
  const projectId = input.projectId;
  return inTransaction(ctx, 'create-evaluation', async (r) => {
    const project = await r.projects.findById(projectId);
    if (!project || project.unit_id !== input.unitId) throw badRequest(`项目 ${projectId} 不是本单位的项目`);
    if (project.fiscal_year !== evaluation.fiscalYear || project.kind !== evaluation.kind) {
      throw badRequest(`项目 ${project.code} 是 ${project.fiscal_year} 年度的${project.kind === 'transfer' ? '转移支付' : '部门项目'}，与新建评价的年度或类型不符`);
    }
    if ((await r.projects.evaluationsOf([projectId])).has(projectId)) throw invalidState(`项目 ${project.code} 已有自评表`);
    return insertEvaluationWith(r, ctx.now(), actor, evaluation, { unitId: input.unitId, unitName, status: 'draft', projectId, corrections });
  });
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
  projectId: number | null = null,
): Promise<EvaluationRow> {
  if (!Number.isInteger(evaluation.fiscalYear)) throw new JxError('SCHEMA_INVALID', 'fiscalYear');
  return inTransaction(ctx, 'create-evaluation', (r) => insertEvaluationWith(r, ctx.now(), actor, evaluation, { unitId, unitName, status, projectId }));
}

/** Insert + audit entry with the repositories of an open transaction (batch imports). */
export async function insertEvaluationWith(
  r: Repositories,
  at: Date,
  actor: Actor | null,
  evaluation: Evaluation,
  o: { unitId: number; unitName: string; status: string; projectId: number | null; corrections?: IdentityCorrection[] },
): Promise<EvaluationRow> {
  // A new department evaluation is audited against the projects its unit already has (its stored counts include the roll-up findings).
  const children = evaluation.kind === 'department' ? (await loadChildEvaluations(r, o.unitId, evaluation.fiscalYear)).children : undefined;
  const computed = computeEvaluation(evaluation, children);
  const f = figuresOf(evaluation, computed);
  const row = await r.evaluations.insert({
    unit_id: o.unitId,
    fiscal_year: evaluation.fiscalYear,
    kind: evaluation.kind,
    title: titleOf(evaluation, o.unitName),
    profile: evaluation.profile,
    status: o.status,
    version: 1,
    data: JSON.stringify(evaluation),
    self_score: f.selfScore,
    computed_score: f.computedScore,
    // A new row has no re-score: the computed total is the quality's reference.
    quality_computed: qualityFigureOf(evaluation, computed, null),
    grade: f.grade,
    execution_rate: f.executionRate,
    ungradable_reason: f.ungradableReason,
    errors: f.errors,
    warnings: f.warnings,
    blocking: f.blocking,
    created_by: actor?.id ?? null,
    created_at: at,
    updated_at: at,
    project_id: o.projectId,
  });
  await r.auditLog.append({
    entityType: 'evaluation',
    entityId: row.id,
    evaluationId: row.id,
    actor,
    action: AUDIT_EVENTS.EVALUATION_CREATED,
    at,
    before: null,
    after: { status: o.status, version: 1, ...(o.projectId !== null ? { projectId: o.projectId } : {}), evaluation, ...(o.corrections?.length ? { corrections: o.corrections } : {}) },
  });
  return row;
}
