import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { JxError } from '@jixiao/core';
import { repositories } from '../../repositories/index.js';
import { login } from '../../use-cases/login.js';
import { RateLimiter } from '../rate-limit.js';
import { jsonBody, requireActor, type AppEnv, type ServerOptions } from '../env.js';
import { clientAddress } from '../client-address.js';

export const SESSION_COOKIE = 'jx_session';

export function authRoutes(opts: ServerOptions) {
  const { ctx } = opts;
  const limits = opts.loginLimit ?? { perUser: 10, perAddress: 100, windowMs: 15 * 60 * 1000 };
  const byUser = new RateLimiter(limits.perUser, limits.windowMs);
  const byAddress = new RateLimiter(limits.perAddress, limits.windowMs);
  const app = new Hono<AppEnv>();

  app.post('/login', async (c) => {
    const body = await jsonBody(c);
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (!username || !password) throw new JxError('BAD_REQUEST', '请输入用户名和密码');
    // Failed attempts count (a shared office address logs in many people on deadline day).
    // Each attempt is counted up front, so a burst of parallel guesses cannot pass the check
    // together; a successful login gives its attempt back.
    const now = ctx.now().getTime();
    const userKey = `u:${username.toLowerCase()}`;
    const addrKey = `a:${clientAddress(c)}`;
    const okUser = byUser.hit(userKey, now);
    const okAddr = byAddress.hit(addrKey, now);
    if (!okUser || !okAddr) throw new JxError('LOGIN_RATE_LIMITED');
    const s = await login(ctx, username, password);
    byUser.reset(userKey);
    byAddress.release(addrKey);
    const secure = opts.secureCookies ?? new URL(c.req.url).protocol === 'https:';
    setCookie(c, SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', expires: s.expiresAt });
    return c.json({ user: s.actor, csrfToken: s.csrfToken });
  });

  app.post('/logout', async (c) => {
    const id = c.get('sessionId');
    if (id) await repositories(ctx.db).sessions.delete(id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.get('/me', (c) => {
    const actor = requireActor(c);
    return c.json({ user: actor, csrfToken: c.get('csrfToken') });
  });
  return app;
}
