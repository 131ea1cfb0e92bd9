/** Projects (项目支出, 转移支付): lists, project-list imports, batch actions, department roll-up, unit workbook. */
import { Hono, type Context } from 'hono';
import { JxError } from '@jixiao/core';
import { badRequest } from '../../errors.js';
import { applyBatchAction } from '../../use-cases/apply-batch-action.js';
import { commitProjectImport } from '../../use-cases/commit-project-import.js';
import { createProjectEvaluation } from '../../use-cases/create-project-evaluation.js';
import { toDetail } from '../../use-cases/evaluation-views.js';
import { getDepartmentProjects } from '../../use-cases/get-department-projects.js';
import { getProject, listProjects, listUnitProjects } from '../../use-cases/list-projects.js';
import { loadVisibleEvaluation } from '../../use-cases/load-visible-evaluation.js';
import { previewProjectImport } from '../../use-cases/preview-project-import.js';
import { toImportJson } from '../../use-cases/project-views.js';
import { exportUnitProjects } from '../../use-cases/export-unit-projects.js';
import { repositories } from '../../repositories/index.js';
import { AMOUNT_UNITS, type AmountUnit } from '../../project-list/parse-project-list.js';
import { PROJECT_LIST_EXTENSIONS } from '../../project-list/read-project-list-file.js';
import { notFound } from '../../errors.js';
import { intParam, intQuery, jsonBody, requireActor, type AppEnv, type ServerOptions } from '../env.js';
import { contentDisposition } from './evaluations.js';

export function projectRoutes(opts: ServerOptions) {
  const { ctx } = opts;
  const app = new Hono<AppEnv>();

  app.get('/projects', async (c) => {
    const actor = requireActor(c);
    const q = (k: string) => c.req.query(k) || undefined;
    return c.json(
      await listProjects(ctx, actor, {
        year: intQuery(c, 'year'),
        departmentId: intQuery(c, 'departmentId'),
        unitId: intQuery(c, 'unitId'),
        kind: q('kind'),
        grade: q('grade'),
        progress: q('progress'),
        minAmount: q('minAmount'),
        maxAmount: q('maxAmount'),
        hasErrors: q('hasErrors'),
        blocked: q('blocked'),
        q: q('q'),
        includeRemoved: q('includeRemoved'),
        sort: q('sort'),
        page: intQuery(c, 'page'),
        pageSize: intQuery(c, 'pageSize'),
      }),
    );
  });

  app.get('/projects/:id', async (c) => c.json(await getProject(ctx, requireActor(c), intParam(c, 'id'))));

  app.post('/projects/:id/evaluation', async (c) => {
    const actor = requireActor(c);
    const row = await createProjectEvaluation(ctx, actor, intParam(c, 'id'));
    return c.json(toDetail(actor, await loadVisibleEvaluation(ctx, actor, row.id)), 201);
  });

  app.get('/units/:id/projects', async (c) => {
    const actor = requireActor(c);
    return c.json(await listUnitProjects(ctx, actor, intParam(c, 'id'), { year: intQuery(c, 'year'), sort: c.req.query('sort') || undefined }));
  });

  app.get('/units/:id/projects/export', async (c) => {
    const actor = requireActor(c);
    const format = c.req.query('format') ?? 'xlsx';
    const r = await exportUnitProjects(ctx, actor, intParam(c, 'id'), { year: intQuery(c, 'year'), format });
    return c.body(r.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': r.contentType, 'Content-Disposition': contentDisposition(r.fileName) });
  });

  app.post('/project-imports', async (c) => {
    const actor = requireActor(c);
    const row = await previewProjectImport(ctx, actor, await importForm(c));
    return c.json(toImportJson(row), 201);
  });

  app.get('/project-imports/:id', async (c) => {
    const actor = requireActor(c);
    const row = await repositories(ctx.db).projects.findImport(intParam(c, 'id'));
    if (!row || row.created_by !== actor.id) throw notFound(`项目清单导入 ${c.req.param('id')}`);
    return c.json(toImportJson(row));
  });

  app.post('/project-imports/:id/commit', async (c) => {
    const actor = requireActor(c);
    return c.json(toImportJson(await commitProjectImport(ctx, actor, intParam(c, 'id'))));
  });

  app.post('/evaluations/batch/:action', async (c) => {
    const actor = requireActor(c);
    const b = await jsonBody(c);
    return c.json(await applyBatchAction(ctx, actor, c.req.param('action'), { items: b.items, opinion: b.opinion, overrideReason: b.overrideReason }));
  });

  app.get('/evaluations/:id/projects', async (c) => c.json(await getDepartmentProjects(ctx, requireActor(c), intParam(c, 'id'))));

  return app;
}

const field = (form: Record<string, unknown>, name: string): string | undefined => {
  const v = form[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

function intField(form: Record<string, unknown>, name: string): number | undefined {
  const v = field(form, name);
  if (v === undefined) return undefined;
  if (!/^\d{1,9}$/.test(v)) throw badRequest(`${name} 应为整数`);
  return Number(v);
}

/** The multipart form of a project-list upload: file, fiscalYear, optional scope and options. */
async function importForm(c: Context<AppEnv>) {
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody();
  } catch {
    throw badRequest('请以 multipart/form-data 上传，字段名为 file');
  }
  const file = form.file;
  if (!(file instanceof File)) throw badRequest('请以 multipart/form-data 上传项目清单，字段名为 file');
  const name = file.name || 'upload';
  const ext = name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (!(PROJECT_LIST_EXTENSIONS as readonly string[]).includes(ext)) throw new JxError('UNSUPPORTED_FORMAT', `项目清单只接受 ${PROJECT_LIST_EXTENSIONS.join(' ')} 文件`);
  if (file.size === 0) throw new JxError('FILE_EMPTY');
  const fiscalYear = intField(form, 'fiscalYear');
  if (fiscalYear === undefined || fiscalYear < 1990 || fiscalYear > 2100) throw badRequest('请填写 fiscalYear（项目清单所属年度，如 2024）');
  const amountUnit = field(form, 'amountUnit');
  if (amountUnit !== undefined && !(AMOUNT_UNITS as string[]).includes(amountUnit)) throw badRequest(`amountUnit 应为 ${AMOUNT_UNITS.join(' 或 ')}`);
  const createEvaluations = field(form, 'createEvaluations');
  if (createEvaluations !== undefined && createEvaluations !== 'true' && createEvaluations !== 'false') throw badRequest('createEvaluations 应为 true 或 false');
  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName: name,
    fiscalYear,
    departmentId: intField(form, 'departmentId'),
    unitId: intField(form, 'unitId'),
    amountUnit: amountUnit as AmountUnit | undefined,
    createEvaluations: createEvaluations !== 'false',
  };
}

