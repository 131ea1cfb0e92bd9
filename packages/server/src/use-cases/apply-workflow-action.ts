import { AUDIT_EVENTS, type AuditEvent } from '../audit-events.js';
import { inOneStatement, inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, badRequest, forbidden, invalidState, notFound } from '../errors.js';
import { mayAct, type Actor, type UnitScope } from '../workflow/access.js';
import {
  ACTION_LABELS,
  STATE_LABELS,
  isEvaluationState,
  isWorkflowAction,
  transitionFor,
  type EvaluationState,
  type Transition,
  type WorkflowAction,
} from '../workflow/state-machine.js';
import { assertVisible } from './load-visible-evaluation.js';
import { assertSubmittable } from './check-submission.js';
import { repositories } from '../repositories/index.js';
import { assertTaskNotLocked } from '../plan/deadline-lock.js';
import { publicationOverride } from './check-publication.js';
import type { AuditEntry } from '../repositories/audit-log.repository.js';

const EVENT_OF: Record<WorkflowAction, (to: EvaluationState) => AuditEvent> = {
  submit: () => AUDIT_EVENTS.EVALUATION_SUBMITTED,
  withdraw: () => AUDIT_EVENTS.EVALUATION_WITHDRAWN,
  approve: (to) => (to === 'department_approved' ? AUDIT_EVENTS.EVALUATION_DEPARTMENT_APPROVED : AUDIT_EVENTS.EVALUATION_FINANCE_APPROVED),
  return: () => AUDIT_EVENTS.EVALUATION_RETURNED,
  publish: () => AUDIT_EVENTS.EVALUATION_PUBLISHED,
  unpublish: () => AUDIT_EVENTS.EVALUATION_UNPUBLISHED,
};

/** The state machine's verdict for this actor, or a typed error explaining the refusal. */
export function checkTransition(actor: Actor, scope: UnitScope, state: string, action: WorkflowAction, version: number, current: number): Transition {
  if (!isEvaluationState(state)) throw invalidState(`未知状态 ${state}`);
  const rule = transitionFor(state, action);
  if (rule.kind === 'refused') throw invalidState(`${ACTION_LABELS[action]}：${rule.reason}`);
  if (!mayAct(actor, rule.roles, scope)) {
    throw forbidden(`“${STATE_LABELS[state]}”状态下的“${ACTION_LABELS[action]}”须由${roleNames(rule.roles)}办理`);
  }
  if (version !== current) throw new VersionConflictError(current);
  return rule;
}

/** The opinions recorded so far in an evaluation's review JSON. */
function opinionsOf(review: unknown): unknown[] {
  const opinions = (review as { opinions?: unknown } | null)?.opinions;
  return Array.isArray(opinions) ? opinions : [];
}

function roleNames(roles: readonly string[]): string {
  const zh: Record<string, string> = {
    unit_filler: '本单位填报人',
    unit_head: '本单位负责人',
    department_reviewer: '主管部门审核人',
    finance_reviewer: '财政局绩效科',
    admin: '系统管理员',
  };
  return roles.map((r) => zh[r] ?? r).join('或');
}

