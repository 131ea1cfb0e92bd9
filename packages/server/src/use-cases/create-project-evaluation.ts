/** The draft self-evaluation of a project that has none, pre-filled from the project list. */
import type { AppContext } from '../context.js';
import { inTransaction } from '../context.js';
import { forbidden, invalidState, notFound } from '../errors.js';
import type { EvaluationRow } from '../db/schema.js';
import { buildProjectEvaluation } from '../project-list/build-project-evaluation.js';
import { repositories } from '../repositories/index.js';
import { canSee, isOwnUnitMember, type Actor } from '../workflow/access.js';
import { insertEvaluationWith } from './create-evaluation.js';
import { refreshParentDepartments } from './refresh-department-figures.js';

export async function createProjectEvaluation(ctx: AppContext, actor: Actor, projectId: number): Promise<EvaluationRow> {
  const r = repositories(ctx.db);
  const project = await r.projects.findById(projectId);
  const scope = project ? await r.org.getUnitScope(project.unit_id) : undefined;
  if (!project || !scope || !canSee(actor, scope)) throw notFound(`项目 ${projectId}`);
  if (!isOwnUnitMember(actor, scope)) throw forbidden('只有本单位的填报人或单位负责人可以填报本单位项目的自评表');
  if (project.status !== 'active') throw invalidState('该项目已不在本年度项目清单中');
  const unit = await ctx.db.selectFrom('units').select('code').where('id', '=', project.unit_id).executeTakeFirst();
  const evaluation = buildProjectEvaluation(project, { unitName: scope.unitName, unitCode: unit?.code ?? null, departmentName: scope.departmentName });
  const row = await inTransaction(ctx, 'create-project-evaluation', async (t) => {
    if ((await t.projects.evaluationsOf([projectId])).has(projectId)) throw invalidState(`项目 ${project.code} 已有自评表`);
    return insertEvaluationWith(t, ctx.now(), actor, evaluation, { unitId: project.unit_id, unitName: scope.unitName, status: 'draft', projectId });
  });
  await refreshParentDepartments(ctx, [{ unitId: row.unit_id, fiscalYear: row.fiscal_year, kind: row.kind }]);
  return row;
}
