import { describe, expect, it } from 'vitest';
import { describeMachines, type MachineCase } from '../../test/machine-checks.js';
import { ADJUSTMENT_STATES, MONITORING_STATES, TARGET_STATES, TASK_STATES } from '../db/schema.js';
import {
  ADJUSTMENT_ACTIONS,
  ADJUSTMENT_MACHINE,
  ADJUSTMENT_STATE_LABELS,
  MONITORING_ACTIONS,
  MONITORING_MACHINE,
  MONITORING_STATE_LABELS,
  TARGET_ACTIONS,
  TARGET_MACHINE,
  TARGET_STATE_LABELS,
  TASK_ACTIONS,
  TASK_MACHINE,
  TASK_STATE_LABELS,
} from './plan-machines.js';

const CASES: MachineCase[] = [
  { name: 'targets', machine: TARGET_MACHINE, states: TARGET_STATES, actions: TARGET_ACTIONS, labels: TARGET_STATE_LABELS, initial: 'draft', final: ['approved'] },
  { name: 'adjustments', machine: ADJUSTMENT_MACHINE, states: ADJUSTMENT_STATES, actions: ADJUSTMENT_ACTIONS, labels: ADJUSTMENT_STATE_LABELS, initial: 'pending', final: ['approved', 'returned'] },
  { name: 'monitoring returns', machine: MONITORING_MACHINE, states: MONITORING_STATES, actions: MONITORING_ACTIONS, labels: MONITORING_STATE_LABELS, initial: 'draft', final: ['reviewed'] },
  { name: 'annual tasks', machine: TASK_MACHINE, states: TASK_STATES, actions: TASK_ACTIONS, labels: TASK_STATE_LABELS, initial: 'open', final: [] },
];

describeMachines(CASES, ['return']);

describe('who approves what', () => {
  it('targets: the unit head files, the department reviews, only finance approves with the budget', () => {
    expect(TARGET_MACHINE.draft.submit).toMatchObject({ kind: 'allowed', roles: ['unit_head'] });
    expect(TARGET_MACHINE.submitted.approve).toMatchObject({ to: 'department_approved', roles: ['department_reviewer'] });
    expect(TARGET_MACHINE.department_approved.approve).toMatchObject({ to: 'approved', roles: ['finance_reviewer'] });
  });
  it('adjustments and monitoring returns end with the finance bureau', () => {
    expect(ADJUSTMENT_MACHINE.department_approved.approve).toMatchObject({ to: 'approved', roles: ['finance_reviewer'] });
    expect(MONITORING_MACHINE.submitted.approve).toMatchObject({ to: 'reviewed', roles: ['finance_reviewer'] });
  });
});
