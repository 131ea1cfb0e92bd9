/**
 * After the self-evaluation: 抽评 (draws, items, third-party re-scores), 自评质量, 整改 (items,
 * actions, evidence) and 结果应用 (the list, decisions, responses, the .xlsx for the budget
 * office). Publication checks and 撤回公开 are workflow actions (routes/evaluations.ts).
 */
import { Hono } from 'hono';
import { badRequest, forbidden, notFound } from '../../errors.js';
import { repositories } from '../../repositories/index.js';
import { addRectificationEvidence } from '../../use-cases/add-rectification-evidence.js';
import { adjustEvaluationQuality, getEvaluationQuality } from '../../use-cases/assess-evaluation-quality.js';
import { drawSample } from '../../use-cases/draw-sample.js';
import { buildResultApplicationWorkbook } from '../../use-cases/export-result-applications.js';
import { listSampleItems, listSamples, sampleJson } from '../../use-cases/list-samples.js';
import { applyRectificationAction, createRectification, getRectification, listRectifications, loadRectification, updateRectification } from '../../use-cases/manage-rectifications.js';
import { decideResultApplication, listResultApplications, respondResultApplication } from '../../use-cases/manage-result-applications.js';
import { rescoreSampleItem, returnSampleItem } from '../../use-cases/rescore-sample-item.js';
import { intParam, intQuery, jsonBody, requireActor, type AppEnv, type ServerOptions } from '../env.js';
import { EXPORT_TYPES, contentDisposition } from './evaluations.js';

export function afterCycleRoutes(opts: ServerOptions) {
  const { ctx } = opts;
  const app = new Hono<AppEnv>();

  app.get('/samples', async (c) => c.json(await listSamples(ctx, requireActor(c), { year: intQuery(c, 'year') })));
  app.post('/samples', async (c) => c.json(sampleJson(await drawSample(ctx, requireActor(c), await jsonBody(c))), 201));
  app.get('/assessors', async (c) => {
    const actor = requireActor(c);
    if (actor.role !== 'finance_reviewer' || actor.bureauId === null) throw forbidden('只有财政局绩效科可以选择评价机构');
    return c.json(await repositories(ctx.db).samples.listAssessors(actor.bureauId));
  });
  app.get('/sample-items', async (c) => c.json(await listSampleItems(ctx, requireActor(c), { year: intQuery(c, 'year') })));
  app.put('/sample-items/:id/rescore', async (c) => c.json(await rescoreSampleItem(ctx, requireActor(c), intParam(c, 'id'), await jsonBody(c))));
  app.post('/sample-items/:id/actions/return', async (c) => c.json(await returnSampleItem(ctx, requireActor(c), intParam(c, 'id'), await jsonBody(c))));

  app.get('/evaluations/:id/quality', async (c) => c.json(await getEvaluationQuality(ctx, requireActor(c), intParam(c, 'id'))));
  app.put('/evaluations/:id/quality', async (c) => c.json(await adjustEvaluationQuality(ctx, requireActor(c), intParam(c, 'id'), await jsonBody(c))));

  app.get('/rectifications', async (c) =>
    c.json(
      await listRectifications(ctx, requireActor(c), {
        evaluationId: intQuery(c, 'evaluationId'),
        status: c.req.query('status') || undefined,
        source: c.req.query('source') || undefined,
        overdue: c.req.query('overdue') === '1' || c.req.query('overdue') === 'true',
      }),
    ),
  );
  app.post('/rectifications', async (c) => c.json(await createRectification(ctx, requireActor(c), await jsonBody(c)), 201));
  app.get('/rectifications/:id', async (c) => c.json(await getRectification(ctx, requireActor(c), intParam(c, 'id'))));
  app.patch('/rectifications/:id', async (c) => c.json(await updateRectification(ctx, requireActor(c), intParam(c, 'id'), await jsonBody(c))));
  app.post('/rectifications/:id/actions/:action', async (c) =>
    c.json(await applyRectificationAction(ctx, requireActor(c), intParam(c, 'id'), c.req.param('action'), await jsonBody(c))),
  );
  app.post('/rectifications/:id/evidence', async (c) => {
    const actor = requireActor(c);
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw badRequest('请以 multipart/form-data 上传，字段名为 file', [{ field: 'file', message: '缺少文件' }]);
    }
    const file = form.file;
    if (!(file instanceof File)) throw badRequest('请以 multipart/form-data 上传，字段名为 file', [{ field: 'file', message: '缺少文件' }]);
    const row = await addRectificationEvidence(ctx, actor, intParam(c, 'id'), { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return c.json(row, 201);
  });
  app.get('/rectifications/:id/evidence/:evidenceId', async (c) => {
    const item = await loadRectification(ctx, requireActor(c), intParam(c, 'id'));
    const file = await repositories(ctx.db).rectifications.findEvidence(item.id, intParam(c, 'evidenceId'));
    if (!file) throw notFound(`佐证材料 ${c.req.param('evidenceId')}`);
    return c.body(file.content as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.content_type,
      'Content-Disposition': contentDisposition(file.file_name),
      'X-Content-SHA256': file.sha256,
    });
  });

  app.get('/result-applications', async (c) => c.json(await listResultApplications(ctx, requireActor(c), { year: intQuery(c, 'year') })));
  app.get('/result-applications/export', async (c) => {
    const year = intQuery(c, 'year');
    const lines = await listResultApplications(ctx, requireActor(c), { year });
    const bytes = await buildResultApplicationWorkbook(year, lines);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': EXPORT_TYPES.xlsx!, 'Content-Disposition': contentDisposition(`${year ?? ''}年度绩效评价结果应用清单.xlsx`) });
  });
  app.post('/result-applications/:evaluationId/decision', async (c) => c.json(await decideResultApplication(ctx, requireActor(c), intParam(c, 'evaluationId'), await jsonBody(c)), 201));
  app.post('/result-applications/:evaluationId/response', async (c) => c.json(await respondResultApplication(ctx, requireActor(c), intParam(c, 'evaluationId'), await jsonBody(c))));
  return app;
}
