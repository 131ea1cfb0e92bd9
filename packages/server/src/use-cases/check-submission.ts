/**
 * Checks before submission (提交前检查): the findings that the evaluation's rule profile says
 * must be dealt with before the unit may submit (`submission.blocking`: weight totals, missing
 * deviation reasons, template text left in …), minus the rules the finance bureau waived for this
 * evaluation with a recorded reason. Submitting with a blocking finding is refused with the list.
 */
import { JxError, type AuditResult, type Evaluation, type Finding } from '@jixiao/core';
import { computeEvaluation, type Computed } from '../core-bridge.js';
import type { AppContext } from '../context.js';
import { repositories } from '../repositories/index.js';
import { loadEvaluationPlan } from '../plan/evaluation-plan.js';
import type { EvaluationRecord } from '../repositories/evaluation.repository.js';
import { auditChildrenOf } from './get-department-projects.js';

/** The finance bureau's override for one evaluation: the rules it waived, why, who, when. */
export interface SubmissionOverride {
  reason: string;
  rules: string[];
  by: string;
  role: string;
  at: string;
}

export interface SubmissionCheck {
  /** Findings that still block 提交. */
  blocking: Finding[];
  /** Blocking findings the finance bureau's override waives. */
  waived: Finding[];
  override: SubmissionOverride | null;
  canSubmit: boolean;
  /** Chinese note when the checks could not run (the evaluation cannot be audited). */
  problem: string | null;
}

export function submissionOverrideOf(x: unknown): SubmissionOverride | null {
  const o = (typeof x === 'string' ? JSON.parse(x) : x) as Partial<SubmissionOverride> | null;
  if (!o || typeof o.reason !== 'string' || !Array.isArray(o.rules)) return null;
  return { reason: o.reason, rules: o.rules.map(String), by: String(o.by ?? ''), role: String(o.role ?? ''), at: String(o.at ?? '') };
}

/** The check of an audit under an override (null: none). An evaluation that cannot be audited cannot be submitted. */
export function submissionCheckOf(audit: AuditResult | null, override: SubmissionOverride | null, problems: readonly string[] = []): SubmissionCheck {
  if (!audit) {
    const problem = problems.join('；') || '无法审核此报告';
    return { blocking: [], waived: [], override, canSubmit: false, problem };
  }
  const waivedRules = new Set(override?.rules ?? []);
  const blocking = audit.blocking.filter((f) => !waivedRules.has(f.rule));
  const waived = audit.blocking.filter((f) => waivedRules.has(f.rule));
  return { blocking, waived, override, canSubmit: blocking.length === 0, problem: null };
}

/**
 * Score and audit the stored evaluation as its detail view does: a department against its
 * projects (`hasProjects` false: it has none, not read), one generated from approved targets
 * against them, so a profile that makes a plan rule blocking is obeyed at submission too.
 */
export async function computeStored(ctx: AppContext, rec: EvaluationRecord, hasProjects = true): Promise<Computed> {
  const r = repositories(ctx.db);
  const children = await auditChildrenOf(r, rec, hasProjects);
  return computeEvaluation(rec.data as Evaluation, children, await loadEvaluationPlan(r, rec));
}

/** 422 SUBMISSION_BLOCKED with one issue per blocking finding (its model path, label and message). */
export function submissionBlockedError(check: SubmissionCheck): JxError {
  if (check.problem !== null) return new JxError('SUBMISSION_BLOCKED', `${check.problem}；请先修正后再提交`);
  const names = [...new Set(check.blocking.map((f) => f.location.label ?? f.rule))].slice(0, 5).join('、');
  return new JxError(
    'SUBMISSION_BLOCKED',
    `共 ${check.blocking.length} 个问题（${names}${check.blocking.length > 5 ? ' 等' : ''}），请修改后再提交；确有特殊情况的，可由财政局记录理由后放行`,
    check.blocking.map((f) => ({ field: f.location.path ?? undefined, label: f.location.label ?? undefined, message: f.message })),
  );
}

/** Refuses (422 SUBMISSION_BLOCKED) to submit an evaluation with a blocking finding not waived by finance. */
export async function assertSubmittable(ctx: AppContext, rec: EvaluationRecord, hasProjects = true): Promise<void> {
  const computed = await computeStored(ctx, rec, hasProjects);
  const check = submissionCheckOf(computed.audit, submissionOverrideOf(rec.submission_override), computed.problems);
  if (!check.canSubmit) throw submissionBlockedError(check);
}
