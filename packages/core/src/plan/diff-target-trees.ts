/**
 * What an adjustment (目标调整) changes, leaf by leaf (matched by id): a name, target or
 * weight changed, a leaf added or removed. Shown to reviewers beside the reason.
 */
import { dec } from '../decimal/decimal.js';
import { targetLeaves, targetText, type TargetTree } from './target-tree.js';

export interface TargetChange {
  id: string;
  /** The leaf's label, "一级 › 二级 › 三级" (the new one when it still exists). */
  label: string;
  field: 'name' | 'target' | 'weight' | 'core' | 'added' | 'removed';
  from: string | null;
  to: string | null;
}

const sameWeight = (a: string | null, b: string | null) => (a === null || b === null ? a === b : dec(a).equals(dec(b)));

export function diffTargetTrees(before: TargetTree, after: TargetTree): TargetChange[] {
  const old = new Map(targetLeaves(before).map((e) => [e.leaf.id, e]));
  const out: TargetChange[] = [];
  for (const e of targetLeaves(after)) {
    const o = old.get(e.leaf.id);
    if (!o) {
      out.push({ id: e.leaf.id, label: e.label, field: 'added', from: null, to: targetText(e.leaf) });
      continue;
    }
    old.delete(e.leaf.id);
    if (o.leaf.name !== e.leaf.name) out.push({ id: e.leaf.id, label: e.label, field: 'name', from: o.leaf.name, to: e.leaf.name });
    if (targetText(o.leaf) !== targetText(e.leaf)) out.push({ id: e.leaf.id, label: e.label, field: 'target', from: targetText(o.leaf), to: targetText(e.leaf) });
    if (!sameWeight(o.leaf.weight, e.leaf.weight)) out.push({ id: e.leaf.id, label: e.label, field: 'weight', from: o.leaf.weight, to: e.leaf.weight });
    if (o.leaf.core !== e.leaf.core) out.push({ id: e.leaf.id, label: e.label, field: 'core', from: o.leaf.core ? '是' : '否', to: e.leaf.core ? '是' : '否' });
  }
  for (const o of old.values()) out.push({ id: o.leaf.id, label: o.label, field: 'removed', from: targetText(o.leaf), to: null });
  return out;
}
