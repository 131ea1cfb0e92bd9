/**
 * Level-1 and level-2 weights and scores as the unit's own table implies them: the figure it
 * stated, or else the sum of its children's stated figures when every child states one
 * (not-applicable leaves aside). A summary table then prints 产出指标 45 when the unit filled
 * only the 三级 scores, instead of a gap. Stated figures are never replaced; `derived` says
 * which ones were summed.
 */
import { dec, sumDec } from '../decimal/decimal.js';
import type { Evaluation } from '../model/evaluation.js';

export interface RolledUpFigure {
  /** Decimal string, or null when neither stated nor derivable. */
  value: string | null;
  /** True when summed from the children (not stated at this level). */
  derived: boolean;
}

export interface RolledUpLevel {
  path: string;
  name: string;
  weight: RolledUpFigure;
  score: RolledUpFigure;
}

function sumAll(parts: (string | null)[]): string | null {
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  return sumDec(parts.map((p) => dec(p!))).toString();
}

const fig = (stated: string | null, children: (string | null)[]): RolledUpFigure =>
  stated !== null ? { value: stated, derived: false } : { value: sumAll(children), derived: sumAll(children) !== null };

export function rollUpStatedScores(ev: Pick<Evaluation, 'indicators'>): { level1: RolledUpLevel[]; level2: RolledUpLevel[] } {
  const level1: RolledUpLevel[] = [];
  const level2: RolledUpLevel[] = [];
  ev.indicators.forEach((l1, i) => {
    const own: RolledUpLevel[] = l1.children.map((l2, j) => {
      const leaves = l2.children.filter((x) => !x.notApplicable);
      return {
        path: `indicators.${i}.children.${j}`,
        name: l2.name,
        weight: fig(l2.weight, leaves.map((x) => x.weight)),
        score: fig(l2.selfScore, leaves.map((x) => x.selfScore)),
      };
    });
    level2.push(...own);
    // An empty level-2 (no leaves, nothing stated) adds nothing rather than hiding the sum.
    const counted = own.filter((x, j) => l1.children[j]!.children.length > 0 || x.weight.value !== null || x.score.value !== null);
    level1.push({
      path: `indicators.${i}`,
      name: l1.name,
      weight: fig(l1.weight, counted.map((x) => x.weight.value)),
      score: fig(l1.selfScore, counted.map((x) => x.score.value)),
    });
  });
  return { level1, level2 };
}
