/** Organisation, targets, samples, rectifications, dashboards and to-do. */
import { Hono } from 'hono';
import { repositories } from '../../repositories/index.js';
import { drawSample } from '../../use-cases/draw-sample.js';
import { getDashboard } from '../../use-cases/get-dashboard.js';
import { getTodo } from '../../use-cases/get-todo.js';
import { listSamples } from '../../use-cases/list-samples.js';
import { createRectification, updateRectification } from '../../use-cases/manage-rectifications.js';
import {
  approveTarget,
  approveTargetAdjustment,
  createTarget,
  listTargets,
  requestTargetAdjustment,
  toTargetJson,
  updateTarget,
} from '../../use-cases/manage-targets.js';
import { visibilityOf } from '../../workflow/access.js';
import type { SampleRow } from '../../db/schema.js';
import { intParam, intQuery, jsonBody, requireActor, type AppEnv, type ServerOptions } from '../env.js';

const sampleJson = (s: SampleRow) => ({
  id: s.id,
  fiscalYear: s.fiscal_year,
  size: s.size,
  seed: s.seed,
  drawnAt: new Date(s.drawn_at).toISOString(),
  population: s.population,
  evaluationIds: s.evaluation_ids,
});

export function cycleRoutes(opts: ServerOptions) {
  const { ctx } = opts;
  const app = new Hono<AppEnv>();

  app.get('/org', async (c) => {
    const actor = requireActor(c);
    return c.json(await repositories(ctx.db).org.listVisible(visibilityOf(actor)));
  });

  app.get('/targets', async (c) => {
    const actor = requireActor(c);
    return c.json(await listTargets(ctx, actor, { year: intQuery(c, 'year'), unitId: intQuery(c, 'unitId') }));
  });
  app.post('/targets', async (c) => {
    const actor = requireActor(c);
    const row = await createTarget(ctx, actor, await jsonBody(c));
    return c.json(toTargetJson(row), 201);
  });
  app.put('/targets/:id', async (c) => {
    const actor = requireActor(c);
    return c.json(toTargetJson(await updateTarget(ctx, actor, intParam(c, 'id'), await jsonBody(c))));
  });
  app.post('/targets/:id/approve', async (c) => {
    const actor = requireActor(c);
    return c.json(toTargetJson(await approveTarget(ctx, actor, intParam(c, 'id'), await jsonBody(c))));
  });
  app.post('/targets/:id/adjustments', async (c) => {
    const actor = requireActor(c);
    return c.json(await requestTargetAdjustment(ctx, actor, intParam(c, 'id'), await jsonBody(c)), 201);
  });
  app.post('/targets/:id/adjustments/:aid/approve', async (c) => {
    const actor = requireActor(c);
    const r = await approveTargetAdjustment(ctx, actor, intParam(c, 'id'), intParam(c, 'aid'));
    return c.json({ target: toTargetJson(r.target), adjustment: r.adjustment });
  });

  app.get('/samples', async (c) => {
    const actor = requireActor(c);
    const list = await listSamples(ctx, actor, { year: intQuery(c, 'year') });
    return c.json(list.map((s) => ({ ...sampleJson(s.sample), evaluations: s.evaluations })));
  });
  app.post('/samples', async (c) => {
    const actor = requireActor(c);
    const s = await drawSample(ctx, actor, await jsonBody(c));
    return c.json(sampleJson(s), 201);
  });

  app.get('/rectifications', async (c) => {
    const actor = requireActor(c);
    const rows = await repositories(ctx.db).rectifications.list(visibilityOf(actor), {
      evaluationId: intQuery(c, 'evaluationId'),
      status: c.req.query('status') || undefined,
    });
    return c.json(rows);
  });
  app.post('/rectifications', async (c) => {
    const actor = requireActor(c);
    return c.json(await createRectification(ctx, actor, await jsonBody(c)), 201);
  });
  app.patch('/rectifications/:id', async (c) => {
    const actor = requireActor(c);
    return c.json(await updateRectification(ctx, actor, intParam(c, 'id'), await jsonBody(c)));
  });

  app.get('/todo', async (c) => c.json(await getTodo(ctx, requireActor(c))));
  app.get('/dashboard', async (c) => {
    const actor = requireActor(c);
    return c.json(await getDashboard(ctx, actor, { year: intQuery(c, 'year'), departmentId: intQuery(c, 'departmentId'), unitId: intQuery(c, 'unitId') }));
  });
  return app;
}
