/**
 * After the self-evaluation as exhaustive, typed transition tables (the form of
 * plan-machines.ts): 抽评 draws and their items (the third-party re-score), 整改 items, and
 * 结果应用 decisions. Every (state, action) pair is a transition (the roles that may take it
 * and whether a written text is needed) or a refusal with a plain Chinese reason. Who within a
 * role (the assessor the item is assigned to, the finance bureau over the unit, the unit's own
 * people, the department over it) is checked by the use case.
 */
import type { RectificationState, ResultApplicationState, SampleItemState, SampleState } from '../db/schema.js';
import type { Machine } from './plan-machines.js';

const allow = <S extends string>(to: S, roles: readonly import('../db/schema.js').Role[], opinion: 'required' | 'optional' | 'none' = 'none') => ({ kind: 'allowed' as const, to, roles, opinion });
const refuse = (reason: string) => ({ kind: 'refused' as const, reason });

const FINANCE = ['finance_reviewer'] as const;
const UNIT = ['unit_filler', 'unit_head'] as const;

/** A draw stays active until a redraw (with a reason) supersedes it; the superseded draw stays visible. */
export const SAMPLE_ACTIONS = ['redraw'] as const;
export type SampleAction = (typeof SAMPLE_ACTIONS)[number];
export const SAMPLE_STATE_LABELS: Record<SampleState, string> = { active: '有效', superseded: '已被重新抽取取代' };
export const SAMPLE_MACHINE: Machine<SampleState, SampleAction> = {
  active: { redraw: allow('superseded', FINANCE, 'required') },
  superseded: { redraw: refuse('这次抽样已被重新抽取的抽样取代，请在当前有效的抽样上操作') },
};

/** 抽评复评: the assessor (or, without one, the finance bureau) re-scores; finance may return it. */
export const SAMPLE_ITEM_ACTIONS = ['rescore', 'return'] as const;
export type SampleItemAction = (typeof SAMPLE_ITEM_ACTIONS)[number];
export const SAMPLE_ITEM_STATE_LABELS: Record<SampleItemState, string> = { assigned: '待复评', rescored: '已复评', returned: '复评已退回' };
export const SAMPLE_ITEM_MACHINE: Machine<SampleItemState, SampleItemAction> = {
  assigned: {
    rescore: allow('rescored', ['assessor', 'finance_reviewer']),
    return: refuse('尚未复评，无需退回'),
  },
  rescored: {
    rescore: refuse('已经复评；如需修改，请财政局先退回复评'),
    return: allow('returned', FINANCE, 'required'),
  },
  returned: {
    rescore: allow('rescored', ['assessor', 'finance_reviewer']),
    return: refuse('复评已经退回，等待重新复评'),
  },
};

/** 整改: the unit works and reports (with evidence); the finance bureau signs off (销号) or returns. */
export const RECTIFICATION_ACTIONS = ['start', 'report', 'sign_off', 'return'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];
export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = {
  open: '待整改',
  in_progress: '整改中',
  reported: '已报送，待财政销号',
  returned: '已退回重改',
  closed: '已销号',
};
export const RECTIFICATION_ACTION_LABELS: Record<RectificationAction, string> = { start: '开始整改', report: '报送整改情况', sign_off: '销号', return: '退回重改' };
export const RECTIFICATION_MACHINE: Machine<RectificationState, RectificationAction> = {
  open: {
    start: allow('in_progress', UNIT),
    report: allow('reported', UNIT, 'required'),
    sign_off: refuse('单位尚未报送整改情况，不能销号'),
    return: refuse('单位尚未报送整改情况，无需退回'),
  },
  in_progress: {
    start: refuse('已在整改中'),
    report: allow('reported', UNIT, 'required'),
    sign_off: refuse('单位尚未报送整改情况，不能销号'),
    return: refuse('单位尚未报送整改情况，无需退回'),
  },
  reported: {
    start: refuse('整改情况已报送，正在等待财政局销号'),
    report: refuse('整改情况已经报送，正在等待财政局销号'),
    sign_off: allow('closed', FINANCE, 'optional'),
    return: allow('returned', FINANCE, 'required'),
  },
  returned: {
    start: allow('in_progress', UNIT),
    report: allow('reported', UNIT, 'required'),
    sign_off: refuse('整改已退回重改，须单位重新报送后才能销号'),
    return: refuse('整改已经退回'),
  },
  closed: {
    start: refuse('整改事项已销号'),
    report: refuse('整改事项已销号，无需再报送'),
    sign_off: refuse('整改事项已经销号'),
    return: refuse('整改事项已销号，不能退回'),
  },
};

/** 结果应用: the finance bureau decides the budget action; the supervising department responds. */
export type ResultApplicationMachineState = 'pending' | ResultApplicationState;
export const RESULT_APPLICATION_STATES_ALL: readonly ResultApplicationMachineState[] = ['pending', 'decided', 'responded'];
export const RESULT_APPLICATION_ACTIONS = ['decide', 'respond'] as const;
export type ResultApplicationAction = (typeof RESULT_APPLICATION_ACTIONS)[number];
export const RESULT_APPLICATION_STATE_LABELS: Record<ResultApplicationMachineState, string> = {
  pending: '待决定',
  decided: '已决定，待部门反馈',
  responded: '部门已反馈',
};
export const RESULT_APPLICATION_MACHINE: Machine<ResultApplicationMachineState, ResultApplicationAction> = {
  pending: {
    decide: allow('decided', FINANCE, 'optional'),
    respond: refuse('财政局尚未作出结果应用决定，暂不能反馈'),
  },
  decided: {
    decide: refuse('已作出决定，正在等待部门反馈'),
    respond: allow('responded', ['department_reviewer'], 'required'),
  },
  responded: {
    decide: refuse('部门已反馈，决定已生效'),
    respond: refuse('部门已经反馈'),
  },
};
