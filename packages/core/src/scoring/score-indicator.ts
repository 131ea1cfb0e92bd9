/**
 * Score one leaf indicator by the profile's formulas:
 * - "≥" / ">" / "=": actual ≥ target → full weight, else weight × actual ÷ target;
 *   "=" with target 0 scores only when actual ≤ 0; at or above the over-achievement
 *   threshold the status is 'over_achieved' (full weight, explanation required);
 * - "≤" / "<" (reverse): actual ≤ target → full, else `target_over_actual`
 *   (weight × target ÷ actual) or `linear_to_zero` (weight × (1 − (actual − target) ÷ target), floored at 0);
 * - ranges: inside → full; below → like "≥" against the lower end; above → like "≤" against the upper end;
 * - qualitative: the band of the stated level (or the level the actual word implies);
 *   computed is the band's maximum, computedRange the band.
 * Scores are clamped to [0, weight]; a negative actual counts as 0.
 */
import { Decimal, ONE, ZERO, clamp, dec, decOrNull, formatDecimal, formatPercent, maxDec } from '../decimal/decimal.js';
import type { Indicator, QualitativeLevel } from '../model/evaluation.js';
import type { Profile } from '../profiles/profile.js';
import { SIGN_SYMBOL, formatTargetValue } from '../targets/format-target.js';
import { parseActual } from '../targets/parse-actual.js';
import { parseTarget } from '../targets/parse-target.js';
import type { ParsedActual, ParsedTarget } from '../targets/types.js';
import type { IndicatorStatus, ScoredIndicator } from './types.js';

export const QUALITATIVE_LEVEL_LABELS: Record<QualitativeLevel, string> = {
  achieved: '达成年度指标',
  partial: '部分达成并具有一定效果',
  not_achieved: '未达成且效果较差',
};

export interface ScoreIndicatorContext {
  profile: Profile;
  /** Model path of the indicator, e.g. "indicators.0.children.2.children.1". */
  path?: string;
  level1?: string;
  level2?: string;
  /** Weight after rescaling for not-applicable indicators; defaults to the indicator's weight. */
  effectiveWeight?: Decimal | null;
}

interface Outcome {
  status: IndicatorStatus;
  achievement: Decimal | null;
  computed: Decimal | null;
  computedRange: { min: Decimal; max: Decimal } | null;
  explanation: string;
  /** Profile knobs the outcome depends on. */
  knobs?: string[];
  /** Qualitative level, and whether jixiao inferred it (not stated by the unit). */
  level?: QualitativeLevel;
  inferred?: boolean;
}

const YES_NO = new Set(['是', '否']);

export function scoreIndicator(indicator: Indicator, ctx: ScoreIndicatorContext): ScoredIndicator {
  const { profile } = ctx;
  const weight = decOrNull(indicator.weight);
  const effectiveWeight = ctx.effectiveWeight === undefined ? weight : ctx.effectiveWeight;
  const hints = { sign: indicator.sign, unitOfMeasure: indicator.unitOfMeasure };
  const targetText = indicator.target?.trim() ?? '';
  const target: ParsedTarget | null = targetText === '' ? null : parseTarget(targetText, hints);
  const actual: ParsedActual | null =
    indicator.actual === null || indicator.actual === undefined ? null : parseActual(indicator.actual, hints);
  const base = {
    path: ctx.path ?? '',
    level1: ctx.level1 ?? '',
    level2: ctx.level2 ?? '',
    name: indicator.name,
    weight,
    effectiveWeight,
    target,
    actual,
    stated: decOrNull(indicator.selfScore),
  };

  if (indicator.notApplicable) {
    return {
      ...base,
      effectiveWeight: null,
      status: 'not_applicable',
      achievement: null,
      computed: null,
      computedRange: null,
      explanation:
        profile.notApplicable === 'rescale' ? '不适用，已剔除，其余指标分值按比例折算' : '不适用，已剔除（不折算其余指标）',
      knobs: ['notApplicable'],
    };
  }

  const outcome = scoreOutcome(indicator, target, actual, effectiveWeight, profile);
  let explanation = outcome.explanation;
  const knobs = [...(outcome.knobs ?? [])];
  if (weight !== null && effectiveWeight !== null && !weight.equals(effectiveWeight)) {
    const f = (d: Decimal) => formatDecimal(d, profile.rounding.places);
    explanation = `（剔除不适用指标后分值由 ${f(weight)} 折算为 ${f(effectiveWeight)}）${explanation}`;
    knobs.unshift('notApplicable');
  }
  // Spelled out (same key order as `{ ...base, ...outcome, explanation }`): spreading two
  // objects per leaf was a measurable part of scoring.
  return {
    path: base.path,
    level1: base.level1,
    level2: base.level2,
    name: base.name,
    weight: base.weight,
    effectiveWeight: base.effectiveWeight,
    target: base.target,
    actual: base.actual,
    stated: base.stated,
    status: outcome.status,
    achievement: outcome.achievement,
    computed: outcome.computed,
    computedRange: outcome.computedRange,
    explanation,
    knobs,
    qualitativeLevel: outcome.level ?? null,
    levelInferred: outcome.inferred ?? false,
  };
}

