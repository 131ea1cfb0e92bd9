/**
 * The verdict of a plan machine (targets, adjustments, monitoring, tasks) for an actor:
 * a refusal with its Chinese reason (409), a role or scope that may not act (403), or a stale
 * version (409 VERSION_CONFLICT); otherwise the transition.
 */
import type { Role } from '../db/schema.js';
import { VersionConflictError, badRequest, forbidden, invalidState } from '../errors.js';
import { mayAct, type Actor, type UnitScope } from '../workflow/access.js';
import { ACTION_LABELS, type Machine, type PlanTransition } from '../workflow/plan-machines.js';

export const ROLE_NAMES: Record<Role, string> = {
  unit_filler: '本单位填报人',
  unit_head: '本单位负责人',
  department_reviewer: '主管部门审核人',
  finance_reviewer: '财政局绩效科',
  admin: '系统管理员',
  assessor: '评价机构',
};

export function checkPlanTransition<S extends string, A extends keyof typeof ACTION_LABELS>(
  machine: Machine<S, A>,
  labels: Record<S, string>,
  what: string,
  actor: Actor,
  scope: UnitScope,
  state: S,
  action: A,
  versions?: { sent: number; current: number },
): PlanTransition<S> {
  const rule = machine[state]?.[action];
  if (!rule) throw invalidState(`${what}处于未知状态 ${state}`);
  if (rule.kind === 'refused') throw invalidState(`${ACTION_LABELS[action]}：${rule.reason}`);
  if (!mayAct(actor, rule.roles, scope)) {
    throw forbidden(`${what}“${labels[state]}”时的“${ACTION_LABELS[action]}”须由${rule.roles.map((r) => ROLE_NAMES[r]).join('或')}办理`);
  }
  if (versions && versions.sent !== versions.current) throw new VersionConflictError(versions.current);
  return rule;
}

/** The opinion a transition needs, trimmed; a required one missing is a 400 naming the field. */
export function opinionFor(rule: PlanTransition<string>, raw: unknown): string {
  const opinion = typeof raw === 'string' ? raw.trim() : '';
  if (rule.opinion === 'required' && !opinion) throw invalidOpinion();
  return opinion;
}

const invalidOpinion = () => badRequest('退回时必须填写审核意见（opinion）', [{ field: 'opinion', label: '审核意见', message: '退回时必须填写审核意见' }]);
