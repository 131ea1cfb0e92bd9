/**
 * A department evaluation's projects: the unit's project list of that year with each
 * evaluation's progress and figures, the roll-up computed by core from the project and
 * transfer evaluations (never typed by the unit), and the audit findings that compare the
 * department report's stated project figures with that roll-up.
 */
import { computeProjectRollup, parseEvaluation, type Evaluation } from '@jixiao/core';
import type { AppContext } from '../context.js';
import { computeEvaluation, toPlainJson } from '../core-bridge.js';
import { badRequest } from '../errors.js';
import { repositories, type Repositories } from '../repositories/index.js';
import type { EvaluationRecord } from '../repositories/evaluation.repository.js';
import { visibilityOf, type Actor } from '../workflow/access.js';
import { loadVisibleEvaluation } from './load-visible-evaluation.js';
import { toProjectSummary } from './project-views.js';

/** Rules that compare a department report with its projects' roll-up. */
export const ROLLUP_RULE_PREFIX = 'project-rollup';

/**
 * What a department evaluation is audited against: its projects' evaluations (undefined for a
 * project or transfer, which has none). `hasProjects` false: the caller already knows the unit has
 * no project evaluation that year (evaluations.findForWrite), so nothing is read.
 */
export async function auditChildrenOf(
  r: Repositories,
  rec: { kind: string; unit_id: number; fiscal_year: number },
  hasProjects = true,
): Promise<Evaluation[] | undefined> {
  if (rec.kind !== 'department') return undefined;
  return hasProjects ? (await loadChildEvaluations(r, rec.unit_id, rec.fiscal_year)).children : [];
}

/** The children of a department evaluation, parsed (a child that no longer parses is left out and named). */
export async function loadChildEvaluations(r: Repositories, unitId: number, year: number): Promise<{ children: Evaluation[]; ids: number[]; problems: string[] }> {
  const rows = await r.projects.childEvaluations(unitId, year);
  const children: Evaluation[] = [];
  const ids: number[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const p = parseEvaluation(row.data);
    if (p.ok) {
      children.push(p.value);
      ids.push(row.id);
    } else problems.push(`项目评价 ${row.id} 无法读取，未计入汇总：${p.error.message}`);
  }
  return { children, ids, problems };
}

/** The roll-up as JSON (decimal strings), with the evaluation id of each child. */
export async function departmentRollup(r: Repositories, rec: Pick<EvaluationRecord, 'unit_id' | 'fiscal_year'>) {
  const { children, ids, problems } = await loadChildEvaluations(r, rec.unit_id, rec.fiscal_year);
  const listed = await r.projects.countActive(rec.unit_id, rec.fiscal_year);
  const rollup = computeProjectRollup(children, { projectCount: listed > 0 ? Math.max(listed, children.length) : null });
  const json = toPlainJson(rollup) as { children: { index: number; evaluationId?: number }[] };
  for (const c of json.children) c.evaluationId = ids[c.index];
  return { rollup: json, children, problems };
}

export async function getDepartmentProjects(ctx: AppContext, actor: Actor, id: number) {
  const rec = await loadVisibleEvaluation(ctx, actor, id);
  if (rec.kind !== 'department') throw badRequest('只有部门整体自评才有所属项目的汇总');
  const r = repositories(ctx.db);
  const items = await r.projects.list(visibilityOf(actor), { unitId: rec.unit_id, year: rec.fiscal_year }, null);
  const { rollup, children, problems } = await departmentRollup(r, rec);
  const computed = computeEvaluation(rec.data as Evaluation, children);
  const findings = (computed.audit?.findings ?? []).filter((f) => f.rule.startsWith(ROLLUP_RULE_PREFIX));
  return { items: items.map(toProjectSummary), rollup, findings: toPlainJson(findings), problems: [...problems, ...computed.problems] };
}
