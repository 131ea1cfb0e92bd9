/**
 * 绩效目标申报, first step: the unit drafts the target tree of its department (部门整体) or of
 * one of its projects or transfers. Validated by core (a leaf without a value, weights over 100
 * … name their field, and nothing is written).
 */
import { validateTargetTree, type EvaluationKind } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { badRequest, forbidden, invalidState } from '../errors.js';
import { repositories } from '../repositories/index.js';
import { isOwnUnitMember, type Actor } from '../workflow/access.js';

const KINDS: readonly EvaluationKind[] = ['department', 'project', 'transfer'];

export function parseTree(raw: unknown) {
  const parsed = validateTargetTree(raw);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

export async function fileTargets(ctx: AppContext, actor: Actor, b: Record<string, unknown>) {
  const unitId = b.unitId ?? actor.unitId;
  if (!Number.isInteger(unitId) || !isOwnUnitMember(actor, { unitId: unitId as number })) throw forbidden('只有本单位的填报人或单位负责人可以申报本单位的绩效目标');
  if (!Number.isInteger(b.fiscalYear)) throw badRequest('fiscalYear 应为年份', [{ field: 'fiscalYear', label: '预算年度', message: '应为整数年份' }]);
  const fiscalYear = b.fiscalYear as number;
  const kind = (b.kind ?? 'department') as EvaluationKind;
  if (!KINDS.includes(kind)) throw badRequest('kind 应为 department、project 或 transfer', [{ field: 'kind', label: '目标类型', message: '应为 department（部门整体）、project（项目）或 transfer（转移支付）' }]);
  const r0 = repositories(ctx.db);
  const scope = await r0.org.getUnitScope(unitId as number);
  if (!scope) throw badRequest(`单位 ${String(unitId)} 不存在`);
  let projectId: number | null = null;
  let name = typeof b.name === 'string' && b.name.trim() ? b.name.trim() : `${scope.unitName} ${fiscalYear} 年度部门整体绩效目标`;
  if (kind !== 'department') {
    const project = Number.isInteger(b.projectId) ? await r0.projects.findById(b.projectId as number) : undefined;
    if (!project || project.unit_id !== unitId || project.fiscal_year !== fiscalYear || project.kind !== kind) {
      throw badRequest('projectId 应为本单位该年度、该类型的项目', [{ field: 'projectId', label: '项目', message: '项目与单位、年度或类型不符' }]);
    }
    projectId = project.id;
    if (!(typeof b.name === 'string' && b.name.trim())) name = `${project.name} 绩效目标`;
  }
  const tree = parseTree(b.tree);
  const at = ctx.now();
  return inTransaction(ctx, 'file-targets', async (r) => {
    const existing = await r.targets.findExisting({ unitId: unitId as number, fiscalYear, kind, projectId });
    if (existing) throw invalidState(`已有绩效目标“${existing.name}”，请在其上修改`);
    const row = await r.targets.insert({ unitId: unitId as number, fiscalYear, kind, projectId, name, tree, createdBy: actor.id, at });
    await r.auditLog.append({ entityType: 'target', entityId: row.id, evaluationId: null, actor, action: AUDIT_EVENTS.TARGET_CREATED, at, before: null, after: { name, kind, projectId, tree } });
    return row;
  });
}
