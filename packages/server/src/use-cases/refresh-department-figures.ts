/**
 * A department (部门整体) evaluation is audited against its unit's project and transfer
 * evaluations of the year (the roll-up findings: 项目个数, project spending, coverage …), and its
 * stored error / warning / blocking counts include those findings. They go stale whenever the
 * children change without the department being saved, so every use case that creates, saves or
 * removes a child calls this afterwards to recompute the department's stored counts.
 *
 * Why stored and refreshed rather than computed on read: lists and dashboards read the counts of
 * thousands of rows; auditing each department with all its projects on every read would cost a
 * roll-up (≈ 50 ms for 85 children) per row. Why after the child's transaction rather than in
 * it: sibling saves (a batch of 85) would then queue on the department's row lock for the length
 * of a roll-up each. A status change (submit, approve, return) leaves the child's data — all the
 * roll-up reads — as it was, so it needs no refresh.
 *
 * Each department is recomputed in its own transaction with its row locked, its children read
 * inside it. A department save that read its children just before a child committed can still
 * write counts one child behind; the next save of either side puts them right. A failed refresh
 * never fails the child's request (the child is already saved): it is reported on stderr.
 */
import { parseEvaluation } from '@jixiao/core';
import { inTransaction, type AppContext } from '../context.js';
import { computeEvaluation, figuresOf } from '../core-bridge.js';
import { loadEvaluationPlan } from '../plan/evaluation-plan.js';
import { repositories } from '../repositories/index.js';
import { submissionOverrideOf } from './check-submission.js';
import { loadChildEvaluations } from './get-department-projects.js';
import { qualityFigureOf, qualityReferenceOf } from './compute-quality-figure.js';

export interface UnitYear {
  unitId: number;
  fiscalYear: number;
}

/** Recomputes the stored counts of the unit's department evaluations of that year; returns how many were refreshed. */
export async function refreshDepartmentFigures(ctx: AppContext, at: UnitYear): Promise<number> {
  const ids = await repositories(ctx.db).evaluations.departmentIdsOf(at.unitId, at.fiscalYear);
  let refreshed = 0;
  for (const id of ids) {
    const done = await inTransaction(ctx, 'refresh-department-figures', async (r) => {
      const locked = await r.evaluations.findForUpdate(id);
      if (!locked || locked.kind !== 'department') return false;
      const parsed = parseEvaluation(locked.data);
      if (!parsed.ok) return false; // its own save reports the problem; nothing to count here
      const { children } = await loadChildEvaluations(r, locked.unit_id, locked.fiscal_year);
      const computed = computeEvaluation(parsed.value, children, await loadEvaluationPlan(r, locked));
      const f = figuresOf(parsed.value, computed, submissionOverrideOf(locked.submission_override));
      await r.evaluations.setFindingCounts(id, { errors: f.errors, warnings: f.warnings, blocking: f.blocking });
      // 自评质量's consistency part reads the same audit: the stored computed quality follows it.
      await r.evaluations.setQualityComputed(id, qualityFigureOf(parsed.value, computed, (await qualityReferenceOf(r, locked)).reviewTotal));
      return true;
    });
    if (done) refreshed++;
  }
  return refreshed;
}

/**
 * After a child's write: refresh its department's counts (each unit and year once), never
 * failing the request that already saved the child.
 */
export async function refreshParentDepartments(ctx: AppContext, children: readonly (UnitYear & { kind: string })[]): Promise<void> {
  const seen = new Set<string>();
  for (const c of children) {
    const key = `${c.unitId}/${c.fiscalYear}`;
    if (c.kind === 'department' || seen.has(key)) continue;
    seen.add(key);
    try {
      await refreshDepartmentFigures(ctx, c);
    } catch (e) {
      console.error(`[jixiao] 部门整体自评的审核计数未能随项目更新（单位 ${c.unitId}，${c.fiscalYear} 年度）：${(e as Error).message}`);
    }
  }
}
