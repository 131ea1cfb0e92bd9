/**
 * The year before the self-evaluation as exhaustive, typed transition tables, one per
 * entity, in the same form as the evaluation's review cycle (state-machine.ts): every
 * (state, action) pair is a transition (with the roles that may take it and whether a
 * written opinion is needed) or a refusal with a plain Chinese reason. Adding a state or an
 * action without filling its row or column is a type error.
 */
import type { AdjustmentState, MonitoringState, Role, TargetState, TaskState } from '../db/schema.js';

export interface PlanTransition<S extends string> {
  kind: 'allowed';
  to: S;
  roles: readonly Role[];
  opinion: 'required' | 'optional' | 'none';
}
export interface PlanRefusal {
  kind: 'refused';
  reason: string;
}
export type PlanRule<S extends string> = PlanTransition<S> | PlanRefusal;
export type Machine<S extends string, A extends string> = Record<S, Record<A, PlanRule<S>>>;

const UNIT_HEAD = ['unit_head'] as const;
const DEPT = ['department_reviewer'] as const;
const FINANCE = ['finance_reviewer'] as const;

function allow<S extends string>(to: S, roles: readonly Role[], opinion: PlanTransition<S>['opinion'] = 'none'): PlanTransition<S> {
  return { kind: 'allowed', to, roles, opinion };
}
const refuse = (reason: string): PlanRefusal => ({ kind: 'refused', reason });

/** 绩效目标申报: the unit files, the department reviews, the finance bureau approves with the budget. */
export const TARGET_ACTIONS = ['submit', 'withdraw', 'approve', 'return'] as const;
export type TargetAction = (typeof TARGET_ACTIONS)[number];
export const TARGET_STATE_LABELS: Record<TargetState, string> = {
  draft: '草稿',
  submitted: '已申报，待主管部门审核',
  department_approved: '主管部门已审核，待财政批复',
  approved: '已批复',
  returned: '已退回修改',
};
export const TARGET_MACHINE: Machine<TargetState, TargetAction> = {
  draft: {
    submit: allow('submitted', UNIT_HEAD),
    withdraw: refuse('绩效目标尚未申报，无需撤回'),
    approve: refuse('绩效目标尚未申报，不能审核'),
    return: refuse('绩效目标尚未申报，不能退回'),
  },
  submitted: {
    submit: refuse('绩效目标已经申报，正在等待主管部门审核'),
    withdraw: allow('draft', UNIT_HEAD, 'optional'),
    approve: allow('department_approved', DEPT, 'optional'),
    return: allow('returned', DEPT, 'required'),
  },
  department_approved: {
    submit: refuse('绩效目标已通过主管部门审核，正在等待财政批复'),
    withdraw: refuse('主管部门已审核，不能撤回；如需修改，请联系财政局退回'),
    approve: allow('approved', FINANCE, 'optional'),
    return: allow('returned', FINANCE, 'required'),
  },
  approved: {
    submit: refuse('绩效目标已批复，如需改变请申请目标调整'),
    withdraw: refuse('绩效目标已批复，不能撤回；如需改变请申请目标调整'),
    approve: refuse('绩效目标已经批复'),
    return: refuse('绩效目标已批复，不能退回；如需改变请申请目标调整'),
  },
  returned: {
    submit: allow('submitted', UNIT_HEAD),
    withdraw: refuse('绩效目标已退回本单位，无需撤回'),
    approve: refuse('绩效目标已退回修改，须重新申报后才能审核'),
    return: refuse('绩效目标已经退回'),
  },
};
/** States in which the unit may edit its target tree. */
export const TARGET_EDITABLE: readonly TargetState[] = ['draft', 'returned'];

/** 目标调整: requested by the unit with a reason, approved by the department, then the finance bureau. */
export const ADJUSTMENT_ACTIONS = ['approve', 'return'] as const;
export type AdjustmentAction = (typeof ADJUSTMENT_ACTIONS)[number];
export const ADJUSTMENT_STATE_LABELS: Record<AdjustmentState, string> = {
  pending: '已申请，待主管部门审核',
  department_approved: '主管部门已审核，待财政批准',
  approved: '已批准',
  returned: '已退回',
};
export const ADJUSTMENT_MACHINE: Machine<AdjustmentState, AdjustmentAction> = {
  pending: {
    approve: allow('department_approved', DEPT, 'optional'),
    return: allow('returned', DEPT, 'required'),
  },
  department_approved: {
    approve: allow('approved', FINANCE, 'optional'),
    return: allow('returned', FINANCE, 'required'),
  },
  approved: {
    approve: refuse('调整申请已经批准'),
    return: refuse('调整申请已经批准，不能退回'),
  },
  returned: {
    approve: refuse('调整申请已退回；如仍需调整，请重新申请'),
    return: refuse('调整申请已经退回'),
  },
};

/** 运行监控: the unit reports, the finance bureau reviews. */
export const MONITORING_ACTIONS = ['submit', 'approve', 'return'] as const;
export type MonitoringAction = (typeof MONITORING_ACTIONS)[number];
export const MONITORING_STATE_LABELS: Record<MonitoringState, string> = {
  draft: '草稿',
  submitted: '已报送，待财政审核',
  reviewed: '财政已审核',
  returned: '已退回修改',
};
export const MONITORING_MACHINE: Machine<MonitoringState, MonitoringAction> = {
  draft: {
    submit: allow('submitted', UNIT_HEAD),
    approve: refuse('监控表尚未报送，不能审核'),
    return: refuse('监控表尚未报送，不能退回'),
  },
  submitted: {
    submit: refuse('监控表已经报送，正在等待财政审核'),
    approve: allow('reviewed', FINANCE, 'optional'),
    return: allow('returned', FINANCE, 'required'),
  },
  reviewed: {
    submit: refuse('监控表已经审核，无需再次报送'),
    approve: refuse('监控表已经审核'),
    return: refuse('监控表已经审核，不能退回'),
  },
  returned: {
    submit: allow('submitted', UNIT_HEAD),
    approve: refuse('监控表已退回修改，须重新报送后才能审核'),
    return: refuse('监控表已经退回'),
  },
};
export const MONITORING_EDITABLE: readonly MonitoringState[] = ['draft', 'returned'];

/** 年度任务: opened by the finance bureau, closed when the cycle ends (and reopened if needed). */
export const TASK_ACTIONS = ['close', 'reopen'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];
export const TASK_STATE_LABELS: Record<TaskState, string> = { open: '进行中', closed: '已结束' };
export const TASK_MACHINE: Machine<TaskState, TaskAction> = {
  open: {
    close: allow('closed', FINANCE),
    reopen: refuse('年度任务正在进行中，无需重新开启'),
  },
  closed: {
    close: refuse('年度任务已经结束'),
    reopen: allow('open', FINANCE),
  },
};

export const ACTION_LABELS: Record<TargetAction | AdjustmentAction | MonitoringAction | TaskAction, string> = {
  submit: '申报',
  withdraw: '撤回',
  approve: '审核通过',
  return: '退回',
  close: '结束',
  reopen: '重新开启',
};
