/**
 * The demo region's projects: the finance bureau imports the year's project list (the same
 * preview → commit path a user takes), the units fill their 自评表 and some are driven
 * through the review cycle, so lists, progress, findings and department roll-ups all have
 * something to show. A few are left 未填 (the draft as the list pre-filled it).
 */
import type { AppContext } from '../context.js';
import { computeEvaluation } from '../core-bridge.js';
import type { ProjectRow } from '../db/schema.js';
import { buildProjectEvaluation } from '../project-list/build-project-evaluation.js';
import { insertEvaluation } from '../use-cases/create-evaluation.js';
import { applyWorkflowAction } from '../use-cases/apply-workflow-action.js';
import { submissionCheckOf } from '../use-cases/check-submission.js';
import { overrideSubmissionChecks } from '../use-cases/override-submission-checks.js';
import { commitProjectImport } from '../use-cases/commit-project-import.js';
import { previewProjectImport } from '../use-cases/preview-project-import.js';
import { refreshParentDepartments } from '../use-cases/refresh-department-figures.js';
import type { Actor } from '../workflow/access.js';
import { demoProjectListCsv, demoProjects, fillDemoProject, type DemoProject } from './generate-demo-projects.js';

export interface DemoProjectActors {
  finance: Actor;
  /** Per demo unit: its filler, its head and its department's reviewer. */
  units: { code: string; filler: Actor; head: Actor; reviewer: Actor }[];
}

export async function loadDemoProjects(ctx: AppContext, year: number, a: DemoProjectActors): Promise<number> {
  const projects = demoProjects(year).filter((p) => a.units[p.unit] !== undefined);
  const csv = demoProjectListCsv(projects, a.units.map((u) => u.code));
  // The list goes through the user's path (preview → commit); the drafts are then written filled,
  // as the units would save them (one scoring and audit per project instead of two).
  const preview = await previewProjectImport(ctx, a.finance, {
    bytes: new TextEncoder().encode(csv),
    fileName: `${year}年度项目支出预算表.csv`,
    fiscalYear: year,
    createEvaluations: false,
  });
  await commitProjectImport(ctx, a.finance, preview.id);
  const rows = await ctx.db
    .selectFrom('projects as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('departments as d', 'd.id', 'u.department_id')
    .selectAll('p')
    .select(['u.name as unit_name', 'u.code as unit_code', 'd.name as department_name'])
    .where('p.import_id', '=', preview.id)
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const p of projects) {
    const row = byCode.get(p.code);
    if (row) await fillAndDrive(ctx, p, row, a);
  }
  // The projects were written straight in (not through the save use case): refresh each unit's department counts once.
  await refreshParentDepartments(ctx, rows.map((r) => ({ unitId: r.unit_id, fiscalYear: year, kind: r.kind })));
  return projects.length;
}

async function fillAndDrive(ctx: AppContext, p: DemoProject, row: ProjectRow & { unit_name: string; unit_code: string | null; department_name: string }, a: DemoProjectActors): Promise<void> {
  const u = a.units[p.unit]!;
  const draft = buildProjectEvaluation(row, { unitName: row.unit_name, unitCode: row.unit_code, departmentName: row.department_name });
  const evaluation = p.stage === 'not_started' ? draft : fillDemoProject(draft, p);
  const created = await insertEvaluation(ctx, u.filler, evaluation, row.unit_id, row.unit_name, 'draft', row.id);
  let version = created.version;
  const act = async (actor: Actor, action: string, opinion?: string) => (version = (await applyWorkflowAction(ctx, actor, created.id, action, { version, opinion })).version);
  if (p.stage === 'not_started' || p.stage === 'draft') return;
  // A flawed demo table is submitted as it stands: the finance bureau waives its blocking findings, with a reason.
  if (submissionCheckOf(computeEvaluation(evaluation).audit, null).blocking.length > 0) {
    await overrideSubmissionChecks(ctx, a.finance, created.id, { reason: '演示数据：带有典型问题的项目自评表，按原样提交以演示审核' });
  }
  await act(u.head, 'submit');
  if (p.stage === 'submitted') return;
  await act(u.reviewer, 'approve', '经审核，同意报送财政。');
  if (p.stage === 'department_approved') return;
  await act(a.finance, 'approve', '审核通过。');
}
