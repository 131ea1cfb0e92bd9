/**
 * A self-evaluation generated from approved targets, moved to a later approved version (an
 * adjustment approved after 生成自评): the indicator tree becomes the new version's, and what
 * the unit already entered (actual, qualitative level, scores, deviation reason, 不适用) is kept
 * on each indicator still approved, matched by its stable id. Level scores and 得分率 are kept
 * where the level's name is unchanged. An indicator the unit added itself (not in the version it
 * was generated from) stays in its 二级指标 when that still exists. Whatever has no place in the
 * new version is returned as `dropped`, so the caller can say so and log it.
 */
import type { Indicator, Level1 } from '../model/evaluation.js';

export interface DroppedIndicator {
  id: string | null;
  /** "一级 › 二级 › 三级" as it was in the evaluation. */
  label: string;
}

const ENTERED = ['actual', 'qualitativeLevel', 'selfScore', 'reviewerScore', 'deviationReason', 'notApplicable'] as const;

function carryLeaf(fresh: Indicator, old: Indicator | undefined): Indicator {
  if (!old) return fresh;
  const out: Indicator = { ...fresh };
  for (const k of ENTERED) (out as Record<string, unknown>)[k] = old[k];
  return out;
}

/**
 * `fresh`: the indicators of the new approved version (see `indicatorsFromTargets`);
 * `previous`: the evaluation's indicators; `previousApprovedIds`: the leaf ids of the version it
 * was generated from (a leaf outside them is one the unit added).
 */
export function carryIndicatorEntries(fresh: readonly Level1[], previous: readonly Level1[], previousApprovedIds: ReadonlySet<string>): { indicators: Level1[]; dropped: DroppedIndicator[] } {
  const oldById = new Map<string, Indicator>();
  const added: Array<{ l1: string; l2: string; leaf: Indicator }> = [];
  const all: Array<{ label: string; leaf: Indicator }> = [];
  for (const l1 of previous) {
    for (const l2 of l1.children) {
      for (const leaf of l2.children) {
        all.push({ label: `${l1.name} › ${l2.name} › ${leaf.name}`, leaf });
        if (leaf.id && previousApprovedIds.has(leaf.id)) oldById.set(leaf.id, leaf);
        else added.push({ l1: l1.name, l2: l2.name, leaf });
      }
    }
  }
  const placed = new Set<Indicator>();
  const indicators = fresh.map((l1): Level1 => {
    const was1 = previous.find((x) => x.name === l1.name);
    return {
      ...l1,
      selfScore: was1?.selfScore ?? l1.selfScore,
      statedScoreRate: was1?.statedScoreRate ?? l1.statedScoreRate,
      children: l1.children.map((l2) => {
        const was2 = was1?.children.find((x) => x.name === l2.name);
        const leaves = l2.children.map((leaf) => {
          const old = leaf.id ? oldById.get(leaf.id) : undefined;
          if (old) placed.add(old);
          return carryLeaf(leaf, old);
        });
        for (const a of added) {
          if (a.l1 === l1.name && a.l2 === l2.name && !(a.leaf.id && leaves.some((x) => x.id === a.leaf.id))) {
            leaves.push(a.leaf);
            placed.add(a.leaf);
          }
        }
        return { ...l2, selfScore: was2?.selfScore ?? l2.selfScore, children: leaves };
      }),
    };
  });
  const dropped = all.filter((x) => !placed.has(x.leaf)).map((x) => ({ id: x.leaf.id ?? null, label: x.label }));
  return { indicators, dropped };
}
