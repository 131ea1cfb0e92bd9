/**
 * jixiao's check of the grade, printed beside the unit's statement. The report states the unit's
 * own total and grade; where the profile's recomputation cannot be graded (core's
 * `ungradableReason`: weights that do not add up to the profile's total, unscored indicators,
 * scores above weights, no total), a reader needs to know that the stated grade has no basis a
 * rule can confirm — so the report says so next to it and names the rule, never replacing it.
 */
import type { ReportFigures } from './compute-report-figures.js';

type Fig = Pick<ReportFigures, 'score' | 'profile' | 'grade'>;

/** The reasons the total cannot be graded, without the leading "无法定级："; null when it can be. */
export function ungradableReasons(fig: Pick<ReportFigures, 'score'>): string | null {
  const r = fig.score.ungradableReason;
  return r ? r.replace(/^无法定级[：:]\s*/, '') : null;
}

/** The sentence after the report's conclusion; null when the total can be graded. */
export function gradeCheckSentence(fig: Fig): string | null {
  const reasons = ungradableReasons(fig);
  if (reasons === null) return null;
  const stated = fig.grade ? `上述评价等级“${fig.grade}”为单位自评所述，未经评分规则核定。` : '';
  return `按评分规则“${fig.profile.name}”（${fig.profile.id}@${fig.profile.version}）核对，评分表无法定级：${reasons}。${stated}`;
}

/** The text of a table cell beside the stated grade; null when the total can be graded. */
export function gradeCheckCell(fig: Fig): string | null {
  const reasons = ungradableReasons(fig);
  return reasons === null ? null : `无法定级（${reasons}）`;
}
