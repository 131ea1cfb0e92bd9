/**
 * An evaluation row stores, beside its data, figures of its audit for lists and dashboards: the
 * error, warning and blocking counts and the computed 自评质量. The audit reads more than the row —
 * a department's project and transfer evaluations, the approved targets and the last monitoring
 * return of an evaluation generated from targets, the review or sample re-score 自评质量 is
 * measured against — so when one of those changes without a save of the evaluation, the use case
 * that changed it calls this afterwards: a child's save (refresh-department-figures.ts), a finance
 * review score, a sample re-score or its return, targets linked to a generated evaluation, a
 * monitoring return that becomes or stops being the last one (submitted, returned).
 *
 * Each evaluation is recomputed in its own transaction with its row locked, after the request's own
 * transaction: a failed refresh never fails a request whose write is committed (it is reported on
 * stderr, and the next save of the evaluation puts the figures right).
 */
import { parseEvaluation } from '@jixiao/core';
import { inTransaction, type AppContext } from '../context.js';
import { computeEvaluation, figuresOf } from '../core-bridge.js';
import { loadEvaluationPlan } from '../plan/evaluation-plan.js';
import { submissionOverrideOf } from './check-submission.js';
import { qualityFigureOf, qualityReferenceOf } from './compute-quality-figure.js';
import { auditChildrenOf } from './get-department-projects.js';

/** Recomputes and stores each evaluation's counts and computed quality; never throws. */
export async function refreshStoredFigures(ctx: AppContext, ids: Iterable<number>, useCase = 'refresh-stored-figures'): Promise<void> {
  for (const id of new Set(ids)) {
    try {
      await inTransaction(ctx, useCase, async (r) => {
        const locked = await r.evaluations.findForUpdate(id);
        if (!locked) return;
        const parsed = parseEvaluation(locked.data);
        if (!parsed.ok) return; // its own save reports the problem; nothing to count here
        const computed = computeEvaluation(parsed.value, await auditChildrenOf(r, locked), await loadEvaluationPlan(r, locked));
        const f = figuresOf(parsed.value, computed, submissionOverrideOf(locked.submission_override));
        await r.evaluations.setFindingCounts(id, { errors: f.errors, warnings: f.warnings, blocking: f.blocking });
        await r.evaluations.setQualityComputed(id, qualityFigureOf(parsed.value, computed, (await qualityReferenceOf(r, locked)).reviewTotal));
      });
    } catch (e) {
      console.error(`[jixiao] 自评 ${id} 的审核计数和系统计算自评质量未能更新：${(e as Error).message}`);
    }
  }
}
