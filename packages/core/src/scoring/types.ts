/**
 * Result types of the scoring engine. Every computed score carries its explanation in
 * Chinese (e.g. "10 × 93 ÷ 95 = 9.79") and every result records the profile that made it.
 */
import type { Decimal } from '../decimal/decimal.js';
import type { QualitativeLevel } from '../model/evaluation.js';
import type { KnobBasis } from '../profiles/profile-sources.js';
import type { ParsedActual, ParsedTarget } from '../targets/types.js';

export interface ProfileStamp {
  id: string;
  version: string;
  name: string;
}

export type IndicatorStatus =
  | 'met' // quantitative target reached
  | 'unmet' // quantitative target not reached
  | 'over_achieved' // at or above the profile's over-achievement threshold
  | 'qualitative' // scored within a qualitative band
  | 'not_applicable' // dropped, remaining weights rescaled
  | 'no_target' // no usable target text
  | 'no_actual' // numeric target but no numeric actual
  | 'unparseable' // target or actual text could not be read
  | 'base_data' // a department-framework line scored from the base-data sheet
  | 'stated_only'; // a department-framework judgement line: the unit's own score is taken

export interface ScoredIndicator {
  /** Model path, e.g. "indicators.0.children.2.children.1". */
  path: string;
  level1: string;
  level2: string;
  name: string;
  weight: Decimal | null;
  /** Weight after rescaling for not-applicable indicators (equals weight otherwise). */
  effectiveWeight: Decimal | null;
  target: ParsedTarget | null;
  actual: ParsedActual | null;
  status: IndicatorStatus;
  /** actual ÷ target for "≥" style, target ÷ actual for reverse; null when not numeric. */
  achievement: Decimal | null;
  /** The score the profile's formula gives; for qualitative, the band's range. */
  computed: Decimal | null;
  computedRange: { min: Decimal; max: Decimal } | null;
  stated: Decimal | null;
  /** e.g. "≤ 指标：5 × 263.38 ÷ 265.45 = 4.96" */
  explanation: string;
  /** Profile knobs the score used (keys of `ScoreResult.basis`). */
  knobs?: string[];
  /** The qualitative level scored by, and whether jixiao inferred it from the actual's wording
   * (基本健全 → 部分达成) rather than the unit stating it. */
  qualitativeLevel?: QualitativeLevel | null;
  levelInferred?: boolean;
}

export interface ScoredLevel1 {
  path: string;
  name: string;
  /** Weight as headed in the table, e.g. "(50分)". */
  headedWeight: Decimal | null;
  /** Sum of the weights of its leaf indicators (null when it has none). */
  childWeightSum: Decimal | null;
  stated: Decimal | null;
  /** Sum of leaf computed scores; null when it has no scorable leaves. */
  computed: Decimal | null;
  explanation: string;
  /** Sum of the stated scores of its leaf indicators (null when none is stated). */
  statedChildSum?: Decimal | null;
  /** Number of leaf indicators under it (not-applicable ones included). */
  leafCount?: number;
  knobs?: string[];
}

export interface ScoredExecution {
  /** executed ÷ base, as a ratio (1 = 100%). */
  rate: Decimal | null;
  base: 'adjusted' | 'initial';
  baseAmount: Decimal | null;
  executed: Decimal | null;
  weight: Decimal | null;
  computed: Decimal | null;
  stated: Decimal | null;
  explanation: string;
  /** True when the profile's base (adjusted) was not stated and the other base was used. */
  baseFallback?: boolean;
  knobs?: string[];
}

export interface ScoreResult {
  profile: ProfileStamp;
  execution: ScoredExecution;
  indicators: ScoredIndicator[];
  level1: ScoredLevel1[];
  /** execution weight + leaf weights (or level-1 weights where a level has no leaves). */
  totalWeight: Decimal;
  /** execution score + indicator scores, as the profile computes them. */
  computedTotal: Decimal | null;
  statedTotal: Decimal | null;
  computedGrade: string | null;
  statedGrade: string | null;
  /** Chinese lines explaining the total and grade. */
  explanation: string[];
  /** Sum of the indicator parts of computedTotal (without execution); null when none. */
  computedIndicatorTotal?: Decimal | null;
  /**
   * Why the total cannot be graded — weights that do not add up to the profile's total,
   * unscored indicators, scores above their weights, no total at all — as one Chinese line
   * "无法定级：…"; null when it can (then `computedGrade` is set).
   */
  ungradableReason: string | null;
  /** The reasons one by one (empty when gradable). */
  gradeBlockers: string[];
  /** Knobs of the total and the grade. */
  totalKnobs: string[];
  /** The sources of every knob the lines name, in first-use order. */
  basis: KnobBasis[];
}

/** One department-level formula of the 2013 common framework, computed from the base-data sheet. */
export interface DepartmentFormula {
  id: string; // e.g. "staffing-control-rate"
  name: string; // e.g. "在职人员控制率"
  value: Decimal | null; // ratio (1 = 100%)
  stated: string | null; // as printed, percent units
  explanation: string; // e.g. "11 ÷ 12 = 91.67%"
}
