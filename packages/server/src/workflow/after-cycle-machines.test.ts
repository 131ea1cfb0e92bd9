import { describe, expect, it } from 'vitest';
import { RECTIFICATION_STATES, ROLES, SAMPLE_ITEM_STATES, SAMPLE_STATES } from '../db/schema.js';
import {
  RECTIFICATION_ACTIONS,
  RECTIFICATION_MACHINE,
  RECTIFICATION_STATE_LABELS,
  RESULT_APPLICATION_ACTIONS,
  RESULT_APPLICATION_MACHINE,
  RESULT_APPLICATION_STATES_ALL,
  RESULT_APPLICATION_STATE_LABELS,
  SAMPLE_ACTIONS,
  SAMPLE_ITEM_ACTIONS,
  SAMPLE_ITEM_MACHINE,
  SAMPLE_ITEM_STATE_LABELS,
  SAMPLE_MACHINE,
  SAMPLE_STATE_LABELS,
} from './after-cycle-machines.js';
import type { Machine } from './plan-machines.js';

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
  { name: 'samples', machine: SAMPLE_MACHINE, states: SAMPLE_STATES, actions: SAMPLE_ACTIONS, labels: SAMPLE_STATE_LABELS, initial: 'active', final: ['superseded'] },
  { name: 'sample items', machine: SAMPLE_ITEM_MACHINE, states: SAMPLE_ITEM_STATES, actions: SAMPLE_ITEM_ACTIONS, labels: SAMPLE_ITEM_STATE_LABELS, initial: 'assigned', final: [] },
  { name: 'rectifications', machine: RECTIFICATION_MACHINE, states: RECTIFICATION_STATES, actions: RECTIFICATION_ACTIONS, labels: RECTIFICATION_STATE_LABELS, initial: 'open', final: ['closed'] },
  {
    name: 'result applications',
    machine: RESULT_APPLICATION_MACHINE,
    states: RESULT_APPLICATION_STATES_ALL,
    actions: RESULT_APPLICATION_ACTIONS,
    labels: RESULT_APPLICATION_STATE_LABELS,
    initial: 'pending',
    final: ['responded'],
  },
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
          if (a === 'return' || a === 'redraw' || a === 'report' || a === 'respond') expect(rule.opinion).toBe('required');
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

describe('who does what after the self-evaluation', () => {
  it('only the finance bureau signs off (销号) or returns a rectification; the unit only works and reports', () => {
    for (const s of RECTIFICATION_STATES) {
      for (const a of ['sign_off', 'return'] as const) {
        const r = RECTIFICATION_MACHINE[s][a];
        if (r.kind === 'allowed') expect(r.roles).toEqual(['finance_reviewer']);
      }
      for (const a of ['start', 'report'] as const) {
        const r = RECTIFICATION_MACHINE[s][a];
        if (r.kind === 'allowed') expect(r.roles).toEqual(['unit_filler', 'unit_head']);
      }
    }
    expect(RECTIFICATION_MACHINE.reported.sign_off).toMatchObject({ kind: 'allowed', to: 'closed' });
  });
  it('the assessor re-scores; only finance returns a re-score', () => {
    expect(SAMPLE_ITEM_MACHINE.assigned.rescore).toMatchObject({ kind: 'allowed', roles: ['assessor', 'finance_reviewer'] });
    expect(SAMPLE_ITEM_MACHINE.rescored.return).toMatchObject({ kind: 'allowed', roles: ['finance_reviewer'] });
  });
});
