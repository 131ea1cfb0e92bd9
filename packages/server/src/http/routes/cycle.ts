/** Organisation, dashboards and to-do (targets: routes/plan.ts; samples, rectifications, results: routes/after-cycle.ts). */
import { Hono } from 'hono';
import { repositories } from '../../repositories/index.js';
import { getTodo } from '../../use-cases/get-todo.js';
import { visibilityOf } from '../../workflow/access.js';
import { intQuery, requireActor, type AppEnv, type ServerOptions } from '../env.js';

export function cycleRoutes(opts: ServerOptions) {
  const { ctx } = opts;
  const app = new Hono<AppEnv>();

  app.get('/org', async (c) => {
    const actor = requireActor(c);
    return c.json(await repositories(ctx.db).org.listVisible(visibilityOf(actor)));
  });

  // Samples, rectifications and result applications: routes/after-cycle.ts.
  app.get('/todo', async (c) => c.json(await getTodo(ctx, requireActor(c), { year: intQuery(c, 'year') })));
  // The dashboard and its export: routes/statistics.ts.
  return app;
}
