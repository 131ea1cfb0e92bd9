import { describe, expect, it } from 'vitest';
import { ROLES } from '../db/schema.js';
import {
  EDITABLE_STATES,
  EVALUATION_STATES,
  REVIEWABLE_STATES,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  editRefusal,
  reviewRefusal,
  transitionFor,
} from './state-machine.js';

const CHINESE = /[\u4e00-\u9fff]/;

describe('review-cycle state machine', () => {
  const pairs = EVALUATION_STATES.flatMap((s) => WORKFLOW_ACTIONS.map((a) => [s, a] as const));

  it('has a row for every state and a cell for every action (no extra keys)', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...EVALUATION_STATES].sort());
    for (const s of EVALUATION_STATES) expect(Object.keys(TRANSITIONS[s]).sort()).toEqual([...WORKFLOW_ACTIONS].sort());
  });

  it.each(pairs)('%s × %s is either allowed (known target, known roles) or refused with a Chinese reason', (state, action) => {
    const rule = transitionFor(state, action);
    if (rule.kind === 'allowed') {
      expect(EVALUATION_STATES).toContain(rule.to);
      expect(rule.to).not.toBe(state);
      expect(rule.roles.length).toBeGreaterThan(0);
      for (const r of rule.roles) expect(ROLES).toContain(r);
    } else {
      expect(rule.kind).toBe('refused');
      expect(rule.reason).toMatch(CHINESE);
      expect(rule.reason.length).toBeGreaterThan(4);
    }
  });

  it('returns always require a written opinion', () => {
    for (const s of EVALUATION_STATES) {
      const rule = transitionFor(s, 'return');
      if (rule.kind === 'allowed') {
        expect(rule.opinion).toBe('required');
        expect(rule.to).toBe('returned');
      }
    }
  });

  it('every state can be reached from draft and published is final', () => {
    const seen = new Set<string>(['draft']);
    const queue = ['draft'] as string[];
    while (queue.length) {
      const s = queue.shift() as (typeof EVALUATION_STATES)[number];
      for (const a of WORKFLOW_ACTIONS) {
        const rule = transitionFor(s, a);
        if (rule.kind === 'allowed' && !seen.has(rule.to)) {
          seen.add(rule.to);
          queue.push(rule.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...EVALUATION_STATES].sort());
    // A published report only leaves publication when the finance bureau withdraws it with a reason.
    for (const a of WORKFLOW_ACTIONS) if (a !== 'unpublish') expect(transitionFor('published', a).kind).toBe('refused');
  });

  it('撤回公开 (unpublish): only from published, by the finance bureau, with a written reason, back to finance_approved', () => {
    for (const s of EVALUATION_STATES) {
      const rule = transitionFor(s, 'unpublish');
      if (s === 'published') expect(rule).toEqual({ kind: 'allowed', to: 'finance_approved', roles: ['finance_reviewer'], opinion: 'required' });
      else expect(rule.kind).toBe('refused');
    }
  });

  it.each(EVALUATION_STATES)('edit guard in %s: allowed only in draft/returned, otherwise a Chinese reason', (s) => {
    const why = editRefusal(s);
    if (EDITABLE_STATES.includes(s)) expect(why).toBeNull();
    else expect(why).toMatch(CHINESE);
  });

  it.each(EVALUATION_STATES)('finance re-scoring guard in %s', (s) => {
    const why = reviewRefusal(s);
    if (REVIEWABLE_STATES.includes(s)) expect(why).toBeNull();
    else expect(why).toMatch(CHINESE);
  });
});
