/**
 * The year before the self-evaluation: annual tasks (年度任务, progress board, 催报, unlocks),
 * targets as a tree (申报, review, approval, adjustments, 生成自评) and 运行监控 returns.
 */
import { Hono, type Context } from 'hono';
import { getProfile } from '@jixiao/core';
import { badRequest } from '../../errors.js';
import { buildMonitoringWorkbook } from '../../plan/monitoring-sheet.js';
import { monitoringBasis } from '../../plan/monitoring-rules.js';
import { monitoringJson } from '../../plan/monitoring-views.js';
import { bureauOfActor, loadVisibleTask, taskJson } from '../../plan/task-access.js';
import { targetDetail, targetSummary } from '../../plan/target-views.js';
import { repositories } from '../../repositories/index.js';
import type { MonitoringRecord } from '../../repositories/monitoring.repository.js';
import { applyAdjustmentAction } from '../../use-cases/apply-adjustment-action.js';
import { applyMonitoringAction } from '../../use-cases/apply-monitoring-action.js';
import { applyTargetAction } from '../../use-cases/apply-target-action.js';
import { applyTaskAction } from '../../use-cases/apply-task-action.js';
import { fileTargets } from '../../use-cases/file-targets.js';
import { generateEvaluationFromTargets } from '../../use-cases/generate-evaluation-from-targets.js';
import { getCurrentTask } from '../../use-cases/get-current-task.js';
import { getTaskProgress } from '../../use-cases/get-task-progress.js';
import { importMonitoringReturn } from '../../use-cases/import-monitoring-return.js';
import { openAnnualTask } from '../../use-cases/open-annual-task.js';
import { remindTaskUnits } from '../../use-cases/remind-task-units.js';
import { createMonitoringReturn, loadVisibleReturn, updateMonitoringReturn } from '../../use-cases/save-monitoring-return.js';
import { unlockTaskUnit } from '../../use-cases/unlock-task-unit.js';
import { updateAnnualTask } from '../../use-cases/update-annual-task.js';
import { updateEvaluationTargets } from '../../use-cases/update-evaluation-targets.js';
import { loadVisibleTarget, updateTargets } from '../../use-cases/update-targets.js';
import { requestTargetAdjustment } from '../../use-cases/request-target-adjustment.js';
import { visibilityOf, type Actor } from '../../workflow/access.js';
import { intParam, intQuery, jsonBody, requireActor, type AppEnv, type ServerOptions } from '../env.js';
import { contentDisposition } from './evaluations.js';

export function planRoutes(opts: ServerOptions) {
  const { ctx } = opts;
  const app = new Hono<AppEnv>();
  taskRoutes(app, opts);
  targetRoutes(app, opts);

  const returnView = async (actor: Actor, m: MonitoringRecord) => {
    const r = repositories(ctx.db);
    const task = await r.tasks.findForBureauYear(m.bureauId, m.fiscal_year);
    return monitoringJson(m, actor, getProfile(task?.profile ?? 'national'));
  };
  app.get('/monitoring', async (c) => {
    const actor = requireActor(c);
    const rows = await repositories(ctx.db).monitoring.list(visibilityOf(actor), { year: intQuery(c, 'year'), targetId: intQuery(c, 'targetId'), unitId: intQuery(c, 'unitId'), status: c.req.query('status') || undefined });
    return c.json(await Promise.all(rows.map((m) => returnView(actor, m))));
  });
  app.get('/monitoring/:id', async (c) => {
    const actor = requireActor(c);
    return c.json(await returnView(actor, await loadVisibleReturn(ctx, actor, intParam(c, 'id'))));
  });
  app.put('/monitoring/:id', async (c) => {
    const actor = requireActor(c);
    const row = await updateMonitoringReturn(ctx, actor, intParam(c, 'id'), await jsonBody(c));
    return c.json(await returnView(actor, await loadVisibleReturn(ctx, actor, row.id)));
  });
  app.post('/monitoring/:id/actions/:action', async (c) => {
    const actor = requireActor(c);
    const row = await applyMonitoringAction(ctx, actor, intParam(c, 'id'), c.req.param('action'), await jsonBody(c));
    return c.json(await returnView(actor, await loadVisibleReturn(ctx, actor, row.id)));
  });
  app.post('/targets/:id/monitoring', async (c) => {
    const actor = requireActor(c);
    const row = await createMonitoringReturn(ctx, actor, intParam(c, 'id'), await jsonBody(c));
    return c.json(await returnView(actor, await loadVisibleReturn(ctx, actor, row.id)), 201);
  });
  app.post('/targets/:id/monitoring/import', async (c) => {
    const actor = requireActor(c);
    const form = await c.req.parseBody().catch(() => {
      throw badRequest('请以 multipart/form-data 上传，字段名为 file 和 periodEndMonth');
    });
    const file = form.file;
    if (!(file instanceof File)) throw badRequest('请以 multipart/form-data 上传，字段名为 file 和 periodEndMonth');
    const month = typeof form.periodEndMonth === 'string' && /^\d{1,2}$/.test(form.periodEndMonth) ? Number(form.periodEndMonth) : null;
    const row = await importMonitoringReturn(ctx, actor, intParam(c, 'id'), { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || 'upload.xlsx' }, month);
    return c.json(await returnView(actor, await loadVisibleReturn(ctx, actor, row.id)), 201);
  });
  app.get('/targets/:id/monitoring/template', async (c) => {
    const actor = requireActor(c);
    const t = await loadVisibleTarget(ctx, actor, intParam(c, 'id'));
    const basis = await monitoringBasis(repositories(ctx.db), t);
    const month = intQuery(c, 'periodEndMonth') ?? 7;
    const bytes = await buildMonitoringWorkbook(basis.tree, { title: `${t.name}运行监控表（1–${month}月）`, adjusted: null });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': contentDisposition(`${t.name}运行监控表（1–${month}月）.xlsx`),
    });
  });
  return app;
}

