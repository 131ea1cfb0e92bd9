/**
 * A unit's project self-evaluations of a year as one workbook (a sheet per project plus the
 * 项目自评结果汇总表), rendered by @jixiao/documents (loaded on first use; 503 without it).
 */
import type { Evaluation } from '@jixiao/core';
import type { AppContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { loadRenderUnitProjects } from '../http/load-optional.js';
import { repositories } from '../repositories/index.js';
import { canSee, type Actor } from '../workflow/access.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportUnitProjects(ctx: AppContext, actor: Actor, unitId: number, q: { year?: number | undefined; format: string }) {
  if (q.format !== 'xlsx') throw badRequest('format 应为 xlsx');
  const r = repositories(ctx.db);
  const scope = await r.org.getUnitScope(unitId);
  if (!scope || !canSee(actor, scope)) throw notFound(`单位 ${unitId}`);
  const year = q.year ?? (await r.projects.latestYear(unitId));
  if (year === undefined) throw notFound(`${scope.unitName} 的项目`);
  const rows = await r.projects.childEvaluations(unitId, year);
  if (rows.length === 0) throw notFound(`${scope.unitName} ${year} 年度的项目自评表`);
  const render = await loadRenderUnitProjects();
  const bytes = await render(rows.map((x) => x.data as Evaluation), { unitName: scope.unitName, fiscalYear: year });
  return { bytes, contentType: XLSX, fileName: `${scope.unitName} ${year} 年度项目支出绩效自评表.xlsx` };
}