function scoreOutcome(
  indicator: Indicator,
  target: ParsedTarget | null,
  actual: ParsedActual | null,
  weight: Decimal | null,
  profile: Profile,
): Outcome {
  const isQualitative =
    target?.kind === 'qualitative' ||
    (target === null && (indicator.sign === 'qualitative' || indicator.qualitativeLevel !== null));
  if (isQualitative) {
    return scoreQualitative(indicator, target, actual, weight, profile);
  }
  if (target === null) {
    return none('no_target', '未填写年度指标值，无法计算得分');
  }
  if (target.kind === 'unparseable') {
    return none('unparseable', `年度指标值“${target.raw.trim()}”无法识别：${target.reason}`);
  }
  if (target.kind !== 'quantitative') return none('unparseable', '年度指标值无法识别');
  if (actual === null || actual.kind === 'empty') {
    return none('no_actual', '数值型指标未填写实际完成值，无法计算得分');
  }
  if (actual.kind === 'unparseable') {
    return none('unparseable', `实际完成值“${actual.raw.trim()}”无法识别：${actual.reason}`);
  }
  if (actual.kind !== 'quantitative') {
    return none('no_actual', `数值型指标的实际完成值“${actual.word}”不是数值，无法计算得分`);
  }
  const outcome = scoreQuantitative(target, actual.value, weight, profile);
  const mismatch = unitMismatch(target, actual);
  return mismatch ? { ...outcome, explanation: `${outcome.explanation}（${mismatch}）` } : outcome;
}

/** A note when the target and the actual are written in different units (not converted). */
function unitMismatch(
  target: Extract<ParsedTarget, { kind: 'quantitative' }>,
  actual: Extract<ParsedActual, { kind: 'quantitative' }>,
): string | null {
  if (target.percent && !actual.percent && actual.unit !== null) {
    return `指标值为百分比，实际完成值单位为“${actual.unit}”，未换算`;
  }
  if (!target.percent && actual.percent && target.unit !== null) {
    return `指标值单位为“${target.unit}”，实际完成值为百分比，未换算`;
  }
  if (target.unit !== null && actual.unit !== null && target.unit !== actual.unit) {
    return `指标值单位“${target.unit}”与实际完成值单位“${actual.unit}”不一致，未换算`;
  }
  return null;
}

function none(status: IndicatorStatus, explanation: string): Outcome {
  return { status, achievement: null, computed: null, computedRange: null, explanation };
}

