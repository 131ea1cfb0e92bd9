/**
 * Which qualitative band a stated score falls in, lower bounds inclusive: with the
 * national bands 80–100 / 60–80 / 0–60, a score of exactly 80% of the weight is
 * 达成年度指标, not 部分达成. Null when the score is outside [0, weight].
 */
import { dec, type Decimal } from '../decimal/decimal.js';
import type { QualitativeLevel } from '../model/evaluation.js';
import type { Profile } from '../profiles/profile.js';

const ORDER: QualitativeLevel[] = ['achieved', 'partial', 'not_achieved'];

export function classifyQualitativeScore(score: Decimal, weight: Decimal, profile: Profile): QualitativeLevel | null {
  if (score.isNegative() || score.greaterThan(weight)) return null;
  // Bands are checked from the top, so a score on a shared edge belongs to the higher band.
  const sorted = [...ORDER].sort((a, b) => dec(profile.qualitative.bands[b][0]).comparedTo(dec(profile.qualitative.bands[a][0])));
  for (const level of sorted) {
    const [lo, hi] = profile.qualitative.bands[level];
    if (score.greaterThanOrEqualTo(weight.times(lo)) && score.lessThanOrEqualTo(weight.times(hi))) return level;
  }
  return null;
}
