/** The public portal: published reports only, no login. */
import { Hono } from 'hono';
import type { Evaluation } from '@jixiao/core';
import { computeEvaluation, toPlainJson } from '../../core-bridge.js';
import { repositories } from '../../repositories/index.js';
import { toPublicSummary } from '../../use-cases/evaluation-views.js';
import { notFound } from '../../errors.js';
import { listPublicDepartments, publicHistory, publicKind } from '../../use-cases/get-public-history.js';
import { intParam, intQuery, type AppEnv, type ServerOptions } from '../env.js';
import { exportResponse, importUpload } from './evaluations.js';
import { JxError } from '@jixiao/core';
import { clientAddress } from '../client-address.js';
import { evaluationWithRecordIdentity } from '../../use-cases/apply-record-identity.js';
import { forReading } from '../../context.js';

/**
 * The portal's pages read from the replica when there is one (a report published a second ago
 * may show a second later); the public audit's per-address budget is a write, on the primary.
 */
export function publicRoutes(opts: ServerOptions) {
  const { ctx } = opts;
  const read = () => forReading(ctx);
  const app = new Hono<AppEnv>();

  app.get('/reports', async (c) => {
    const page = Math.max(1, intQuery(c, 'page') ?? 1);
    const pageSize = Math.min(100, Math.max(1, intQuery(c, 'pageSize') ?? 20));
    const { items, total } = await repositories(read().db).evaluations.list(
      { kind: 'all' },
      {
        status: 'published',
        year: intQuery(c, 'year'),
        q: c.req.query('q') || undefined,
        grade: c.req.query('grade') || undefined,
        departmentId: intQuery(c, 'departmentId'),
        kind: publicKind(c.req.query('kind')),
      },
      { offset: (page - 1) * pageSize, limit: pageSize },
    );
    return c.json({ items: items.map((r) => toPublicSummary(r)), total, page, pageSize });
  });

  // The departments that have published reports (the portal's department filter).
  app.get('/departments', async (c) => c.json(await listPublicDepartments(read(), intQuery(c, 'year'))));

  // Publication history (公开 / 撤回公开 with the reason) of a report that is or was public.
  app.get('/reports/:id/history', async (c) => {
    const h = await publicHistory(read(), intParam(c, 'id'));
    if (!h) throw notFound(`公开报告 ${c.req.param('id')}`);
    return c.json(h);
  });

  const loadPublished = async (id: number) => {
    const rec = await repositories(read().db).evaluations.findById(id);
    if (rec && rec.status !== 'published') {
      // Withdrawn from publication: say so (410) with when and why, rather than "not found".
      const h = await publicHistory(read(), id);
      const last = h?.history[h.history.length - 1];
      if (last?.event === 'withdrawn') throw new JxError('REPORT_WITHDRAWN', `${last.at.slice(0, 10)} 撤回，理由：${last.reason ?? '未说明'}`);
    }
    if (!rec || rec.status !== 'published') throw notFound(`公开报告 ${id}`);
    return rec;
  };

  app.get('/reports/:id', async (c) => {
    const rec = await loadPublished(intParam(c, 'id'));
    const evaluation = evaluationWithRecordIdentity<Evaluation>(rec);
    const computed = computeEvaluation(evaluation);
    const review = rec.review as { total?: string | null; opinion?: string | null } | null;
    return c.json({
      summary: toPublicSummary(rec),
      evaluation,
      score: toPlainJson(computed.score),
      audit: toPlainJson(computed.audit),
      review: review ? { total: review.total ?? null, opinion: review.opinion ?? null } : null,
      history: (await publicHistory(read(), rec.id))?.history ?? [],
    });
  });

  app.get('/reports/:id/download', async (c) => {
    const rec = await loadPublished(intParam(c, 'id'));
    return exportResponse(c, evaluationWithRecordIdentity<Evaluation>(rec), c.req.query('format') ?? 'pdf', rec.title);
  });

  // Anyone may audit a report; uploads are expensive, so each address gets a budget, counted in the
  // database (every server process shares it).
  const perAddress = opts.publicAuditLimit?.perAddress ?? 30;
  const windowMs = opts.publicAuditLimit?.windowMs ?? 10 * 60 * 1000;
  app.post('/audit', async (c) => {
    const hits = await repositories(ctx.db).loginThrottle.hit(`audit:${clientAddress(c, opts.trustProxy)}`, ctx.now(), windowMs);
    if (hits > perAddress) throw new JxError('RATE_LIMITED', '公开审核每个地址每 10 分钟最多 30 份');
    return c.json(await importUpload(c));
  });
  return app;
}
