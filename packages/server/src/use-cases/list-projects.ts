/**
 * Project lists, filtered, paged and summed by the database: the finance bureau's list of
 * every project it may see, and one unit's whole list with its progress.
 */
import type { AppContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { repositories } from '../repositories/index.js';
import { PROGRESS_VALUES, PROJECT_SORTS, type Progress, type ProjectFilters, type ProjectSort } from '../repositories/project.repository.js';
import { canSee, visibilityOf, type Actor } from '../workflow/access.js';
import { toProjectDetail, toProjectSummary, toSummaryJson } from './project-views.js';

export interface ProjectQuery {
  year?: number | undefined;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  kind?: string | undefined;
  grade?: string | undefined;
  progress?: string | undefined;
  minAmount?: string | undefined;
  maxAmount?: string | undefined;
  hasErrors?: string | undefined;
  blocked?: string | undefined;
  q?: string | undefined;
  includeRemoved?: string | undefined;
  sort?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const AMOUNT = /^\d{1,15}(\.\d{1,6})?$/;

export function projectFilters(q: ProjectQuery): ProjectFilters {
  if (q.kind && q.kind !== 'project' && q.kind !== 'transfer') throw badRequest('kind 应为 project（部门项目）或 transfer（转移支付）');
  if (q.progress && !(PROGRESS_VALUES as readonly string[]).includes(q.progress)) throw badRequest(`progress 应为 ${PROGRESS_VALUES.join('、')} 之一`);
  for (const [k, v] of [['minAmount', q.minAmount], ['maxAmount', q.maxAmount]] as const) {
    if (v !== undefined && !AMOUNT.test(v)) throw badRequest(`${k} 应为金额数字（万元），如 100 或 50.5`);
  }
  if (q.hasErrors !== undefined && q.hasErrors !== 'true' && q.hasErrors !== 'false') throw badRequest('hasErrors 应为 true 或 false');
  if (q.blocked !== undefined && q.blocked !== 'true' && q.blocked !== 'false') throw badRequest('blocked 应为 true（有须先处理的问题、暂不能提交）或 false');
  return {
    year: q.year,
    departmentId: q.departmentId,
    unitId: q.unitId,
    kind: q.kind,
    grade: q.grade,
    progress: q.progress as Progress | undefined,
    minAmount: q.minAmount,
    maxAmount: q.maxAmount,
    hasErrors: q.hasErrors === undefined ? undefined : q.hasErrors === 'true',
    blocked: q.blocked === undefined ? undefined : q.blocked === 'true',
    q: q.q?.slice(0, 100),
    includeRemoved: q.includeRemoved === 'true',
  };
}

export async function listProjects(ctx: AppContext, actor: Actor, q: ProjectQuery) {
  if (q.sort && !(PROJECT_SORTS as readonly string[]).includes(q.sort)) throw badRequest(`sort 应为 ${PROJECT_SORTS.join('、')} 之一`);
  const f = projectFilters(q);
  const page = Math.max(1, q.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, q.pageSize ?? 50));
  const repo = repositories(ctx.db).projects;
  const v = visibilityOf(actor);
  const [items, summary] = await Promise.all([repo.list(v, f, { offset: (page - 1) * pageSize, limit: pageSize }, (q.sort as ProjectSort) ?? 'code'), repo.summary(v, f)]);
  return { items: items.map(toProjectSummary), total: summary.count, page, pageSize, summary: toSummaryJson(summary) };
}

export async function listUnitProjects(ctx: AppContext, actor: Actor, unitId: number, q: { year?: number | undefined; sort?: string | undefined }) {
  const r = repositories(ctx.db);
  const scope = await r.org.getUnitScope(unitId);
  if (!scope || !canSee(actor, scope)) throw notFound(`单位 ${unitId}`);
  if (q.sort && !(PROJECT_SORTS as readonly string[]).includes(q.sort)) throw badRequest(`sort 应为 ${PROJECT_SORTS.join('、')} 之一`);
  const year = q.year ?? (await r.projects.latestYear(unitId)) ?? null;
  const f: ProjectFilters = { unitId, year: year ?? -1 };
  const v = visibilityOf(actor);
  const [items, summary, unit] = await Promise.all([
    r.projects.list(v, f, null, (q.sort as ProjectSort) ?? 'code'),
    r.projects.summary(v, f),
    ctx.db.selectFrom('units').select(['code']).where('id', '=', unitId).executeTakeFirst(),
  ]);
  return {
    unit: { id: unitId, name: scope.unitName, code: unit?.code ?? null, departmentId: scope.departmentId, departmentName: scope.departmentName },
    fiscalYear: year,
    items: items.map(toProjectSummary),
    summary: toSummaryJson(summary),
  };
}

export async function getProject(ctx: AppContext, actor: Actor, id: number) {
  const r = repositories(ctx.db);
  const row = await r.projects.findRow(id);
  if (!row || !canSee(actor, { unitId: row.unit_id, unitName: row.unit_name, departmentId: row.department_id, departmentName: row.department_name, bureauId: row.bureau_id })) {
    throw notFound(`项目 ${id}`);
  }
  const p = (await r.projects.findById(id))!;
  return toProjectDetail(row, p);
}
