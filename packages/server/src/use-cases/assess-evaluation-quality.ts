/**
 * 自评质量 of a stored evaluation: the rubric parts computed by core from the evaluation, its
 * score and audit (a department against its projects) and the reference total (the third-party
 * re-score, else the finance re-score, else the computed total), with the finance bureau's
 * adjustments beside each part. Adjusting a part needs a reason; every adjustment is in the
 * audit log, and the evaluation's quality score becomes the adjusted total.
 */
import { dec, formatDecimal, getProfile, QUALITY_PARTS, type Evaluation, type JxIssue, type QualityPartId } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { computeEvaluation } from '../core-bridge.js';
import { inTransaction, type AppContext } from '../context.js';
import { badRequest, forbidden, invalidState, notFound } from '../errors.js';
import { repositories } from '../repositories/index.js';
import type { EvaluationRecord } from '../repositories/evaluation.repository.js';
import { isFinanceOver, type Actor } from '../workflow/access.js';
import { isEvaluationState, reviewRefusal } from '../workflow/state-machine.js';
import { auditChildrenOf } from './get-department-projects.js';
import { loadVisibleEvaluation } from './load-visible-evaluation.js';
import { loadEvaluationPlan } from '../plan/evaluation-plan.js';
import { qualityOf, qualityReferenceOf } from './compute-quality-figure.js';

interface Adjustment {
  score: string;
  reason: string;
  by: string;
  at: string;
}
type Adjustments = Partial<Record<QualityPartId, Adjustment>>;

const adjustmentsOf = (x: unknown): Adjustments => ((x as { adjustments?: Adjustments } | null)?.adjustments ?? {}) as Adjustments;

/** Computed as a save computes it (the stored `quality_computed` is this total): see compute-quality-figure. */
async function computeQuality(ctx: AppContext, rec: EvaluationRecord) {
  const r = repositories(ctx.db);
  const children = await auditChildrenOf(r, rec);
  const evaluation = rec.data as Evaluation;
  const computed = computeEvaluation(evaluation, children, await loadEvaluationPlan(r, rec));
  const { reviewTotal, reference } = await qualityReferenceOf(r, rec);
  return { quality: qualityOf(evaluation, computed, reviewTotal), reference, places: getProfile(evaluation.profile).rounding.places };
}

/** The parts and totals exact (stored and compared in the audit log as they are). */
function exactView(q: Awaited<ReturnType<typeof computeQuality>>, adjustments: Adjustments, canAdjust: boolean) {
  const parts = q.quality.parts.map((p) => {
    const a = adjustments[p.id] ?? null;
    return { id: p.id, label: p.label, weight: p.weight.toString(), computed: p.score.toString(), explanation: p.explanation, adjusted: a, score: a ? a.score : p.score.toString() };
  });
  const total = parts.reduce((acc, p) => acc.plus(p.score), dec(0)).toString();
  return { parts, computedTotal: q.quality.total.toString(), total, distorted: q.quality.distorted, reference: q.reference, profile: q.quality.profile, canAdjust };
}

/**
 * The answer: scores rounded half up to the profile's display places (`rounding.places`) —
 * only here, at the edge; the adjustment record (`adjusted`) keeps the score as the reviewer entered it.
 */
function rounded(v: ReturnType<typeof exactView>, places: number) {
  const r = (x: string) => formatDecimal(dec(x), places);
  return { ...v, parts: v.parts.map((p) => ({ ...p, computed: r(p.computed), score: r(p.score) })), computedTotal: r(v.computedTotal), total: r(v.total) };
}

const view = (q: Awaited<ReturnType<typeof computeQuality>>, adjustments: Adjustments, canAdjust: boolean) => rounded(exactView(q, adjustments, canAdjust), q.places);

const mayAdjust = (actor: Actor, rec: EvaluationRecord) => isFinanceOver(actor, rec) && isEvaluationState(rec.status) && reviewRefusal(rec.status) === null;

export async function getEvaluationQuality(ctx: AppContext, actor: Actor, id: number) {
  const rec = await loadVisibleEvaluation(ctx, actor, id);
  return view(await computeQuality(ctx, rec), adjustmentsOf(rec.quality_review), mayAdjust(actor, rec));
}

function readAdjustments(raw: unknown, weights: Map<string, string>, actorName: string, at: string): { set: Adjustments; cleared: QualityPartId[] } {
  if (!Array.isArray(raw)) throw badRequest('adjustments 应为列表：[{ part, score, reason }]', [{ field: 'adjustments', message: '应为列表' }]);
  const issues: JxIssue[] = [];
  const set: Adjustments = {};
  const cleared: QualityPartId[] = [];
  raw.forEach((x, i) => {
    const o = (x ?? {}) as { part?: unknown; score?: unknown; reason?: unknown };
    const part = o.part as QualityPartId;
    if (!QUALITY_PARTS.includes(part)) return issues.push({ field: `adjustments.${i}.part`, message: `应为 ${QUALITY_PARTS.join('、')} 之一` });
    if (o.score === null) return cleared.push(part);
    const score = typeof o.score === 'number' ? String(o.score) : o.score;
    const w = weights.get(part)!;
    if (typeof score !== 'string' || !/^\d+(\.\d+)?$/.test(score) || dec(score).gt(w)) return issues.push({ field: `adjustments.${i}.score`, label: '调整后得分', message: `应为 0 至 ${w} 之间的数字` });
    const reason = typeof o.reason === 'string' ? o.reason.trim() : '';
    if (reason.length < 2) return issues.push({ field: `adjustments.${i}.reason`, label: '调整理由', message: '调整自评质量须说明理由' });
    set[part] = { score, reason: reason.slice(0, 500), by: actorName, at };
  });
  if (issues.length) throw badRequest(issues.map((i) => `${i.field}：${i.message}`).join('；'), issues);
  return { set, cleared };
}

/** Finance adjusts parts (each with a reason) or confirms the computed ones (an empty list); the total is stored. */
export async function adjustEvaluationQuality(ctx: AppContext, actor: Actor, id: number, body: Record<string, unknown>) {
  const rec = await loadVisibleEvaluation(ctx, actor, id);
  if (!isFinanceOver(actor, rec)) throw forbidden('自评质量由财政局绩效科评定');
  const why = isEvaluationState(rec.status) ? reviewRefusal(rec.status) : '未知状态';
  if (why) throw invalidState(why);
  const q = await computeQuality(ctx, rec);
  const weights = new Map(q.quality.parts.map((p) => [p.id as string, p.weight.toString()]));
  const at = ctx.now();
  const { set, cleared } = readAdjustments(body.adjustments ?? [], weights, actor.displayName, at.toISOString());
  return inTransaction(ctx, 'adjust-evaluation-quality', async (r) => {
    const locked = await r.evaluations.findStateForUpdate(id);
    if (!locked) throw notFound();
    const row = await r.evaluations.findById(id);
    const before = adjustmentsOf(row?.quality_review);
    const next: Adjustments = { ...before, ...set };
    for (const p of cleared) delete next[p];
    const result = exactView(q, next, true);
    await r.evaluations.setQuality(id, { adjustments: next }, result.total);
    await r.auditLog.append({ entityType: 'evaluation', entityId: id, evaluationId: id, actor, action: AUDIT_EVENTS.EVALUATION_QUALITY_ADJUSTED, at, before: { adjustments: before, qualityScore: row?.quality_score ?? null }, after: { adjustments: next, qualityScore: result.total, parts: result.parts.map((p) => ({ id: p.id, computed: p.computed, score: p.score })) } });
    return rounded(result, q.places);
  });
}
