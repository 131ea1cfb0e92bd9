import { describe, expect, it } from 'vitest';
import { ADJUSTMENT_STATES, MONITORING_STATES, ROLES, TARGET_STATES, TASK_STATES } from '../db/schema.js';
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
  type Machine,
} from './plan-machines.js';

const CHINESE = /[\u4e00-\u9fff]/;

interface Case {
  name: string;
  machine: Machine<string, string>;
  states: readonly string[];
  actions: readonly string[];
  labels: Record<string, string>;
  initial: string;
  final: string[];
}

const CASES: Case[] = [
  { name: 'targets', machine: TARGET_MACHINE, states: TARGET_STATES, actions: TARGET_ACTIONS, labels: TARGET_STATE_LABELS, initial: 'draft', final: ['approved'] },
  { name: 'adjustments', machine: ADJUSTMENT_MACHINE, states: ADJUSTMENT_STATES, actions: ADJUSTMENT_ACTIONS, labels: ADJUSTMENT_STATE_LABELS, initial: 'pending', final: ['approved', 'returned'] },
  { name: 'monitoring returns', machine: MONITORING_MACHINE, states: MONITORING_STATES, actions: MONITORING_ACTIONS, labels: MONITORING_STATE_LABELS, initial: 'draft', final: ['reviewed'] },
  { name: 'annual tasks', machine: TASK_MACHINE, states: TASK_STATES, actions: TASK_ACTIONS, labels: TASK_STATE_LABELS, initial: 'open', final: [] },
];

describe.each(CASES)('$name machine', (c) => {
  it('has a row for every state, a cell for every action, and a Chinese label per state', () => {
    expect(Object.keys(c.machine).sort()).toEqual([...c.states].sort());
    for (const s of c.states) {
      expect(Object.keys(c.machine[s]!).sort()).toEqual([...c.actions].sort());
      expect(c.labels[s]).toMatch(CHINESE);
    }
  });
  it('every cell is a transition to another known state by known roles, or a refusal with a Chinese reason', () => {
    for (const s of c.states) {
      for (const a of c.actions) {
        const rule = c.machine[s]![a]!;
        if (rule.kind === 'allowed') {
          expect(c.states).toContain(rule.to);
          expect(rule.to).not.toBe(s);
          expect(rule.roles.length).toBeGreaterThan(0);
          for (const r of rule.roles) expect(ROLES).toContain(r);
          if (a === 'return') expect(rule.opinion).toBe('required');
        } else {
          expect(rule.reason).toMatch(CHINESE);
          expect(rule.reason.length).toBeGreaterThan(4);
        }
      }
    }
  });
  it('every state is reachable from the initial one, and final states allow nothing', () => {
    const seen = new Set([c.initial]);
    const queue = [c.initial];
    while (queue.length) {
      const s = queue.shift()!;
      for (const a of c.actions) {
        const rule = c.machine[s]![a]!;
        if (rule.kind === 'allowed' && !seen.has(rule.to)) {
          seen.add(rule.to);
          queue.push(rule.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...c.states].sort());
    for (const f of c.final) for (const a of c.actions) expect(c.machine[f]![a]!.kind).toBe('refused');
  });
});

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
