/**
 * Scores given per 二级指标 instead of per 三级指标: the weight and score printed once for a
 * level-2 group (a cell merged down over the group's rows, or — in text, where merges are
 * lost — on its first row only, the others blank) belong to the level 2. Within one level 1
 * the form is consistent, so its one-indicator groups are read the same way.
 */
import type { Indicator, Level1, Level2 } from '@jixiao/core';
import type { Ctx } from '../assemble/draft.js';

/** Per leaf, how many rows its weight cell spans: 0 when covered from above, -1 when the table kept no merges (text). */
export type WeightSpans = Map<Indicator, number>;

function scoredPerGroup(l2: Level2, spans: WeightSpans): boolean {
  const [first, ...rest] = l2.children;
  if (!first || rest.length === 0 || (first.weight === null && first.selfScore === null)) return false;
  if ((spans.get(first) ?? 1) >= l2.children.length) return true;
  // in text the merge is lost: figures on the first row only, the others blank
  const blank = rest.every((x) => x.weight === null && x.selfScore === null);
  return blank && rest.every((x) => spans.get(x) === 0 || spans.get(x) === -1 || !spans.has(x));
}

function moveUp(ctx: Ctx, l1Index: number, l2Index: number, l2: Level2): void {
  const leaf = l2.children[0]!;
  const from = `indicators.${l1Index}.children.${l2Index}.children.0`;
  const to = `indicators.${l1Index}.children.${l2Index}`;
  for (const key of ['weight', 'selfScore'] as const) {
    l2[key] = leaf[key];
    leaf[key] = null;
    const prov = ctx.ev.provenance[`${from}.${key}`];
    if (!prov) continue;
    ctx.ev.provenance[`${to}.${key}`] = prov;
    delete ctx.ev.provenance[`${from}.${key}`];
  }
}

export function liftLevel2Scores(ctx: Ctx, levels: Iterable<Level1>, spans: WeightSpans): void {
  for (const l1 of levels) {
    const i = ctx.ev.indicators.indexOf(l1);
    const grouped = l1.children.map((l2) => scoredPerGroup(l2, spans));
    if (!grouped.some(Boolean)) continue;
    l1.children.forEach((l2, j) => {
      const single = l2.children.length === 1 && l2.weight === null && l2.selfScore === null;
      if (grouped[j] || single) moveUp(ctx, i, j, l2);
    });
  }
}
