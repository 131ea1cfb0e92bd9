/**
 * The HTTP application: security headers, sessions, CSRF, routes under /api, the
 * OpenAPI document, and the built web app at / with SPA fallback.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { JxError, isJxError } from '@jixiao/core';
import { resolveSession } from '../use-cases/login.js';
import { describeError, isDatabaseUnavailable } from '../db/database-errors.js';
import { RetryLaterError } from '../errors.js';
import { rejectControlCharacters } from './input-hygiene.js';
import { jsonBodyLimit } from './json-body-limit.js';
import { setAnswerHeaders } from './set-answer-headers.js';
import { assessorMayCall } from '../workflow/access.js';
import { afterCycleRoutes } from './routes/after-cycle.js';
import { healthRoutes } from './routes/health.js';
import type { AppEnv, ServerOptions } from './env.js';
import { OPENAPI } from './openapi.js';
import { adminRoutes } from './routes/admin.js';
import { SESSION_COOKIE, authRoutes } from './routes/auth.js';
import { cycleRoutes } from './routes/cycle.js';
import { evaluationRoutes } from './routes/evaluations.js';
import { planRoutes } from './routes/plan.js';
import { projectRoutes } from './routes/projects.js';
import { publicRoutes } from './routes/public.js';
import { statisticsRoutes } from './routes/statistics.js';
import { serveWebApp } from './static.js';
import { compressAnswers } from './compress-answers.js';
import { servePublicPages } from './public-pages.js';

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Mutating endpoints that need no CSRF token: login (no session yet) and the public audit (no session at all). */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/public/audit']);
/** What a user who must change the bootstrap password may still call. */
const BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

export function createApp(opts: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const maxUpload = opts.maxUploadBytes ?? 20 * 1024 * 1024;

  app.onError((err, c) => {
    let jx: JxError;
    if (isJxError(err)) jx = err;
    else if (isDatabaseUnavailable(err)) jx = new RetryLaterError('DATABASE_UNAVAILABLE', 5, '数据库暂时无法连接，请稍后重试（已保存的内容不受影响）');
    else {
      // Never the SQL, its parameters or row contents (describeError redacts them).
      console.error(`[jixiao] unexpected error on ${c.req.method} ${c.req.path}: ${describeError(err)}`);
      jx = new JxError('INTERNAL');
    }
    if (jx instanceof RetryLaterError) c.header('Retry-After', String(jx.retryAfterSeconds));
    return c.json({ error: jx.toJSON() }, jx.httpStatus as 500);
  });
  app.notFound((c) => c.json({ error: new JxError('NOT_FOUND', c.req.path).toJSON() }, 404));

  // gzip for API answers and server-rendered pages; the web app's files come pre-compressed (static.ts).
  app.use('*', compressAnswers());

  app.use('*', async (c, next) => {
    await next();
    const headers: Record<string, string> = { ...SECURITY_HEADERS };
    if (opts.secureCookies === true) headers['Strict-Transport-Security'] = 'max-age=31536000';
    if (c.req.path.startsWith('/api/')) headers['Cache-Control'] = 'no-store';
    setAnswerHeaders(c, headers);
  });

  // Before sessions: a load balancer's probe never touches the session table.
  app.route('/api', healthRoutes(opts));

  app.use('/api/*', async (c, next) => {
    c.set('actor', null);
    c.set('csrfToken', null);
    c.set('sessionId', null);
    c.set('mustChangePassword', false);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length < 200) {
      const s = await resolveSession(opts.ctx, token);
      if (s) {
        c.set('actor', s.actor);
        c.set('csrfToken', s.csrfToken);
        c.set('sessionId', s.sessionId);
        c.set('mustChangePassword', s.mustChangePassword);
      }
    }
    if (c.get('mustChangePassword') && !BEFORE_PASSWORD_CHANGE.has(c.req.path) && !c.req.path.startsWith('/api/public/')) {
      throw new JxError('PASSWORD_CHANGE_REQUIRED');
    }
    const who = c.get('actor');
    if (who?.role === 'assessor' && !assessorMayCall(c.req.method, c.req.path)) {
      throw new JxError('FORBIDDEN', '评价机构只能查看和复评抽评给本机构的报告');
    }
    if (MUTATING.has(c.req.method) && !CSRF_EXEMPT.has(c.req.path)) {
      const sent = c.req.header('x-csrf-token');
      const expected = c.get('csrfToken');
      if (!c.get('actor')) throw new JxError('UNAUTHENTICATED');
      if (!sent || !expected || !timingSafeEqualText(sent, expected)) throw new JxError('CSRF_INVALID');
    }
    await next();
  });

  const uploadLimit = bodyLimit({
    maxSize: maxUpload,
    onError: () => {
      throw new JxError('UPLOAD_TOO_LARGE', `上限为 ${Math.round(maxUpload / 1024 / 1024)} MB`);
    },
  });
  app.use('/api/uploads', uploadLimit);
  app.use('/api/project-imports', uploadLimit);
  app.use('/api/public/audit', uploadLimit);
  app.use('/api/rectifications/:id/evidence', uploadLimit);
  // Everything else is JSON: 5 MB is far above the largest evaluation.
  const jsonLimit = jsonBodyLimit(5 * 1024 * 1024);
  app.use('/api/*', async (c, next) => {
    if (c.req.path === '/api/uploads' || c.req.path === '/api/public/audit' || c.req.path === '/api/project-imports') return next();
    if (/^\/api\/rectifications\/\d+\/evidence$/.test(c.req.path)) return next();
    return jsonLimit(c, next);
  });

  app.use('/api/*', rejectControlCharacters());

  app.get('/api/openapi.json', (c) => c.json(OPENAPI));
  app.route('/api', adminRoutes(opts));
  app.route('/api/auth', authRoutes(opts));
  app.route('/api/public', publicRoutes(opts));
  app.route('/api', projectRoutes(opts));
  app.route('/api', evaluationRoutes(opts));
  app.route('/api', cycleRoutes(opts));
  app.route('/api', statisticsRoutes(opts));
  app.route('/api', planRoutes(opts));
  app.route('/api', afterCycleRoutes(opts));
  app.all('/api/*', (c) => c.json({ error: new JxError('NOT_FOUND', c.req.path).toJSON() }, 404));

  if (opts.webDir) {
    servePublicPages(app, opts.ctx, opts.webDir);
    serveWebApp(app, opts.webDir);
  }
  return app;
}

function timingSafeEqualText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
