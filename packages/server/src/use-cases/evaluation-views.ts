/** JSON views of stored evaluations (list summaries, detail, public summary). */
import type { Evaluation } from '@jixiao/core';
import { computeEvaluation, toPlainJson } from '../core-bridge.js';
import { submissionCheckOf, submissionOverrideOf } from './check-submission.js';
import type { EvaluationRecord } from '../repositories/evaluation.repository.js';
import type { EvaluationPlan } from '../plan/evaluation-plan.js';
import { canSee, isFinanceOver, isOwnUnitMember, mayAct, type Actor } from '../workflow/access.js';
import { EDITABLE_STATES, REVIEWABLE_STATES, WORKFLOW_ACTIONS, isEvaluationState, transitionFor, type WorkflowAction } from '../workflow/state-machine.js';

type LightRow = Pick<
  EvaluationRecord,
  'id' | 'unit_id' | 'fiscal_year' | 'kind' | 'title' | 'status' | 'self_score' | 'computed_score' | 'review_score' | 'grade' | 'errors' | 'warnings' | 'sampled' | 'updated_at'
> & { ungradable_reason?: string | null; unitName?: string; unit_name?: string; departmentId?: number; department_id?: number; departmentName?: string; department_name?: string; version?: number; quality_score?: string | null; quality_computed?: string | null };

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toSummary(r: LightRow) {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unitName ?? r.unit_name ?? null,
    departmentId: r.departmentId ?? r.department_id ?? null,
    departmentName: r.departmentName ?? r.department_name ?? null,
    fiscalYear: r.fiscal_year,
    kind: r.kind,
    title: r.title,
    status: r.status,
    version: r.version ?? null,
    selfScore: r.self_score,
    computedScore: r.computed_score,
    reviewScore: r.review_score,
    grade: r.grade,
    /** 无法定级：… when the recomputed total cannot be graded (grade is then null). */
    ungradableReason: r.ungradable_reason ?? null,
    errors: r.errors,
    warnings: r.warnings,
    /** 自评质量 the finance bureau confirmed or adjusted (null until it has). */
    qualityScore: r.quality_score ?? null,
    /** 自评质量 as the profile's rubric computes it (exact decimal string; 未确认 while qualityScore is null). */
    qualityComputed: r.quality_computed ?? null,
    sampled: r.sampled,
    updatedAt: iso(r.updated_at),
  };
}

export function allowedActions(actor: Actor, rec: EvaluationRecord): WorkflowAction[] {
  if (!isEvaluationState(rec.status) || !canSee(actor, rec)) return [];
  const state = rec.status;
  return WORKFLOW_ACTIONS.filter((a) => {
    const rule = transitionFor(state, a);
    return rule.kind === 'allowed' && mayAct(actor, rule.roles, rec);
  });
}

/**
 * What a third-party reviewer (评价机构) must not see of an evaluation sampled to it: the finance
 * bureau's own judgement — its review (re-scores, opinions, publication and placeholder
 * overrides), its review total, the 自评质量 it set and its waiver of the submission checks. The
 * reviewer re-scores independently, from the unit's report, the computed score and the audit.
 */
function withoutFinanceJudgement<D extends { review: unknown; summary: { reviewScore: unknown; qualityScore: unknown; qualityComputed: unknown }; submission: unknown }>(d: D): D {
  const submission = d.submission as { override?: unknown } | null;
  return {
    ...d,
    review: null,
    summary: { ...d.summary, reviewScore: null, qualityScore: null, qualityComputed: null },
    submission: submission ? { ...submission, override: null } : submission,
  };
}

/** `department`: for a department evaluation, its projects' evaluations and their roll-up (see get-department-projects). */
export function toDetail(actor: Actor, rec: EvaluationRecord, department?: { children: readonly Evaluation[]; rollup: unknown; problems: string[] }, plan?: EvaluationPlan) {
  const evaluation = rec.data as Evaluation;
  const computed = computeEvaluation(evaluation, department?.children, plan ?? {});
  const state = isEvaluationState(rec.status) ? rec.status : null;
  const detail = {
    id: rec.id,
    status: rec.status,
    version: rec.version,
    unitId: rec.unit_id,
    unitName: rec.unitName,
    departmentId: rec.departmentId,
    departmentName: rec.departmentName,
    fiscalYear: rec.fiscal_year,
    kind: rec.kind,
    title: rec.title,
    evaluation,
    score: toPlainJson(computed.score),
    audit: toPlainJson(computed.audit),
    problems: [...(department?.problems ?? []), ...computed.problems],
    /** Checks before submission: what blocks 提交 now, what the finance bureau waived, and why. */
    submission: toPlainJson(submissionCheckOf(computed.audit, submissionOverrideOf(rec.submission_override), computed.problems)),
    projectId: rec.project_id ?? null,
    /** The approved targets it was generated from: their names, targets and weights are read-only. */
    targets: plan?.target ?? null,
    ...(department ? { projectRollup: department.rollup } : {}),
    summary: toSummary({ ...rec, version: rec.version }),
    review: rec.review,
    allowedActions: allowedActions(actor, rec),
    canEdit: state !== null && EDITABLE_STATES.includes(state) && isOwnUnitMember(actor, rec),
    canReview: state !== null && REVIEWABLE_STATES.includes(state) && isFinanceOver(actor, rec),
    createdAt: iso(rec.created_at),
    updatedAt: iso(rec.updated_at),
    submittedAt: iso(rec.submitted_at),
    publishedAt: iso(rec.published_at),
  };
  return actor.role === 'assessor' ? withoutFinanceJudgement(detail) : detail;
}

export function toPublicSummary(r: LightRow & { published_at: Date | null }) {
  return {
    id: r.id,
    unitName: r.unitName ?? r.unit_name ?? null,
    departmentName: r.departmentName ?? r.department_name ?? null,
    fiscalYear: r.fiscal_year,
    kind: r.kind,
    title: r.title,
    /** The project (or transfer payment) evaluated; null for a department's whole spending. */
    projectName: r.kind === 'department' ? null : r.title,
    score: r.review_score ?? r.computed_score ?? r.self_score,
    selfScore: r.self_score,
    computedScore: r.computed_score,
    reviewScore: r.review_score,
    grade: r.grade,
    ungradableReason: r.ungradable_reason ?? null,
    errors: r.errors,
    warnings: r.warnings,
    publishedAt: iso(r.published_at),
  };
}