function scoreQuantitative(
  target: Extract<ParsedTarget, { kind: 'quantitative' }>,
  actualValue: Decimal,
  weight: Decimal | null,
  profile: Profile,
): Outcome {
  const places = profile.rounding.places;
  const f = (d: Decimal) => formatDecimal(d, places);
  const show = (d: Decimal) => formatTargetValue(d, target);
  let prefix = '';
  let a = actualValue;
  if (a.isNegative()) {
    prefix = `实际值 ${f(a)} 为负，按 0 计；`;
    a = ZERO;
  }
  const noWeight = '未填写分值，无法计算得分';
  const finish = (
    status: IndicatorStatus,
    achievement: Decimal | null,
    formula: ((w: Decimal) => { value: Decimal; text: string }) | null,
    text: string,
  ): Outcome => {
    if (weight === null) {
      return { status, achievement, computed: null, computedRange: null, explanation: `${prefix}${text}；${noWeight}` };
    }
    if (formula === null) {
      return { status, achievement, computed: weight, computedRange: null, explanation: `${prefix}${text}，得满分 ${f(weight)}` };
    }
    const r = formula(weight);
    const computed = clamp(r.value, ZERO, weight);
    const clampNote = computed.equals(r.value) ? '' : `，按 [0, ${f(weight)}] 取 ${f(computed)}`;
    return { status, achievement, computed, computedRange: null, explanation: `${prefix}${text}：${r.text} = ${f(r.value)}${clampNote}` };
  };

  const t = target.value;

  // Ranges: value is the lower end, upper the upper end.
  if (target.upper !== null) {
    const hi = target.upper;
    const label = `区间指标（${show(t)}–${show(hi)}）`;
    if (a.greaterThanOrEqualTo(t) && a.lessThanOrEqualTo(hi)) {
      return finish('met', t.isZero() ? null : a.dividedBy(t), null, `${label}：实际 ${show(a)} 在区间之内`);
    }
    if (a.lessThan(t)) {
      return finish('unmet', a.dividedBy(t), (w) => ({ value: w.times(a).dividedBy(t), text: `${f(w)} × ${f(a)} ÷ ${f(t)}` }), `${label}低于下限`);
    }
    return reverseUnmet(hi, a, `${label}高于上限`, finish, profile);
  }

  const sym = SIGN_SYMBOL[target.sign];
  if (target.sign === '<=' || target.sign === '<') {
    const achievement = a.isZero() ? null : t.dividedBy(a);
    if (a.lessThanOrEqualTo(t)) {
      return finish('met', achievement, null, `${sym} 指标：实际 ${show(a)} 未超过目标 ${show(t)}`);
    }
    return reverseUnmet(t, a, `${sym} 指标`, finish, profile);
  }

  // ">=", ">" and "=".
  if (target.sign === '=' && t.isZero()) {
    if (a.lessThanOrEqualTo(ZERO)) return finish('met', null, null, `= 指标（目标为 0）：实际 ${show(a)}`);
    return finish('unmet', null, () => ({ value: ZERO, text: `实际 ${show(a)} 不为 0，得 0 分` }), `= 指标（目标为 0）`);
  }
  if (!t.isPositive() || t.isZero()) {
    // Target ≤ 0 with a non-negative actual: always reached.
    return finish('met', null, null, `${sym} 指标：实际 ${show(a)} 达到目标 ${show(t)}`);
  }
  const achievement = a.dividedBy(t);
  const threshold = dec(profile.quantitative.overAchievementThreshold);
  if (achievement.greaterThanOrEqualTo(threshold)) {
    return withKnob('quantitative.overAchievementThreshold', finish(
      'over_achieved',
      achievement,
      null,
      `${sym} 指标：实际 ${show(a)} 为目标 ${show(t)} 的 ${formatPercent(achievement, places)}，达到超额完成阈值 ${formatPercent(threshold, places)}，须说明超额原因`,
    ));
  }
  if (a.greaterThanOrEqualTo(t)) {
    return finish('met', achievement, null, `${sym} 指标：实际 ${show(a)} 达到目标 ${show(t)}`);
  }
  return finish('unmet', achievement, (w) => ({ value: w.times(a).dividedBy(t), text: `${f(w)} × ${f(a)} ÷ ${f(t)}` }), `${sym} 指标`);
}

type Finish = (
  status: IndicatorStatus,
  achievement: Decimal | null,
  formula: ((w: Decimal) => { value: Decimal; text: string }) | null,
  text: string,
) => Outcome;

