/** Organisation, samples, rectifications, dashboards and to-do (targets: routes/plan.ts). */
import { Hono } from 'hono';
import { repositories } from '../../repositories/index.js';
import { drawSample } from '../../use-cases/draw-sample.js';
import { getDashboard } from '../../use-cases/get-dashboard.js';
import { getTodo } from '../../use-cases/get-todo.js';
import { listSamples } from '../../use-cases/list-samples.js';
import { createRectification, updateRectification } from '../../use-cases/manage-rectifications.js';
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
