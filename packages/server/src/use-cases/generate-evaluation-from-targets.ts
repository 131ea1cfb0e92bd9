/**
 * 生成自评: the self-evaluation of approved targets, created from the latest approved version
 * (indicator names, targets, signs, units and weights; the first approved version supplies the
 * 年初指标值 beside an adjusted target). The evaluation records the target and the version, and
 * from then on its names, targets and weights cannot change (save refuses; the audit reports it).
 */
import { getProfile, indicatorsFromTargets, kindWeights, type TargetTree } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { forbidden, invalidState, notFound } from '../errors.js';
import { assertNotLocked } from '../plan/deadline-lock.js';
import { repositories } from '../repositories/index.js';
import { isOwnUnitMember, type Actor } from '../workflow/access.js';
import { buildEvaluation, insertEvaluationWith } from './create-evaluation.js';
import { refreshParentDepartments } from './refresh-department-figures.js';
import { refreshStoredFigures } from './refresh-stored-figures.js';
import { loadVisibleTarget } from './update-targets.js';

export async function generateEvaluationFromTargets(ctx: AppContext, actor: Actor, targetId: number) {
  const t = await loadVisibleTarget(ctx, actor, targetId);
  if (!isOwnUnitMember(actor, t)) throw forbidden('只有本单位的填报人或单位负责人可以生成本单位的自评');
  if (t.status !== 'approved' || t.approved_version === null) throw invalidState('绩效目标尚未批复，不能生成自评');
  const r0 = repositories(ctx.db);
  await assertNotLocked(r0, t.unit_id, t.fiscal_year, ctx.now());
  const [latest, first, task, project] = await Promise.all([
    r0.targets.findVersion(t.id, t.approved_version),
    r0.targets.findVersion(t.id, 1),
    r0.tasks.findForBureauYear(t.bureauId, t.fiscal_year),
    t.project_id !== null ? r0.projects.findById(t.project_id) : Promise.resolve(undefined),
  ]);
  if (!latest) throw notFound('批复的绩效目标版本');
  const tree = latest.tree as TargetTree;
  const profile = getProfile(task?.profile ?? 'national');
  const w = kindWeights(profile, t.kind);
  const evaluation = buildEvaluation(
    {
      unitId: t.unit_id,
      fiscalYear: t.fiscal_year,
      kind: t.kind,
      profile: profile.id,
      evaluation: {
        supervisingDepartment: t.departmentName,
        ...(project ? { project: { name: project.name, code: project.code, implementingUnit: t.unitName } } : {}),
        goals: tree.goal ? [{ expected: tree.goal }] : [],
        budgetExecution: { weight: w.budgetExecution === '0' ? null : w.budgetExecution },
        totals: { statedWeight: w.total },
        indicators: indicatorsFromTargets(tree, first && first.version_no !== latest.version_no ? (first.tree as TargetTree) : undefined),
      },
    },
    t.unitName,
  );
  const at = ctx.now();
  const generated = await inTransaction(ctx, 'generate-evaluation', async (r) => {
    if (await r.targets.findEvaluationOf(t.id)) throw invalidState('已由这份绩效目标生成过自评，请打开该自评');
    if (t.project_id !== null && (await r.projects.evaluationsOf([t.project_id])).has(t.project_id)) throw invalidState(`项目 ${t.projectCode ?? t.project_id} 已有自评表`);
    const row = await insertEvaluationWith(r, at, actor, evaluation, { unitId: t.unit_id, unitName: t.unitName, status: 'draft', projectId: t.project_id });
    await r.targets.linkEvaluation(row.id, t.id, latest.version_no);
    await r.auditLog.append({ entityType: 'evaluation', entityId: row.id, evaluationId: row.id, actor, action: AUDIT_EVENTS.EVALUATION_GENERATED_FROM_TARGETS, at, before: null, after: { targetId: t.id, targetVersion: latest.version_no } });
    return row;
  });
  await refreshParentDepartments(ctx, [{ unitId: generated.unit_id, fiscalYear: generated.fiscal_year, kind: generated.kind }]);
  await refreshStoredFigures(ctx, [generated.id]); // now audited against the approved targets it was linked to
  return generated;
}
