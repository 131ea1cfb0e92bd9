/**
 * Checks before publication (公开前检查), the same mechanism as the checks before submission
 * (check-submission.ts): a list of what blocks the step, a 422 naming each item, and the finance
 * bureau's override — a written reason recorded with what it waived, who and when (the same
 * record shape as a submission override), on the evaluation and in the audit log. Publication
 * is blocked by open audit errors, report placeholders (the documents package's gaps) and a
 * sample re-score still missing (an evaluation drawn for 抽评 and not yet re-scored).
 */
import { JxError, type Evaluation, type JxIssue } from '@jixiao/core';
import { computeEvaluation } from '../core-bridge.js';
import type { AppContext } from '../context.js';
import { badRequest } from '../errors.js';
import { reportPlaceholders } from '../plan/report-placeholders.js';
import { repositories, type Repositories } from '../repositories/index.js';
import type { EvaluationRecord } from '../repositories/evaluation.repository.js';
import type { Actor } from '../workflow/access.js';
import type { SubmissionOverride } from './check-submission.js';
import { auditChildrenOf } from './get-department-projects.js';

export type PublicationBlockerKind = 'audit_error' | 'placeholder' | 'unreviewed_sample';
export const PUBLICATION_BLOCKER_LABELS: Record<PublicationBlockerKind, string> = { audit_error: '审核错误', placeholder: '待填写内容', unreviewed_sample: '抽评未复评' };

export interface PublicationBlocker {
  kind: PublicationBlockerKind;
  /** The audit rule for audit errors; the kind otherwise (what an override waives). */
  rule: string;
  field: string | null;
  label: string;
  message: string;
}

/** What the finance bureau waived when it published anyway (the submission override's shape, with the blockers' lines). */
export type PublicationOverride = SubmissionOverride & { blockers: string[] };

export async function publicationBlockers(ctx: AppContext, r: Repositories, rec: EvaluationRecord): Promise<PublicationBlocker[]> {
  const children = await auditChildrenOf(r, rec);
  const computed = computeEvaluation(rec.data as Evaluation, children);
  const out: PublicationBlocker[] = [];
  if (!computed.audit) out.push({ kind: 'audit_error', rule: 'unauditable', field: null, label: '无法审核', message: computed.problems.join('；') || '无法审核此报告' });
  for (const f of computed.audit?.findings ?? []) {
    if (f.severity === 'error') out.push({ kind: 'audit_error', rule: f.rule, field: f.location.path, label: f.location.label ?? f.rule, message: f.message });
  }
  for (const p of await reportPlaceholders(r, rec)) out.push({ kind: 'placeholder', rule: 'placeholder', field: p.where, label: p.label, message: `${p.where}：${p.label} 尚待填写` });
  const item = await r.samples.activeItemOf(rec.id);
  if (item) {
    const done = item.assessor_id !== null ? item.status === 'rescored' : item.status === 'rescored' || rec.review_score !== null;
    if (!done) out.push({ kind: 'unreviewed_sample', rule: 'unreviewed_sample', field: null, label: '抽评', message: item.assessor_id !== null ? '已抽评给评价机构，尚未复评' : '已抽评，财政局尚未复评' });
  }
  return out;
}

export function publicationBlockedError(list: PublicationBlocker[]): JxError {
  const counts = (Object.keys(PUBLICATION_BLOCKER_LABELS) as PublicationBlockerKind[])
    .map((k) => [k, list.filter((b) => b.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${PUBLICATION_BLOCKER_LABELS[k]} ${n} 项`)
    .join('、');
  const issues: JxIssue[] = list.map((b) => ({ field: b.field ?? undefined, label: `${PUBLICATION_BLOCKER_LABELS[b.kind]}：${b.label}`, message: b.message }));
  return new JxError('PUBLICATION_BLOCKED', `${counts}；请处理后再公开，确需公开的，由财政局填写理由（overrideReason）后公开`, issues);
}

/**
 * The finance bureau's reason to publish despite the checks: '' when none is given; a reason given
 * but blank or shorter than 4 characters, or longer than 500, is a 400 naming `field`.
 */
export function readOverrideReason(raw: unknown, field: string): string {
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (raw !== undefined && raw !== null && reason.length < 4) {
    throw badRequest(`公开理由（${field}）不能为空，至少 4 个字`, [{ field, label: '公开理由', message: '财政局放行公开须写明理由（至少 4 个字）' }]);
  }
  if (reason.length > 500) throw badRequest(`公开理由（${field}）最多 500 字`, [{ field, label: '公开理由', message: '最多 500 字' }]);
  return reason;
}

/**
 * The override for publishing `rec` now, or null when nothing blocks it. Refuses (422 with the
 * list) when something blocks and no reason is given; a reason given but blank is a 400 naming
 * the field. `placeholderReason` is the older name of `overrideReason`.
 */
export async function publicationOverride(ctx: AppContext, rec: EvaluationRecord, body: { overrideReason?: unknown; placeholderReason?: unknown }, actor: Actor, at: Date): Promise<{ override: PublicationOverride; blockers: PublicationBlocker[] } | null> {
  const reason = body.overrideReason !== undefined ? readOverrideReason(body.overrideReason, 'overrideReason') : readOverrideReason(body.placeholderReason, 'placeholderReason');
  const blockers = await publicationBlockers(ctx, repositories(ctx.db), rec);
  if (blockers.length === 0) return null;
  if (!reason) throw publicationBlockedError(blockers);
  const override: PublicationOverride = {
    reason,
    rules: [...new Set(blockers.map((b) => b.rule))],
    by: actor.displayName,
    role: actor.role,
    at: at.toISOString(),
    blockers: blockers.map((b) => `${PUBLICATION_BLOCKER_LABELS[b.kind]}：${b.label}${b.message && b.message !== b.label ? `（${b.message}）` : ''}`),
  };
  return { override, blockers };
}
