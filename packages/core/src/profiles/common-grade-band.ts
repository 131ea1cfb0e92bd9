/**
 * Common grade bands for statistics across profiles. Jurisdictions name their grades
 * differently (优 / 良 / 中 / 差, 优秀 / 良好 / 一般 / 较差 …); each profile maps its names onto
 * these bands (`gradeBands`, profile data with a source), so a chart over two profiles shows one
 * slice per band, labelled with the local names it holds.
 */
import type { Profile } from './profile.js';

export const COMMON_GRADE_BANDS = [
  { id: 'excellent', label: '优' },
  { id: 'good', label: '良' },
  { id: 'fair', label: '中' },
  { id: 'poor', label: '差' },
] as const;
export type CommonGradeBand = (typeof COMMON_GRADE_BANDS)[number]['id'];
export const COMMON_GRADE_BAND_IDS = COMMON_GRADE_BANDS.map((b) => b.id) as [CommonGradeBand, ...CommonGradeBand[]];

/** The common band of a grade name under a profile; null when the profile does not map it. */
export function commonGradeBand(profile: Pick<Profile, 'gradeBands'>, grade: string): CommonGradeBand | null {
  return profile.gradeBands?.[grade] ?? null;
}

/** Grade names of the profile that `gradeBands` leaves unmapped (a shipped profile has none). */
export function unmappedGrades(profile: Pick<Profile, 'grades' | 'gradeBands'>): string[] {
  return profile.grades.map((g) => g.name).filter((n) => commonGradeBand(profile, n) === null);
}
