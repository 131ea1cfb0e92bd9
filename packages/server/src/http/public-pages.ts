/**
 * The public portal's pages at real addresses (/public, /public/reports/:id): the web app's
 * index.html with the page's title and a plain-HTML first render of the same data the API
 * gives (see public-html.ts); unknown or unpublished reports are a real 404. The web app then
 * starts and replaces the first render (ARCHITECTURE.md, "Public pages").
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { Evaluation } from '@jixiao/core';
import { forReading, type AppContext } from '../context.js';
import { repositories } from '../repositories/index.js';
import { toPublicSummary } from '../use-cases/evaluation-views.js';
import { evaluationWithRecordIdentity } from '../use-cases/apply-record-identity.js';
import { publicHistory } from '../use-cases/get-public-history.js';
import type { AppEnv } from './env.js';
import { injectPage, reportTitle, renderPublicList, renderPublicNotFound, renderPublicReport, type PublicSummaryView } from './public-html.js';

const HTML = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' };
const KINDS = new Set(['department', 'project', 'transfer']);
/** The public summary as the pages show it (the project is the title of a project or transfer evaluation). */
function view(r: Parameters<typeof toPublicSummary>[0]): PublicSummaryView {
  const s = toPublicSummary(r) as Omit<PublicSummaryView, 'projectName'> & { projectName?: string | null };
  return { ...s, projectName: s.projectName ?? (r.kind === 'department' ? null : r.title) };
}
const int = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

/** The pages read from the replica when there is one, as the portal's API does. */
export function servePublicPages(app: Hono<AppEnv>, ctx: AppContext, webDir: string): void {
  const read = () => forReading(ctx);
  const shell = () => readFile(join(webDir, 'index.html'), 'utf8');

  app.get('/public', async (c) => {
    const q = new URL(c.req.url).searchParams;
    const page = Math.max(1, int(q.get('page') ?? undefined) ?? 1);
    const pageSize = 20;
    const kind = q.get('kind') ?? '';
    const { items, total } = await repositories(read().db).evaluations.list(
      { kind: 'all' },
      { status: 'published', year: int(q.get('year') ?? undefined), q: q.get('q') || undefined, departmentId: int(q.get('departmentId') ?? undefined), kind: KINDS.has(kind) ? kind : undefined },
      { offset: (page - 1) * pageSize, limit: pageSize },
    );
    const views = items.map(view);
    const body = renderPublicList(views, { total, page, pageSize, query: q });
    return c.body(injectPage(await shell(), { title: '预算绩效自评报告公开', description: `已公开的预算绩效自评报告，共 ${total} 份`, body }), 200, HTML);
  });

  app.get('/public/reports/:id', async (c) => {
    const raw = c.req.param('id');
    const id = int(raw);
    const rec = id === undefined ? undefined : await repositories(read().db).evaluations.findById(id);
    if (!rec || rec.status !== 'published') {
      return c.body(injectPage(await shell(), { title: '报告不存在 · 预算绩效自评公开', description: '没有这份公开报告', body: renderPublicNotFound(raw) }), 404, HTML);
    }
    const summary = view(rec);
    const evaluation = evaluationWithRecordIdentity<Evaluation>(rec);
    const title = reportTitle(summary);
    return c.body(injectPage(await shell(), { title: `${title} · 预算绩效自评公开`, description: title, body: renderPublicReport(summary, evaluation, (await publicHistory(read(), rec.id))?.history ?? []) }), 200, HTML);
  });
}
