import { dec } from '../../decimal/decimal.js';
import { targetLeaves, targetText, type TargetLeafEntry } from '../../plan/target-tree.js';
import { normaliseTargetText } from '../../targets/normalise-target-text.js';
import { leavesIn, type LeafEntry } from '../finding-helpers.js';
import type { AuditRule, FindingDraft } from '../types.js';

const same = (a: string | null, b: string | null) => normaliseTargetText(a ?? '') === normaliseTargetText(b ?? '');
const sameWeight = (a: string | null, b: string | null) => (a === null || b === null ? a === b : dec(a).equals(dec(b)));

/** Evaluation leaves matched to approved leaves: by id first, then by name among the rest. */
function matchLeaves(approved: TargetLeafEntry[], leaves: readonly LeafEntry[]): Map<TargetLeafEntry, LeafEntry> {
  const out = new Map<TargetLeafEntry, LeafEntry>();
  const free = new Set(leaves);
  for (const a of approved) {
    const hit = [...free].find((l) => l.leaf.id !== null && l.leaf.id === a.leaf.id);
    if (hit) {
      out.set(a, hit);
      free.delete(hit);
    }
  }
  for (const a of approved) {
    if (out.has(a)) continue;
    const hit = [...free].find((l) => l.leaf.id === null && same(l.leaf.name, a.leaf.name));
    if (hit) {
      out.set(a, hit);
      free.delete(hit);
    }
  }
  return out;
}

/**
 * 自评须以批复（或经批准调整）的绩效目标为准：指标名称、指标值和分值不得改动，批复的指标不得缺失。
 * Runs only when the caller passes the approved targets (`auditEvaluation(ev, { approvedTargets })`).
 */
export const approvedTargetsKept: AuditRule = {
  id: 'approved-targets-kept',
  title: { zh: '自评指标应与批复的绩效目标一致', en: 'Indicators keep the approved targets' },
  severity: 'error',
  category: 'consistency',
  check(ctx) {
    const plan = ctx.approvedTargets;
    if (!plan) return [];
    const version = `批复的绩效目标（第 ${plan.version} 版）`;
    const approved = targetLeaves(plan.tree);
    const matched = matchLeaves(approved, leavesIn(ctx));
    const out: FindingDraft[] = [];
    for (const a of approved) {
      const l = matched.get(a);
      const want = targetText(a.leaf);
      if (!l) {
        out.push({
          message: `${version}中的指标“${a.label}”（指标值 ${want}${a.leaf.weight !== null ? `，分值 ${a.leaf.weight}` : ''}）在自评表中缺失；自评须对批复的全部指标逐项打分。`,
          location: { path: 'indicators', label: a.label },
          reported: null,
          expected: want,
          difference: null,
        });
        continue;
      }
      if (!same(l.leaf.name, a.leaf.name)) {
        out.push({ message: `指标名称“${l.leaf.name}”与${version}的“${a.leaf.name}”不一致。`, location: { path: `${l.path}.name`, label: l.label }, reported: l.leaf.name, expected: a.leaf.name, difference: null });
      }
      if (!same(l.leaf.target, want)) {
        out.push({
          message: `“${a.leaf.name}”的年度指标值为 ${l.leaf.target ?? '（空）'}，${version}为 ${want}；指标值只能经目标调整审批后改变。`,
          location: { path: `${l.path}.target`, label: l.label },
          reported: l.leaf.target,
          expected: want,
          difference: null,
        });
      }
      if (!sameWeight(l.leaf.weight, a.leaf.weight)) {
        out.push({
          message: `“${a.leaf.name}”的分值为 ${l.leaf.weight ?? '（空）'}，${version}为 ${a.leaf.weight ?? '（未设分值）'}。`,
          location: { path: `${l.path}.weight`, label: l.label },
          reported: l.leaf.weight,
          expected: a.leaf.weight,
          difference: l.leaf.weight !== null && a.leaf.weight !== null ? dec(l.leaf.weight).minus(a.leaf.weight).toString() : null,
        });
      }
    }
    return out;
  },
};
