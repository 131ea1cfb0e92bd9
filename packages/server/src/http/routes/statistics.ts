/** Statistics: the dashboard, the whole ranking page by page, and the streamed CSV/XLSX export. */
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import { getDashboard, type DashboardFilters } from '../../use-cases/get-dashboard.js';
import { getRanking } from '../../use-cases/get-ranking.js';
import { statisticsCsv, statisticsXlsx } from '../../use-cases/export-statistics.js';
import { badRequest } from '../../errors.js';
import { intQuery, requireActor, type AppEnv, type ServerOptions } from '../env.js';
import { EXPORT_TYPES, contentDisposition } from './evaluations.js';
import { forReading } from '../../context.js';

/** ?year=&departmentId=&unitId=&kind=department|project|transfer&includeDrafts=1 */
export function dashboardFilters(c: Context<AppEnv>): DashboardFilters {
  const drafts = c.req.query('includeDrafts');
  return {
    year: intQuery(c, 'year'),
    departmentId: intQuery(c, 'departmentId'),
    unitId: intQuery(c, 'unitId'),
    kind: c.req.query('kind') || undefined,
    includeDrafts: drafts === '1' || drafts === 'true',
  };
}

/** Every page here reads from the replica when there is one (DATABASE_READ_URL): statistics tolerate its lag. */
export function statisticsRoutes(opts: ServerOptions) {
  const read = () => forReading(opts.ctx);
  const app = new Hono<AppEnv>();

  app.get('/dashboard', async (c) => c.json(await getDashboard(read(), requireActor(c), dashboardFilters(c))));

  app.get('/dashboard/ranking', async (c) => {
    const offset = Math.max(0, intQuery(c, 'offset') ?? 0);
    const limit = Math.min(500, Math.max(1, intQuery(c, 'limit') ?? 100));
    return c.json(await getRanking(read(), requireActor(c), dashboardFilters(c), { offset, limit }));
  });

  app.get('/dashboard/export', (c) => {
    const actor = requireActor(c);
    const format = c.req.query('format') ?? 'xlsx';
    if (format !== 'csv' && format !== 'xlsx') throw badRequest('format 应为 csv 或 xlsx');
    const f = dashboardFilters(c);
    const stream = format === 'csv' ? statisticsCsv(read(), actor, f) : statisticsXlsx(read(), actor, f);
    const name = `绩效自评统计${f.year ? `_${f.year}` : ''}.${format}`;
    return c.body(Readable.toWeb(stream) as ReadableStream, 200, {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : EXPORT_TYPES.xlsx!,
      'Content-Disposition': contentDisposition(name),
    });
  });
  return app;
}
