/**
 * The finance bureau lets one evaluation be submitted despite its blocking findings (e.g. a
 * published report entered as it stands): it waives the rules that block it now, with a written
 * reason, recorded on the evaluation and in the append-only audit log. New kinds of blocking
 * findings that appear after the override still block.
 */
import { AUDIT_EVENTS } from '../audit-events.js';
import { blockingCount } from '../core-bridge.js';
import { inTransaction, type AppContext } from '../context.js';
import { badRequest, forbidden, invalidState } from '../errors.js';
import { isFinanceOver, type Actor } from '../workflow/access.js';
import { EDITABLE_STATES, STATE_LABELS, isEvaluationState } from '../workflow/state-machine.js';
import { computeStored, submissionCheckOf, submissionOverrideOf, type SubmissionCheck, type SubmissionOverride } from './check-submission.js';
import { loadVisibleEvaluation } from './load-visible-evaluation.js';

export async function overrideSubmissionChecks(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { reason: unknown },
): Promise<{ override: SubmissionOverride; submission: SubmissionCheck }> {
  const rec = await loadVisibleEvaluation(ctx, actor, id);
  if (!isFinanceOver(actor, rec)) throw forbidden('提交前检查只能由本地区财政局绩效科放行');
  if (!isEvaluationState(rec.status) || !EDITABLE_STATES.includes(rec.status)) {
    throw invalidState(`报告处于“${isEvaluationState(rec.status) ? STATE_LABELS[rec.status] : rec.status}”状态，只有提交前（草稿、已退回）才需要放行提交前检查`);
  }
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason.length < 4) throw badRequest('请填写放行理由（reason，至少 4 个字）', [{ field: 'reason', message: '放行理由不能为空' }]);
  if (reason.length > 500) throw badRequest('放行理由过长（最多 500 字）', [{ field: 'reason', message: '放行理由最多 500 字' }]);
  const computed = await computeStored(ctx, rec);
  const now = submissionCheckOf(computed.audit, null, computed.problems);
  if (now.problem !== null) throw badRequest(`${now.problem}；无法放行`);
  if (now.blocking.length === 0) throw badRequest('此报告没有提交前必须处理的问题，无需放行');
  const at = ctx.now();
  const override: SubmissionOverride = {
    reason,
    rules: [...new Set(now.blocking.map((f) => f.rule))],
    by: actor.displayName,
    role: actor.role,
    at: at.toISOString(),
  };
  await inTransaction(ctx, 'override-submission-checks', async (r) => {
    await r.evaluations.setSubmissionOverride(id, override, blockingCount(computed.audit, override));
    await r.auditLog.append({
      entityType: 'evaluation',
      entityId: id,
      evaluationId: id,
      actor,
      action: AUDIT_EVENTS.EVALUATION_SUBMISSION_CHECKS_OVERRIDDEN,
      at,
      before: { override: submissionOverrideOf(rec.submission_override) },
      after: { override, findings: now.blocking.map((f) => ({ rule: f.rule, path: f.location.path, message: f.message })) },
    });
  });
  return { override, submission: submissionCheckOf(computed.audit, override) };
}