function taskRoutes(app: Hono<AppEnv>, { ctx }: ServerOptions) {
  app.get('/tasks', async (c) => {
    const actor = requireActor(c);
    const r = repositories(ctx.db);
    const bureauId = actor.role === 'admin' ? null : await bureauOfActor(r, actor);
    if (bureauId === null && actor.role !== 'admin') return c.json([]);
    return c.json((await r.tasks.list(bureauId, intQuery(c, 'year'))).map(taskJson));
  });
  app.get('/tasks/current', async (c) => c.json(await getCurrentTask(ctx, requireActor(c))));
  app.post('/tasks', async (c) => c.json(taskJson(await openAnnualTask(ctx, requireActor(c), await jsonBody(c))), 201));
  app.get('/tasks/:id', async (c) => c.json(taskJson(await loadVisibleTask(repositories(ctx.db), requireActor(c), intParam(c, 'id')))));
  app.put('/tasks/:id', async (c) => c.json(taskJson(await updateAnnualTask(ctx, requireActor(c), intParam(c, 'id'), await jsonBody(c)))));
  app.post('/tasks/:id/actions/:action', async (c) => c.json(taskJson(await applyTaskAction(ctx, requireActor(c), intParam(c, 'id'), c.req.param('action'), await jsonBody(c)))));
  app.get('/tasks/:id/progress', async (c) => c.json(await getTaskProgress(ctx, requireActor(c), intParam(c, 'id'), { departmentId: intQuery(c, 'departmentId') })));
  app.get('/tasks/:id/reminders', async (c) => {
    const actor = requireActor(c);
    const r = repositories(ctx.db);
    const task = await loadVisibleTask(r, actor, intParam(c, 'id'));
    const unitOnly = actor.role === 'unit_filler' || actor.role === 'unit_head' ? (actor.unitId ?? -1) : undefined;
    const rows = await r.tasks.listReminders(task.id, unitOnly);
    return c.json(rows.map((x) => ({ id: x.id, unitId: x.unit_id, unitName: x.unitName, message: x.message, sentAt: new Date(x.sent_at).toISOString(), sentBy: x.sentBy })));
  });
  app.post('/tasks/:id/reminders', async (c) => c.json(await remindTaskUnits(ctx, requireActor(c), intParam(c, 'id'), await jsonBody(c)), 201));
  app.post('/tasks/:id/unlocks', async (c) => c.json(await unlockTaskUnit(ctx, requireActor(c), intParam(c, 'id'), await jsonBody(c)), 201));
}

function targetRoutes(app: Hono<AppEnv>, { ctx }: ServerOptions) {
  const detail = async (c: Context<AppEnv>, actor: Actor, id: number, status = 200) => {
    const t = await loadVisibleTarget(ctx, actor, id);
    return c.json(await targetDetail(repositories(ctx.db), actor, t), status as 200);
  };
  app.get('/targets', async (c) => {
    const actor = requireActor(c);
    const rows = await repositories(ctx.db).targets.list(visibilityOf(actor), { year: intQuery(c, 'year'), unitId: intQuery(c, 'unitId'), kind: c.req.query('kind') || undefined, status: c.req.query('status') || undefined });
    return c.json(rows.map(targetSummary));
  });
  app.get('/targets/:id', async (c) => detail(c, requireActor(c), intParam(c, 'id')));
  app.post('/targets', async (c) => {
    const actor = requireActor(c);
    const row = await fileTargets(ctx, actor, await jsonBody(c));
    return detail(c, actor, row.id, 201);
  });
  app.put('/targets/:id', async (c) => {
    const actor = requireActor(c);
    const row = await updateTargets(ctx, actor, intParam(c, 'id'), await jsonBody(c));
    return detail(c, actor, row.id);
  });
  app.post('/targets/:id/actions/:action', async (c) => {
    const actor = requireActor(c);
    const row = await applyTargetAction(ctx, actor, intParam(c, 'id'), c.req.param('action'), await jsonBody(c));
    return detail(c, actor, row.id);
  });
  app.post('/targets/:id/adjustments', async (c) => {
    const actor = requireActor(c);
    const id = intParam(c, 'id');
    await requestTargetAdjustment(ctx, actor, id, await jsonBody(c));
    return detail(c, actor, id, 201);
  });
  app.post('/targets/:id/adjustments/:aid/actions/:action', async (c) => {
    const actor = requireActor(c);
    const id = intParam(c, 'id');
    await applyAdjustmentAction(ctx, actor, id, intParam(c, 'aid'), c.req.param('action'), await jsonBody(c));
    return detail(c, actor, id);
  });
  app.post('/targets/:id/evaluation', async (c) => {
    const actor = requireActor(c);
    const row = await generateEvaluationFromTargets(ctx, actor, intParam(c, 'id'));
    return c.json({ evaluationId: row.id, version: row.version }, 201);
  });
  // 更新为最新批复版本: the self-evaluation follows the target's latest approved version.
  app.post('/evaluations/:id/approved-targets', async (c) => {
    const actor = requireActor(c);
    const b = await jsonBody(c);
    return c.json(await updateEvaluationTargets(ctx, actor, intParam(c, 'id'), { version: b.version }));
  });
}
