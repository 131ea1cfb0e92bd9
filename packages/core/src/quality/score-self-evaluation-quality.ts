/**
 * 自评质量: how well a unit did its self-evaluation, scored from the profile's rubric
 * (`profile.quality`) in six parts — completeness, internal consistency (the audit's errors and
 * warnings), target quality, distortion (self total against the re-score, else the computed
 * total; 失真 at the profile's threshold), the share of indicators at full marks, and deviation
 * reasons given. Pure: the caller passes the evaluation, its score and audit, and the reference
 * total. Each part carries its figures and a Chinese line saying how it was reached.
 */
import { dec, formatDecimal, type Decimal } from '../decimal/decimal.js';
import type { Evaluation, Indicator } from '../model/evaluation.js';
import type { Profile } from '../profiles/profile.js';
import type { AuditResult } from '../audit/types.js';
import type { ScoreResult } from '../scoring/types.js';

export const QUALITY_PARTS = ['completeness', 'consistency', 'targets', 'distortion', 'fullMarks', 'deviationReasons'] as const;
export type QualityPartId = (typeof QUALITY_PARTS)[number];

export const QUALITY_PART_LABELS: Record<QualityPartId, string> = {
  completeness: '填报完整性',
  consistency: '内部一致性',
  targets: '绩效目标质量',
  distortion: '自评失真',
  fullMarks: '满分指标占比',
  deviationReasons: '偏差原因说明',
};

export interface QualityPart {
  id: QualityPartId;
  label: string;
  weight: Decimal;
  score: Decimal;
  /** How it was reached, in Chinese (figures included). */
  explanation: string;
}

export interface SelfEvaluationQuality {
  parts: QualityPart[];
  total: Decimal;
  /** True when the gap between the self total and the reference reaches the profile's 失真 threshold. */
  distorted: boolean;
  profile: { id: string; version: string };
}

export interface QualityInput {
  evaluation: Evaluation;
  profile: Profile;
  score: ScoreResult | null;
  audit: AuditResult | null;
  /** The re-score total (third-party or finance) when there is one; otherwise the computed total is the reference. */
  reviewTotal: string | null;
}

const ZERO = dec(0);
const clamp = (x: Decimal, max: Decimal) => (x.lt(0) ? ZERO : x.gt(max) ? max : x);
const share = (n: number, of: number) => (of === 0 ? dec(1) : dec(n).div(of));
const pct = (d: Decimal) => `${d.times(100).toDecimalPlaces(1).toString()}%`;
const filled = (s: string | null | undefined) => s !== null && s !== undefined && String(s).trim() !== '';

function leaves(e: Evaluation): Indicator[] {
  return e.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.children)).filter((x) => !x.notApplicable);
}

export function scoreCompleteness(e: Evaluation, weight: Decimal): QualityPart {
  const items: (string | null | undefined)[] = [
    e.funds.total.initial,
    e.funds.total.adjusted ?? e.funds.total.initial,
    e.funds.total.executed,
    e.budgetExecution.selfScore,
    e.totals.statedScore,
    e.totals.statedGrade,
    ...leaves(e).flatMap((x) => [x.target, x.actual, x.selfScore]),
  ];
  const done = items.filter(filled).length;
  const s = share(done, items.length);
  return { id: 'completeness', label: QUALITY_PART_LABELS.completeness, weight, score: weight.times(s), explanation: `应填 ${items.length} 项，已填 ${done} 项（${pct(s)}）：${weight} × ${pct(s)}` };
}

export function scoreConsistency(audit: AuditResult | null, r: Profile['quality']['consistency']): QualityPart {
  const weight = dec(r.weight);
  if (!audit) return { id: 'consistency', label: QUALITY_PART_LABELS.consistency, weight, score: ZERO, explanation: '报告无法审核，不得分' };
  const { error, warning } = audit.counts;
  const score = clamp(weight.minus(dec(r.perError).times(error)).minus(dec(r.perWarning).times(warning)), weight);
  return { id: 'consistency', label: QUALITY_PART_LABELS.consistency, weight, score, explanation: `审核错误 ${error} 个（每个扣 ${r.perError}）、提醒 ${warning} 个（每个扣 ${r.perWarning}），扣完为止` };
}

