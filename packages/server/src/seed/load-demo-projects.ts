/**
 * The demo region's projects: the finance bureau imports the year's project list (the same
 * preview → commit path a user takes), the units fill their 自评表 and some are driven
 * through the review cycle, so lists, progress, findings and department roll-ups all have
 * something to show.
 */
import { parseEvaluation } from '@jixiao/core';
import type { AppContext } from '../context.js';
import { applyWorkflowAction } from '../use-cases/apply-workflow-action.js';
import { commitProjectImport } from '../use-cases/commit-project-import.js';
import { previewProjectImport } from '../use-cases/preview-project-import.js';
import { saveEvaluation } from '../use-cases/save-evaluation.js';
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
  const preview = await previewProjectImport(ctx, a.finance, {
    bytes: new TextEncoder().encode(csv),
    fileName: `${year}年度项目支出预算表.csv`,
    fiscalYear: year,
    createEvaluations: true,
  });
  await commitProjectImport(ctx, a.finance, preview.id);
  const drafts = await ctx.db
    .selectFrom('projects as p')
    .innerJoin('evaluations as e', 'e.project_id', 'p.id')
    .select(['p.code', 'e.id', 'e.version', 'e.data'])
    .where('p.fiscal_year', '=', year)
    .where('p.import_id', '=', preview.id)
    .execute();
  const byCode = new Map(drafts.map((d) => [d.code, d]));
  for (const p of projects) {
    const d = byCode.get(p.code);
    if (!d || p.stage === 'not_started') continue;
    await fillAndDrive(ctx, p, d, a);
  }
  return projects.length;
}

async function fillAndDrive(ctx: AppContext, p: DemoProject, d: { id: number; version: number; data: unknown }, a: DemoProjectActors): Promise<void> {
  const u = a.units[p.unit]!;
  const draft = parseEvaluation(d.data);
  if (!draft.ok) throw draft.error;
  let { version } = await saveEvaluation(ctx, u.filler, d.id, { version: d.version, evaluation: fillDemoProject(draft.value, p) });
  const act = async (actor: Actor, action: string, opinion?: string) => (version = (await applyWorkflowAction(ctx, actor, d.id, action, { version, opinion })).version);
  if (p.stage === 'draft') return;
  await act(u.head, 'submit');
  if (p.stage === 'submitted') return;
  await act(u.reviewer, 'approve', '经审核，同意报送财政。');
  if (p.stage === 'department_approved') return;
  await act(a.finance, 'approve', '审核通过。');
}
