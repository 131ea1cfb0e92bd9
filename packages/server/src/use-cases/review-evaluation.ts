import { dec, type Decimal, type Evaluation } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, badRequest, forbidden, invalidState, notFound } from '../errors.js';
import { isFinanceOver, type Actor } from '../workflow/access.js';
import { isEvaluationState, reviewRefusal } from '../workflow/state-machine.js';
import { loadVisibleEvaluation } from './load-visible-evaluation.js';
import { refreshStoredFigures } from './refresh-stored-figures.js';

const SCORE_RE = /^\d+(\.\d+)?$/;

/**
 * The review total (审核得分合计): the unit's stated total with each re-scored item's
 * self score replaced by the reviewer's score. Paths are "execution" (budget execution)
 * or a leaf path "indicators.0.children.1.children.2". When no total was stated, the
 * self scores are summed. Decimal arithmetic throughout.
 */
export function reviewTotal(evaluation: Evaluation, scores: Record<string, string>): string | null {
  const selfByPath = new Map<string, string | null>([['execution', evaluation.budgetExecution.selfScore]]);
  evaluation.indicators.forEach((l1, i) =>
    l1.children.forEach((l2, j) =>
      l2.children.forEach((leaf, k) => {
        if (!leaf.notApplicable) selfByPath.set(`indicators.${i}.children.${j}.children.${k}`, leaf.selfScore);
      }),
    ),
  );
  let total: Decimal;
  if (evaluation.totals.statedScore !== null) total = dec(evaluation.totals.statedScore);
  else {
    const selfs = [...selfByPath.values()].filter((s): s is string => s !== null);
    if (selfs.length === 0 && Object.keys(scores).length === 0) return null;
    total = selfs.reduce((acc, s) => acc.plus(s), dec(0));
  }
  for (const [path, s] of Object.entries(scores)) total = total.plus(s).minus(selfByPath.get(path) ?? 0);
  return total.toString();
}

function validPaths(evaluation: Evaluation): Map<string, string | null> {
  const m = new Map<string, string | null>([['execution', evaluation.budgetExecution.weight]]);
  evaluation.indicators.forEach((l1, i) =>
    l1.children.forEach((l2, j) => l2.children.forEach((leaf, k) => m.set(`indicators.${i}.children.${j}.children.${k}`, leaf.weight))),
  );
  return m;
}

/** Checked per-indicator scores (path → decimal string within the weight); 400 naming each bad one. */
export function cleanReviewScores(evaluation: Evaluation, raw: unknown, field: string): Record<string, string> {
  const scores = (raw ?? {}) as Record<string, unknown>;
  if (typeof scores !== 'object' || scores === null || Array.isArray(scores)) throw badRequest(`${field} 应为对象`, [{ field, message: '应为“指标路径 → 得分”的对象' }]);
  const paths = validPaths(evaluation);
  const clean: Record<string, string> = {};
  const issues = [];
  for (const [path, value] of Object.entries(scores)) {
    const v = typeof value === 'number' ? String(value) : value;
    if (!paths.has(path)) issues.push({ field: `${field}.${path}`, message: '没有这个指标' });
    else if (typeof v !== 'string' || !SCORE_RE.test(v)) issues.push({ field: `${field}.${path}`, message: '审核得分应为非负数字，如 9.5' });
    else {
      const w = paths.get(path);
      if (w !== null && w !== undefined && dec(v).gt(w)) issues.push({ field: `${field}.${path}`, message: `审核得分不能超过分值 ${w}` });
      else clean[path] = v;
    }
  }
  if (issues.length) throw badRequest('审核得分有误', issues);
  return clean;
}

/** Finance re-scoring (审核得分) beside the self score, with an opinion (自评质量: assess-evaluation-quality). */
export async function reviewEvaluation(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { version?: unknown; reviewScores?: unknown; opinion?: unknown; qualityScore?: unknown },
): Promise<{ version: number; reviewScore: string | null }> {
  if (!Number.isInteger(input.version)) throw badRequest('缺少 version（当前版本号）');
  const version = input.version as number;
  const rec = await loadVisibleEvaluation(ctx, actor, id);
  const guard = (row: { status: string; version: number }) => {
    if (!isFinanceOver(actor, rec)) throw forbidden('只有财政局绩效科可以审核评分');
    if (!isEvaluationState(row.status)) throw invalidState(`未知状态 ${row.status}`);
    const why = reviewRefusal(row.status);
    if (why) throw invalidState(why);
    if (row.version !== version) throw new VersionConflictError(row.version);
  };
  guard(rec);
  const evaluation = rec.data as Evaluation;
  const clean = cleanReviewScores(evaluation, input.reviewScores, 'reviewScores');
  // 自评质量 is no longer a free number: it is scored from the profile's rubric (assess-evaluation-quality).
  if (input.qualityScore !== undefined && input.qualityScore !== null) {
    throw badRequest('自评质量按评分细则逐项计算，不再直接填写总分；请在“自评质量”中查看各项并说明理由调整（PUT /api/evaluations/:id/quality）', [{ field: 'qualityScore', message: '请逐项调整自评质量' }]);
  }
  const opinion = typeof input.opinion === 'string' ? input.opinion.trim() : '';
  const total = reviewTotal(evaluation, clean);
  const at = ctx.now();
  const reviewed = await inTransaction(ctx, 'review-evaluation', async (r) => {
    const locked = await r.evaluations.findStateForUpdate(id);
    if (!locked) throw notFound();
    guard(locked);
    const before = (locked.review ?? {}) as Record<string, unknown>;
    const review = {
      ...before,
      scores: clean,
      opinion: opinion || null,
      reviewer: actor.displayName,
      reviewedAt: at.toISOString(),
      total,
    };
    const updated = await r.evaluations.updateIfVersion(id, version, {
      review: JSON.stringify(review),
      review_score: total,
      updated_at: at,
    });
    if (!updated) throw new VersionConflictError(locked.version);
    await r.auditLog.append({
      entityType: 'evaluation',
      entityId: id,
      evaluationId: id,
      actor,
      action: AUDIT_EVENTS.EVALUATION_REVIEW_SCORED,
      at,
      before: { version: locked.version, review: locked.review, reviewScore: locked.review_score },
      after: { version: updated.version, review, reviewScore: total },
    });
    return { version: updated.version, reviewScore: total };
  });
  // The review total is the 自评质量's reference (失真): the stored computed quality follows it.
  await refreshStoredFigures(ctx, [id]);
  return reviewed;
}
