/**
 * The review cycle of a year-end self-evaluation as an exhaustive, typed transition
 * table: every (state, action) pair is either a transition (with the roles that may
 * take it) or a refusal with a plain Chinese reason. Adding a state or an action
 * without filling its row or column is a type error.
 */
import type { Role } from '../db/schema.js';

export const EVALUATION_STATES = [
  'draft',
  'submitted',
  'department_approved',
  'finance_approved',
  'published',
  'returned',
] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];

export const WORKFLOW_ACTIONS = ['submit', 'withdraw', 'approve', 'return', 'publish', 'unpublish'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const STATE_LABELS: Record<EvaluationState, string> = {
  draft: '草稿',
  submitted: '已提交，待主管部门审核',
  department_approved: '主管部门已审核，待财政审核',
  finance_approved: '财政已审核通过',
  published: '已公开',
  returned: '已退回修改',
};

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: '提交',
  withdraw: '撤回',
  approve: '审核通过',
  return: '退回',
  publish: '公开',
  unpublish: '撤回公开',
};

export interface Transition {
  kind: 'allowed';
  to: EvaluationState;
  roles: readonly Role[];
  /** A written opinion (审核意见) is required for returns. */
  opinion: 'required' | 'optional' | 'none';
}
export interface Refusal {
  kind: 'refused';
  /** Why not, in plain Chinese. */
  reason: string;
}
export type TransitionRule = Transition | Refusal;

const allow = (to: EvaluationState, roles: readonly Role[], opinion: Transition['opinion'] = 'none'): Transition => ({
  kind: 'allowed',
  to,
  roles,
  opinion,
});
const refuse = (reason: string): Refusal => ({ kind: 'refused', reason });

const UNIT_HEAD = ['unit_head'] as const;
const DEPT = ['department_reviewer'] as const;
const FINANCE = ['finance_reviewer'] as const;

export const TRANSITIONS: Record<EvaluationState, Record<WorkflowAction, TransitionRule>> = {
  draft: {
    submit: allow('submitted', UNIT_HEAD),
    withdraw: refuse('草稿尚未提交，无需撤回'),
    approve: refuse('草稿尚未提交，不能审核'),
    return: refuse('草稿尚未提交，不能退回'),
    publish: refuse('草稿未经审核，不能公开'),
    unpublish: refuse('草稿尚未公开，无需撤回公开'),
  },
  submitted: {
    submit: refuse('已经提交，正在等待主管部门审核'),
    withdraw: allow('draft', UNIT_HEAD, 'optional'),
    approve: allow('department_approved', DEPT, 'optional'),
    return: allow('returned', DEPT, 'required'),
    publish: refuse('尚未经主管部门和财政审核，不能公开'),
    unpublish: refuse('报告尚未公开，无需撤回公开'),
  },
  department_approved: {
    submit: refuse('已经提交并通过主管部门审核，正在等待财政审核'),
    withdraw: refuse('主管部门已审核，不能撤回；如需修改，请联系财政退回'),
    approve: allow('finance_approved', FINANCE, 'optional'),
    return: allow('returned', FINANCE, 'required'),
    publish: refuse('尚未经财政审核，不能公开'),
    unpublish: refuse('报告尚未公开，无需撤回公开'),
  },
  finance_approved: {
    submit: refuse('财政已审核通过，无需再次提交'),
    withdraw: refuse('财政已审核通过，不能撤回'),
    approve: refuse('财政已审核通过，无需再次审核'),
    return: allow('returned', FINANCE, 'required'),
    publish: allow('published', FINANCE, 'none'),
    unpublish: refuse('报告尚未公开（或已撤回公开），无需撤回公开'),
  },
  published: {
    submit: refuse('报告已公开，不能再提交'),
    withdraw: refuse('报告已公开，不能撤回'),
    approve: refuse('报告已公开，审核已结束'),
    return: refuse('报告已公开，不能退回'),
    publish: refuse('报告已经公开'),
    unpublish: allow('finance_approved', FINANCE, 'required'),
  },
  returned: {
    submit: allow('submitted', UNIT_HEAD),
    withdraw: refuse('报告已退回给本单位，无需撤回'),
    approve: refuse('报告已退回修改，须重新提交后才能审核'),
    return: refuse('报告已经退回'),
    publish: refuse('报告已退回修改，不能公开'),
    unpublish: refuse('报告尚未公开，无需撤回公开'),
  },
};

/** States in which the unit may edit its evaluation (PUT). */
export const EDITABLE_STATES: readonly EvaluationState[] = ['draft', 'returned'];
/** States in which the finance bureau may re-score (审核得分). */
export const REVIEWABLE_STATES: readonly EvaluationState[] = ['department_approved', 'finance_approved'];

export function isEvaluationState(s: string): s is EvaluationState {
  return (EVALUATION_STATES as readonly string[]).includes(s);
}
export function isWorkflowAction(s: string): s is WorkflowAction {
  return (WORKFLOW_ACTIONS as readonly string[]).includes(s);
}

export function transitionFor(state: EvaluationState, action: WorkflowAction): TransitionRule {
  return TRANSITIONS[state][action];
}

/** Why an evaluation in `state` cannot be edited (null when it can). */
export function editRefusal(state: EvaluationState): string | null {
  if (EDITABLE_STATES.includes(state)) return null;
  switch (state) {
    case 'submitted':
      return '报告已提交，正在等待主管部门审核，不能修改；如需修改，请由单位负责人撤回';
    case 'department_approved':
      return '报告已通过主管部门审核，正在财政审核中，不能修改';
    case 'finance_approved':
      return '报告已通过财政审核，不能修改';
    case 'published':
      return '报告已公开，不能修改';
    default:
      return `报告处于“${STATE_LABELS[state]}”状态，不能修改`;
  }
}

/** Why finance cannot re-score an evaluation in `state` (null when it can). */
export function reviewRefusal(state: EvaluationState): string | null {
  if (REVIEWABLE_STATES.includes(state)) return null;
  return `报告处于“${STATE_LABELS[state]}”状态，只有通过主管部门审核后才能由财政审核评分`;
}
