import { describe, expect, it } from 'vitest';
import { describeMachines, type MachineCase } from '../../test/machine-checks.js';
import { RECTIFICATION_STATES, SAMPLE_ITEM_STATES, SAMPLE_STATES } from '../db/schema.js';
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

const CASES: MachineCase[] = [
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

describeMachines(CASES, ['return', 'redraw', 'report', 'respond']);

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
