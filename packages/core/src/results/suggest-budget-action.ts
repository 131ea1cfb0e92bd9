/**
 * 结果应用: the budget action a grade suggests for next year, from the profile's rules
 * (`profile.resultApplication`: grade name → action id, and the action's Chinese name). The
 * grade used is the most considered one available: the third-party 抽评等级, else the grade of
 * the finance bureau's re-score, else the computed grade. Pure.
 */
import { dec } from '../decimal/decimal.js';
import type { Profile } from '../profiles/profile.js';
import { gradeScore } from '../scoring/grade-score.js';

export type GradeBasis = 'sample' | 'review' | 'computed';
export const GRADE_BASIS_LABELS: Record<GradeBasis, string> = { sample: '抽评等级', review: '财政复核得分的等级', computed: '系统计算等级' };

export interface BudgetSuggestion {
  grade: string | null;
  gradeBasis: GradeBasis;
  action: string;
  actionLabel: string;
  /** e.g. "抽评等级“差” → 大幅压减或取消". */
  explanation: string;
}

export interface GradeSources {
  sampleGrade: string | null;
  reviewTotal: string | null;
  computedGrade: string | null;
}

export function actionLabel(profile: Profile, action: string): string {
  return profile.resultApplication.actions.find((a) => a.id === action)?.label ?? action;
}

export function suggestBudgetAction(profile: Profile, g: GradeSources): BudgetSuggestion {
  const rules = profile.resultApplication;
  const [grade, gradeBasis]: [string | null, GradeBasis] =
    g.sampleGrade !== null ? [g.sampleGrade, 'sample'] : g.reviewTotal !== null ? [gradeScore(dec(g.reviewTotal), profile), 'review'] : [g.computedGrade, 'computed'];
  const action = grade !== null ? rules.byGrade[grade] ?? rules.ungradable : rules.ungradable;
  const label = actionLabel(profile, action);
  const explanation = grade !== null ? `${GRADE_BASIS_LABELS[gradeBasis]}“${grade}” → ${label}` : `无法定级 → ${label}`;
  return { grade, gradeBasis, action, actionLabel: label, explanation };
}