export function scoreTargets(score: ScoreResult | null, weight: Decimal): QualityPart {
  const rows = (score?.indicators ?? []).filter((x) => x.status !== 'not_applicable' && x.status !== 'base_data' && x.status !== 'stated_only');
  const measurable = rows.filter((x) => x.target?.kind === 'quantitative').length;
  const s = share(measurable, rows.length);
  return { id: 'targets', label: QUALITY_PART_LABELS.targets, weight, score: weight.times(s), explanation: `三级指标 ${rows.length} 个，指标值可量化 ${measurable} 个（${pct(s)}）` };
}

export function scoreDistortion(e: Evaluation, score: ScoreResult | null, reviewTotal: string | null, r: Profile['quality']['distortion']): QualityPart & { distorted: boolean } {
  const weight = dec(r.weight);
  const self = e.totals.statedScore ?? score?.statedTotal?.toString() ?? null;
  const refText = reviewTotal ?? score?.computedTotal?.toString() ?? null;
  const refName = reviewTotal !== null ? '复评得分' : '系统计算得分';
  if (self === null || refText === null) {
    return { id: 'distortion', label: QUALITY_PART_LABELS.distortion, weight, score: ZERO, distorted: false, explanation: '缺少自评总分或参照得分，无法判断失真，不得分' };
  }
  const gap = dec(self).minus(refText).abs();
  const threshold = dec(r.threshold);
  const s = clamp(dec(1).minus(gap.div(threshold)), dec(1));
  const distorted = gap.gte(threshold);
  return {
    id: 'distortion',
    label: QUALITY_PART_LABELS.distortion,
    weight,
    score: weight.times(s),
    distorted,
    explanation: `自评 ${self} 与${refName} ${formatDecimal(dec(refText))} 相差 ${formatDecimal(gap)}，${distorted ? `达到失真线 ${threshold} 分，不得分` : `失真线 ${threshold} 分：${weight} × (1 − ${formatDecimal(gap)} ÷ ${threshold})`}`,
  };
}

export function scoreFullMarks(e: Evaluation, r: Profile['quality']['fullMarks']): QualityPart {
  const weight = dec(r.weight);
  const rows = leaves(e).filter((x) => filled(x.weight) && filled(x.selfScore));
  const full = rows.filter((x) => dec(x.selfScore!).gte(x.weight!)).length;
  const s = share(full, rows.length);
  const tol = dec(r.tolerance);
  const factor = rows.length === 0 ? ZERO : s.lte(tol) ? dec(1) : dec(1).minus(s).div(dec(1).minus(tol));
  return { id: 'fullMarks', label: QUALITY_PART_LABELS.fullMarks, weight, score: weight.times(factor), explanation: `有得分的指标 ${rows.length} 个，满分 ${full} 个（${pct(s)}）；不超过 ${pct(tol)} 不扣分，100% 不得分` };
}

export function scoreDeviationReasons(e: Evaluation, weight: Decimal): QualityPart {
  const below = leaves(e).filter((x) => filled(x.weight) && filled(x.selfScore) && dec(x.selfScore!).lt(x.weight!));
  const explained = below.filter((x) => filled(x.deviationReason)).length;
  const s = share(explained, below.length);
  return { id: 'deviationReasons', label: QUALITY_PART_LABELS.deviationReasons, weight, score: weight.times(s), explanation: below.length ? `未得满分的指标 ${below.length} 个，说明了偏差原因 ${explained} 个（${pct(s)}）` : '没有未得满分的指标，无需说明' };
}

export function scoreSelfEvaluationQuality(input: QualityInput): SelfEvaluationQuality {
  const q = input.profile.quality;
  const distortion = scoreDistortion(input.evaluation, input.score, input.reviewTotal, q.distortion);
  const { distorted, ...distortionPart } = distortion;
  const parts: QualityPart[] = [
    scoreCompleteness(input.evaluation, dec(q.completeness.weight)),
    scoreConsistency(input.audit, q.consistency),
    scoreTargets(input.score, dec(q.targets.weight)),
    distortionPart,
    scoreFullMarks(input.evaluation, q.fullMarks),
    scoreDeviationReasons(input.evaluation, dec(q.deviationReasons.weight)),
  ];
  const total = parts.reduce((acc, p) => acc.plus(p.score), ZERO);
  return { parts, total, distorted, profile: { id: input.profile.id, version: input.profile.version } };
}
