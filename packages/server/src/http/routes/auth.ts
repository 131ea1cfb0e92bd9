import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { JxError } from '@jixiao/core';
import { login, logout } from '../../use-cases/login.js';
import { jsonBody, requireActor, type AppEnv, type ServerOptions } from '../env.js';
import { clientAddress } from '../client-address.js';

export const SESSION_COOKIE = 'jx_session';

export function authRoutes(opts: ServerOptions) {
  const { ctx } = opts;
  const app = new Hono<AppEnv>();

  // Failed attempts back off per user and address, per address and per user (in the database;
  // see use-cases/reserve-attempt.ts). A shared office address is not blocked by its successes.
  app.post('/login', async (c) => {
    const body = await jsonBody(c);
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (!username || !password) throw new JxError('BAD_REQUEST', '请输入用户名和密码');
    if (username.length > 100 || password.length > 1024) throw new JxError('LOGIN_FAILED');
    const s = await login(ctx, username, password, clientAddress(c, opts.trustProxy));
    const secure = opts.secureCookies ?? new URL(c.req.url).protocol === 'https:';
    setCookie(c, SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', expires: s.expiresAt });
    return c.json({ user: s.actor, csrfToken: s.csrfToken, mustChangePassword: s.mustChangePassword });
  });

  app.post('/logout', async (c) => {
    const id = c.get('sessionId');
    if (id) await logout(ctx, id, c.get('actor'));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.get('/me', (c) => {
    const actor = requireActor(c);
    return c.json({ user: actor, csrfToken: c.get('csrfToken'), mustChangePassword: c.get('mustChangePassword') });
  });
  return app;
}
