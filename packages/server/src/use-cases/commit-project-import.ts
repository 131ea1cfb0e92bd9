/**
 * Step 2 of importing a project list: apply a preview, in one transaction. The comparison
 * is made again on the locked rows; if it no longer matches what the uploader saw, nothing
 * is written (409). New projects are created (with their draft evaluations when asked),
 * changed ones updated, gone ones marked removed. Re-importing the same list changes nothing.
 */
import { dec, parseEvaluation, type Evaluation } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { computeEvaluation, figuresOf, titleOf } from '../core-bridge.js';
import { inTransaction, type AppContext } from '../context.js';
import { invalidState, notFound } from '../errors.js';
import type { ProjectImportRow, ProjectRow } from '../db/schema.js';
import type { Repositories } from '../repositories/index.js';
import { buildProjectEvaluation, PREFILLED_FIELDS } from '../project-list/build-project-evaluation.js';
import type { PreviewRow, ResolvedRow } from '../project-list/diff-project-list.js';
import { EDITABLE_STATES, isEvaluationState } from '../workflow/state-machine.js';
import type { Actor } from '../workflow/access.js';
import { compareWithStored, previewOf, type ImportPreview, type ImportScope, type StoredImportRows } from './preview-project-import.js';
import { diffJson } from './diff-json.js';
import { insertEvaluationWith } from './create-evaluation.js';
import { submissionOverrideOf } from './check-submission.js';
import { refreshParentDepartments } from './refresh-department-figures.js';
import { qualityFigureOf, qualityReferenceOf } from './compute-quality-figure.js';
import { loadEvaluationPlan } from '../plan/evaluation-plan.js';

export interface ImportResult {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
  evaluationsCreated: number;
  evaluationsUpdated: number;
}

/** Key order does not count (jsonb stores object keys in its own order). */
function canonical(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(canonical);
  if (x && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, canonical((x as Record<string, unknown>)[k])]));
  return x;
}
const fingerprint = (p: Pick<ImportPreview, 'rows' | 'gone'>) =>
  JSON.stringify(canonical([p.rows.map((r) => [r.code, r.change, r.changes]), p.gone.map((g) => g.projectId)]));

export async function commitProjectImport(ctx: AppContext, actor: Actor, id: number): Promise<ProjectImportRow> {
  const at = ctx.now();
  /** Units whose projects or project evaluations this import changed (their departments' roll-ups change). */
  const touched = new Set<number>();
  const committed = await inTransaction(ctx, 'commit-project-import', async (r) => {
    const imp = await r.projects.findImport(id, true);
    if (!imp || imp.created_by !== actor.id) throw notFound(`项目清单导入 ${id}`);
    if (imp.status !== 'previewed') throw invalidState('该导入已经确认，无需再次确认；如需更新，请重新上传项目清单');
    const scope: ImportScope = { kind: imp.scope_kind, id: imp.scope_id };
    const stored = imp.rows as StoredImportRows;
    const seen = imp.preview as ImportPreview;
    const units = await r.projects.unitsOfRegion(imp.region_id);
    const now = await compareWithStored(r, imp.region_id, imp.fiscal_year, scope, stored, units, true);
    if (now.issues.length || fingerprint(previewOf(seen.scope, now.rows, now.gone)) !== fingerprint(seen)) {
      throw invalidState('预览之后项目库已有变化（他人导入或修改了项目），本次未写入任何内容，请重新上传项目清单预览');
    }
    const createEvaluations = (imp.options as { createEvaluations?: boolean }).createEvaluations !== false;
    const unitById = new Map(units.map((u) => [u.id, u]));
    const byCode = new Map(now.projects.map((p) => [p.code, p]));
    const rowByCode = new Map(stored.rows.map((x) => [x.code, x]));
    const result: ImportResult = { created: 0, updated: 0, removed: 0, unchanged: 0, evaluationsCreated: 0, evaluationsUpdated: 0 };
    for (const pr of now.rows) {
      const row = rowByCode.get(pr.code)!;
      if (pr.change === 'unchanged') result.unchanged++;
      else if (pr.change === 'new') {
        const u = unitById.get(row.unitId)!;
        const project = await createProject(r, at, actor, imp, row);
        touched.add(project.unit_id);
        result.created++;
        if (createEvaluations) {
          const evaluation = buildProjectEvaluation(project, { unitName: u.name, unitCode: u.code, departmentName: u.departmentName });
          await insertDraft(r, at, actor, evaluation, project, u.name);
          result.evaluationsCreated++;
        }
      } else {
        const before = byCode.get(pr.code)!;
        await updateProject(r, at, actor, imp, before, pr);
        touched.add(before.unit_id);
        result.updated++;
        const e = now.evaluations.get(before.id);
        if (e && (await followProjectList(r, at, actor, e.id, pr.changes))) result.evaluationsUpdated++;
      }
    }
    for (const g of now.gone) {
      const before = byCode.get(g.code)!;
      const removed = await r.projects.update(before.id, before.version, { status: 'removed', updated_at: at, import_id: imp.id });
      touched.add(before.unit_id);
      await r.auditLog.append({ entityType: 'project', entityId: before.id, evaluationId: g.evaluationId, actor, action: AUDIT_EVENTS.PROJECT_REMOVED, at, before: { status: before.status, version: before.version }, after: { status: 'removed', version: removed!.version, importId: imp.id } });
      result.removed++;
    }
    const done = await r.projects.markImportCommitted(imp.id, at, result);
    await r.auditLog.append({ entityType: 'project_import', entityId: imp.id, evaluationId: null, actor, action: AUDIT_EVENTS.PROJECT_IMPORT_COMMITTED, at, before: { status: 'previewed' }, after: { status: 'committed', result } });
    return done;
  });
  await refreshParentDepartments(ctx, [...touched].map((unitId) => ({ unitId, fiscalYear: committed.fiscal_year, kind: 'project' })));
  return committed;
}

