/** The grade a score earns under a profile's bands (a score gets the first grade whose min it reaches). */
import { Decimal, dec } from '../decimal/decimal.js';
import type { Profile } from '../profiles/profile.js';

export interface GradeBandOfScore {
  name: string;
  min: Decimal;
  /** Exclusive upper bound (the next grade's min); null for the top grade. */
  max: Decimal | null;
}

function sortedGrades(profile: Profile): GradeBandOfScore[] {
  const gs = [...profile.grades].map((g) => ({ name: g.name, min: dec(g.min) }));
  gs.sort((a, b) => b.min.comparedTo(a.min));
  return gs.map((g, i) => ({ ...g, max: i === 0 ? null : gs[i - 1]!.min }));
}

/** The band a score falls in; scores below every min get the lowest grade. */
export function gradeBandOf(score: Decimal, profile: Profile): GradeBandOfScore {
  const bands = sortedGrades(profile);
  for (const b of bands) if (score.greaterThanOrEqualTo(b.min)) return b;
  return bands[bands.length - 1]!;
}

export function gradeScore(score: Decimal, profile: Profile): string {
  return gradeBandOf(score, profile).name;
}