function withKnob(knob: string, o: Outcome): Outcome {
  return { ...o, knobs: [...(o.knobs ?? []), knob] };
}

/** Reverse indicator above its target (a > t ≥ …). */
function reverseUnmet(t: Decimal, a: Decimal, label: string, finish: Finish, profile: Profile): Outcome {
  return withKnob('reverse.formula', reverseUnmetOutcome(t, a, label, finish, profile));
}

function reverseUnmetOutcome(t: Decimal, a: Decimal, label: string, finish: Finish, profile: Profile): Outcome {
  const f = (d: Decimal) => formatDecimal(d, profile.rounding.places);
  const achievement = a.isZero() ? null : t.dividedBy(a);
  if (!t.isPositive() || t.isZero()) {
    return finish('unmet', achievement, () => ({ value: ZERO, text: `目标为 ${f(t)}，实际 ${f(a)} 超过目标，得 0 分` }), label);
  }
  if (profile.reverse.formula === 'linear_to_zero') {
    return finish(
      'unmet',
      achievement,
      (w) => ({
        value: maxDec(ZERO, w.times(ONE.minus(a.minus(t).dividedBy(t)))),
        text: `${f(w)} × (1 − (${f(a)} − ${f(t)}) ÷ ${f(t)})`,
      }),
      label,
    );
  }
  return finish('unmet', achievement, (w) => ({ value: w.times(t).dividedBy(a), text: `${f(w)} × ${f(t)} ÷ ${f(a)}` }), label);
}

function scoreQualitative(
  indicator: Indicator,
  target: ParsedTarget | null,
  actual: ParsedActual | null,
  weight: Decimal | null,
  profile: Profile,
): Outcome {
  const places = profile.rounding.places;
  const f = (d: Decimal) => formatDecimal(d, places);
  let level: QualitativeLevel | null = indicator.qualitativeLevel;
  let source = '依据填报的定性等级';
  const inferred = level === null;
  if (level === null && actual !== null) {
    const word = actual.kind === 'qualitative' ? actual.word : null;
    const targetLevel = target?.kind === 'qualitative' ? target.level : null;
    if (word !== null && targetLevel !== null && YES_NO.has(word) && YES_NO.has(targetLevel)) {
      level = word === targetLevel ? 'achieved' : 'not_achieved';
    } else if (word !== null && targetLevel !== null && word === targetLevel) {
      level = 'achieved';
    } else if (actual.kind === 'qualitative') {
      level = actual.level;
    }
    // jixiao's reading of the wording, not a level the unit stated: said so wherever it shows.
    if (word !== null) source = `jixiao 依据实际完成值“${word}”推定，非单位填报的等级`;
  }
  if (level === null) {
    if (actual === null || actual.kind === 'empty') {
      return none('no_actual', '定性指标未填写实际完成值，也未填报定性等级，无法计算得分');
    }
    const shown = actual.raw.trim();
    return none('unparseable', `无法从实际完成值“${shown}”判断定性等级（达成 / 部分达成 / 未达成）`);
  }
  const [lo, hi] = profile.qualitative.bands[level];
  const loR = dec(lo);
  const hiR = dec(hi);
  const label = `定性指标（${inferred ? '推定为' : ''}${QUALITATIVE_LEVEL_LABELS[level]}，${source}）`;
  const marks = { knobs: ['qualitative.bands'], level, inferred };
  if (weight === null) {
    return {
      status: 'qualitative',
      achievement: null,
      computed: null,
      computedRange: null,
      explanation: `${label}：得分区间为分值的 ${formatPercent(loR, places)}–${formatPercent(hiR, places)}；未填写分值，无法计算得分`,
      ...marks,
    };
  }
  const min = weight.times(loR);
  const max = weight.times(hiR);
  return {
    status: 'qualitative',
    achievement: null,
    computed: max,
    computedRange: { min, max },
    explanation: `${label}：得分区间 ${f(min)}–${f(max)}（分值 ${f(weight)} 的 ${formatPercent(loR, places)}–${formatPercent(hiR, places)}），取上限 ${f(max)}`,
    ...marks,
  };
}