async function createProject(r: Repositories, at: Date, actor: Actor, imp: ProjectImportRow, row: ResolvedRow): Promise<ProjectRow> {
  const project = await r.projects.insert({
    region_id: imp.region_id,
    fiscal_year: imp.fiscal_year,
    code: row.code,
    name: row.name,
    unit_id: row.unitId,
    kind: row.kind,
    category: row.category,
    issuing_department: row.issuingDepartment,
    manager: row.manager,
    phone: row.phone,
    initial_budget: row.initial,
    adjusted_budget: row.adjusted,
    sources: JSON.stringify(row.sources),
    status: 'active',
    version: 1,
    import_id: imp.id,
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  });
  const { sources: _s, ...after } = project;
  await r.auditLog.append({ entityType: 'project', entityId: project.id, evaluationId: null, actor, action: AUDIT_EVENTS.PROJECT_CREATED, at, before: null, after: { ...after, sources: row.sources, importId: imp.id } });
  return project;
}

async function updateProject(r: Repositories, at: Date, actor: Actor, imp: ProjectImportRow, before: ProjectRow, pr: PreviewRow): Promise<void> {
  const patch: Record<string, unknown> = { updated_at: at, import_id: imp.id };
  for (const [column, c] of Object.entries(pr.changes)) patch[column] = column === 'sources' ? JSON.stringify(c.after) : c.after;
  const updated = await r.projects.update(before.id, before.version, patch);
  if (!updated) throw invalidState(`项目 ${before.code} 刚被他人修改，本次未写入任何内容，请重新预览`);
  const beforeChanges = Object.fromEntries(Object.entries(pr.changes).map(([k, v]) => [k, v.before]));
  const afterChanges = Object.fromEntries(Object.entries(pr.changes).map(([k, v]) => [k, v.after]));
  await r.auditLog.append({ entityType: 'project', entityId: before.id, evaluationId: null, actor, action: AUDIT_EVENTS.PROJECT_UPDATED, at, before: { version: before.version, changes: beforeChanges }, after: { version: updated.version, importId: imp.id, changes: afterChanges } });
}

function insertDraft(r: Repositories, at: Date, actor: Actor, evaluation: Evaluation, project: ProjectRow, unitName: string) {
  return insertEvaluationWith(r, at, actor, evaluation, { unitId: project.unit_id, unitName, status: 'draft', projectId: project.id });
}

const sameValue = (a: unknown, b: unknown) =>
  a === null || b === null || a === undefined || b === undefined
    ? (a ?? null) === (b ?? null)
    : typeof a === 'string' && typeof b === 'string' && /^\d+(\.\d+)?$/.test(a) && /^\d+(\.\d+)?$/.test(b)
      ? dec(a).eq(b)
      : a === b;

/**
 * A draft or returned evaluation follows the list where it still holds the list's previous
 * value; a field the unit already changed is left alone. Returns whether it changed.
 */
async function followProjectList(r: Repositories, at: Date, actor: Actor, evaluationId: number, changes: PreviewRow['changes']): Promise<boolean> {
  const locked = await r.evaluations.findForUpdate(evaluationId);
  if (!locked || !isEvaluationState(locked.status) || !EDITABLE_STATES.includes(locked.status)) return false;
  const parsed = parseEvaluation(locked.data);
  if (!parsed.ok) return false;
  const evaluation = parsed.value;
  let touched = false;
  for (const f of PREFILLED_FIELDS) {
    const c = changes[f.column];
    if (!c || !sameValue(f.get(evaluation), c.before)) continue;
    f.set(evaluation, c.after as never);
    touched = true;
  }
  if (!touched) return false;
  const computed = computeEvaluation(evaluation, undefined, await loadEvaluationPlan(r, locked));
  const fig = figuresOf(evaluation, computed, submissionOverrideOf(locked.submission_override));
  const updated = await r.evaluations.updateIfVersion(evaluationId, locked.version, {
    data: JSON.stringify(evaluation),
    title: titleOf(evaluation, evaluation.unit.name ?? ''),
    self_score: fig.selfScore,
    computed_score: fig.computedScore,
    quality_computed: qualityFigureOf(evaluation, computed, (await qualityReferenceOf(r, { id: evaluationId, review_score: locked.review_score })).reviewTotal),
    grade: fig.grade,
    execution_rate: fig.executionRate,
    ungradable_reason: fig.ungradableReason,
    errors: fig.errors,
    warnings: fig.warnings,
    blocking: fig.blocking,
    updated_at: at,
  });
  if (!updated) return false;
  const d = diffJson(locked.data, JSON.parse(JSON.stringify(evaluation)));
  await r.auditLog.append({ entityType: 'evaluation', entityId: evaluationId, evaluationId, actor, action: AUDIT_EVENTS.EVALUATION_UPDATED, at, before: { version: locked.version, changes: d.before }, after: { version: updated.version, changes: d.after, reason: 'project_list' } });
  return true;
}
