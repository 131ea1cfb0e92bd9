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
 * inside it (refresh-stored-figures.ts). A department save that read its children just before a
 * child committed can still write counts one child behind; the next save of either side puts them
 * right. A failed refresh never fails the child's request (the child is already saved): it is
 * reported on stderr.
 */
import type { AppContext } from '../context.js';
import { repositories } from '../repositories/index.js';
import { refreshStoredFigures } from './refresh-stored-figures.js';

export interface UnitYear {
  unitId: number;
  fiscalYear: number;
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
      await refreshStoredFigures(ctx, await repositories(ctx.db).evaluations.departmentIdsOf(c.unitId, c.fiscalYear), 'refresh-department-figures');
    } catch (e) {
      console.error(`[jixiao] 部门整体自评的审核计数未能随项目更新（单位 ${c.unitId}，${c.fiscalYear} 年度）：${(e as Error).message}`);
    }
  }
}