export async function applyWorkflowAction(
  ctx: AppContext,
  actor: Actor,
  id: number,
  actionName: string,
  input: { version: unknown; opinion?: unknown; placeholderReason?: unknown; overrideReason?: unknown },
): Promise<{ status: EvaluationState; version: number; overridden?: true }> {
  if (!isWorkflowAction(actionName)) throw notFound(`操作 ${actionName}`);
  const action = actionName;
  if (!Number.isInteger(input.version)) throw badRequest('缺少 version（当前版本号）');
  const version = input.version as number;
  const opinion = typeof input.opinion === 'string' ? input.opinion.trim() : '';
  const r0 = repositories(ctx.db);
  // One query: the row, its bureau's task of the year (the deadline lock), whether the unit has projects (the roll-up).
  const read = await r0.evaluations.findForWrite(id);
  const rec = await assertVisible(ctx, actor, id, read?.rec);
  const rule = checkTransition(actor, rec, rec.status, action, version, rec.version); // first look
  if (rule.opinion === 'required' && !opinion) {
    throw action === 'unpublish'
      ? badRequest('撤回公开时必须填写理由（opinion），理由将显示在公开页面的记录中', [{ field: 'opinion', label: '撤回理由', message: '请填写撤回公开的理由' }])
      : badRequest('退回时必须填写审核意见（opinion）', [{ field: 'opinion', label: '审核意见', message: '请填写退回意见' }]);
  }
  if (action === 'submit') await assertTaskNotLocked(r0, read!.task, rec.unit_id, rec.fiscal_year, ctx.now());
  // Checks before submission: blocking findings refuse the submit (422 with the list) unless finance waived them.
  if (action === 'submit') await assertSubmittable(ctx, rec, read!.hasProjects);
  const at = ctx.now();
  // Checks before publication: open audit errors, placeholders, a missing sample re-score — refused with the list unless finance gives a reason.
  const checked = action === 'publish' ? await publicationOverride(ctx, rec, input, actor, at) : null;
  const override = checked?.override ?? null;
  const placeholderOverride = checked && checked.blockers.some((b) => b.kind === 'placeholder') ? { reason: override!.reason, placeholders: checked.blockers.filter((b) => b.kind === 'placeholder').map((b) => `${b.field}：${b.label}`), by: actor.displayName, at: at.toISOString() } : null;
  const patchFor = (to: EvaluationState, review: unknown) => {
    const withOpinion =
      opinion && action !== 'submit'
        ? { ...((review ?? {}) as Record<string, unknown>), opinions: [...opinionsOf(review), { at: at.toISOString(), by: actor.displayName, role: actor.role, action, opinion }] }
        : review;
    const nextReview = override ? { ...((withOpinion ?? {}) as object), publicationOverride: override, ...(placeholderOverride ? { placeholderOverride } : {}) } : withOpinion;
    return {
      status: to,
      updated_at: at,
      review: nextReview === null || nextReview === undefined ? null : JSON.stringify(nextReview),
      ...(action === 'submit' ? { submitted_at: at } : {}),
      ...(action === 'publish' ? { published_at: at } : {}),
    };
  };
  const entryFor = (from: { status: string; version: number }, to: EvaluationState, newVersion: number): AuditEntry => ({
    entityType: 'evaluation',
    entityId: id,
    evaluationId: id,
    actor,
    action: EVENT_OF[action](to),
    at,
    before: { status: from.status, version: from.version },
    after: { status: to, version: newVersion, ...(opinion ? { opinion } : {}), ...(override ? { publicationOverride: override } : {}) },
  });
  // Usually one statement: the row still at the version read (every change of state or review bumps it), so the
  // first look holds; a publication override writes further entries and takes the transaction below.
  if (!override) {
    const written = await inOneStatement(ctx, `workflow-${action}`, (r) =>
      r.evaluations.updateIfVersionLogged(id, version, rec.submission_override, patchFor(rule.to, rec.review), entryFor(rec, rule.to, version + 1)),
    );
    if (written) return { status: rule.to, version: version + 1 };
  }
  return inTransaction(ctx, `workflow-${action}`, async (r) => {
    const locked = await r.evaluations.findStateForUpdate(id);
    if (!locked) throw notFound();
    const again = checkTransition(actor, rec, locked.status, action, version, locked.version); // second look
    const to = again.to;
    const updated = await r.evaluations.updateIfVersion(id, version, patchFor(to, locked.review));
    if (!updated) throw new VersionConflictError(locked.version);
    await r.auditLog.append(entryFor(locked, to, updated.version));
    if (override) {
      await r.auditLog.append({ entityType: 'evaluation', entityId: id, evaluationId: id, actor, action: AUDIT_EVENTS.EVALUATION_PUBLICATION_CHECKS_OVERRIDDEN, at, before: null, after: override });
      if (placeholderOverride) await r.auditLog.append({ entityType: 'evaluation', entityId: id, evaluationId: id, actor, action: AUDIT_EVENTS.EVALUATION_PLACEHOLDERS_OVERRIDDEN, at, before: null, after: placeholderOverride });
    }
    return { status: to, version: updated.version, ...(override ? { overridden: true as const } : {}) };
  });
}
