/**
 * Recomputes the stored 自评质量 (`evaluations.quality_computed`) of evaluations whose quality
 * changed without a save of their data: its reference total changed (a finance review score, a
 * sample re-score or its return, a redraw that supersedes a re-scored item) or the approved
 * targets it is audited against were linked to it. Called after the request's own transaction,
 * like the department refresh: a failed refresh never fails a request whose write is committed
 * (it is reported on stderr, and the next save of the evaluation puts the figure right).
 */
import { parseEvaluation } from '@jixiao/core';
import { inTransaction, type AppContext } from '../context.js';
import { computeEvaluation } from '../core-bridge.js';
import { loadEvaluationPlan } from '../plan/evaluation-plan.js';
import { qualityFigureOf, qualityReferenceOf } from './compute-quality-figure.js';
import { auditChildrenOf } from './get-department-projects.js';

/** Recomputes and stores each evaluation's computed quality, each in its own transaction with its row locked; never throws. */
export async function refreshComputedQuality(ctx: AppContext, ids: Iterable<number>): Promise<void> {
  for (const id of new Set(ids)) {
    try {
      await inTransaction(ctx, 'refresh-computed-quality', async (r) => {
        const locked = await r.evaluations.findForUpdate(id);
        if (!locked) return;
        const parsed = parseEvaluation(locked.data);
        if (!parsed.ok) return; // its own save reports the problem
        const children = await auditChildrenOf(r, locked);
        const computed = computeEvaluation(parsed.value, children, await loadEvaluationPlan(r, locked));
        const { reviewTotal } = await qualityReferenceOf(r, locked);
        await r.evaluations.setQualityComputed(id, qualityFigureOf(parsed.value, computed, reviewTotal));
      });
    } catch (e) {
      console.error(`[jixiao] 自评 ${id} 的系统计算自评质量未能更新：${(e as Error).message}`);
    }
  }
}
