/**
 * The generic checks every exhaustive workflow machine passes (plan-machines, after-cycle-machines):
 * a row per state and a cell per action with a Chinese label; each cell either a transition to
 * another known state by known roles (an opinion required where the action asks for one) or a
 * refusal with a Chinese reason; every state reachable from the initial one; final states allow nothing.
 */
import { describe, expect, it } from 'vitest';
import { ROLES } from '../src/db/schema.js';
import type { Machine } from '../src/workflow/plan-machines.js';

const CHINESE = /[\u4e00-\u9fff]/;

export interface MachineCase {
  name: string;
  machine: Machine<string, string>;
  states: readonly string[];
  actions: readonly string[];
  labels: Record<string, string>;
  initial: string;
  final: string[];
}

/** `opinionActions`: the actions whose allowed transitions must require an opinion (a reason). */
export function describeMachines(cases: MachineCase[], opinionActions: readonly string[]): void {
  describe.each(cases)('$name machine', (c) => {
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
            if (opinionActions.includes(a)) expect(rule.opinion).toBe('required');
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
}
