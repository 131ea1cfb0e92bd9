/**
 * The common end of every scoring: the profile stamp, the grade line (or "无法定级：…") and the
 * sources of the knobs a result used.
 */
import { type Decimal, formatDecimal } from '../decimal/decimal.js';
import type { Profile } from '../profiles/profile.js';
import { knobBasis, type KnobBasis } from '../profiles/profile-sources.js';
import { ungradableText } from './assess-gradability.js';
import { gradeBandOf } from './grade-score.js';
import type { ProfileStamp, ScoreResult } from './types.js';

export function profileStamp(profile: Profile): ProfileStamp {
  return { id: profile.id, version: profile.version, name: profile.name };
}

/**
 * The grade of a recomputed total, or null with the reasons in the explanation ("无法定级：…")
 * when the total cannot be graded.
 */
export function gradeLine(total: Decimal | null, blockers: readonly string[], profile: Profile, explanation: string[]): string | null {
  const f = (d: Decimal) => formatDecimal(d, profile.rounding.places);
  if (blockers.length > 0 || total === null) {
    explanation.push(ungradableText(blockers) ?? '无法定级');
    return null;
  }
  const band = gradeBandOf(total, profile);
  const range = band.max === null ? `≥ ${f(band.min)}` : `在 [${f(band.min)}, ${f(band.max)}) 之间`;
  explanation.push(`等级：${f(total)} ${range} → ${band.name}（${profile.name} ${profile.version}）`);
  return band.name;
}

/** Fill `basis` with the sources of every knob the result's lines name, in first-use order. */
export function withBasis(profile: Profile, r: ScoreResult): ScoreResult {
  const keys: string[] = [];
  const add = (ks: readonly string[] | undefined) => {
    for (const k of ks ?? []) if (!keys.includes(k)) keys.push(k);
  };
  add(r.execution.knobs);
  for (const l of r.level1) add(l.knobs);
  for (const s of r.indicators) add(s.knobs);
  add(r.totalKnobs);
  const basis: KnobBasis[] = [];
  for (const k of keys) {
    const b = knobBasis(profile, k);
    if (b) basis.push(b);
  }
  return { ...r, basis };
}

/** A ScoreResult from its parts: the profile stamp, the "无法定级" line of the blockers, the knobs' sources. */
export function scoreResult(profile: Profile, r: Omit<ScoreResult, 'profile' | 'ungradableReason' | 'basis'>): ScoreResult {
  return withBasis(profile, { ...r, profile: profileStamp(profile), ungradableReason: ungradableText(r.gradeBlockers), basis: [] });
}
