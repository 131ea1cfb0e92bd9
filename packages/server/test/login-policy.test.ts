/**
 * The login policy on PGlite and PostgreSQL: back-off per user and address, per address and
 * per user (a stranger cannot lock a user out), counters in the database (shared by several
 * server processes, kept across restarts), the same limit on the password change, idle and
 * absolute session timeouts, the password policy, and every login, failure and lock in the
 * audit log. Addresses come from X-Forwarded-For with trustProxy, as behind a reverse proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, makeApp, PASSWORD } from './fixtures.js';
import { repositories } from '../src/repositories/index.js';
import { DEFAULT_SECURITY_POLICY, backoffWaitMs, passwordPolicyProblem, securityPolicyFromEnv, type SecurityPolicy } from '../src/security-policy.js';
import type { AppContext } from '../src/context.js';

const MIN = 60_000;
const POLICY: SecurityPolicy = {
  ...DEFAULT_SECURITY_POLICY,
  login: {
    ...DEFAULT_SECURITY_POLICY.login,
    perUserAndAddress: { free: 3, baseDelayMs: MIN, maxDelayMs: 8 * MIN },
    perAddress: { free: 20, baseDelayMs: MIN, maxDelayMs: 8 * MIN },
    perUser: { free: 6, baseDelayMs: MIN, maxDelayMs: 8 * MIN },
  },
  passwordChange: { free: 3, baseDelayMs: MIN, maxDelayMs: 8 * MIN },
  session: { absoluteMs: 12 * 60 * MIN, idleMs: 30 * MIN },
};

/** A context with a clock the test moves. */
function clocked(t: TestDatabase, policy = POLICY) {
  const clock = { now: new Date('2026-03-01T08:00:00Z') };
  const ctx: AppContext = { ...t.ctx, now: () => new Date(clock.now), security: policy };
  const app = makeApp(ctx, { trustProxy: true });
  return { clock, ctx, app, advance: (ms: number) => (clock.now = new Date(clock.now.getTime() + ms)) };
}

const from = (address: string) => ({ 'x-forwarded-for': `203.0.113.250, ${address}` });

async function attempt(c: Client, username: string, password: string, address: string) {
  return c.request('POST', '/api/auth/login', { username, password }, from(address));
}

async function signIn(c: Client, username: string, password: string, address: string) {
  const res = await attempt(c, username, password, address);
  if (res.status === 200) {
    c.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? null;
    c.csrf = res.body.csrfToken;
  }
  return res;
}

describe('policy as data', () => {
  it('back-off doubles after the free attempts, is capped, and forgets old failures', () => {
    const rule = { free: 3, baseDelayMs: 1000, maxDelayMs: 5000 };
    const t0 = new Date('2026-01-01T00:00:00Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect(backoffWaitMs({ failures: 2, lastFailureAt: t0 }, rule, 60_000, t0)).toBe(0);
    expect(backoffWaitMs({ failures: 3, lastFailureAt: t0 }, rule, 60_000, t0)).toBe(1000);
    expect(backoffWaitMs({ failures: 4, lastFailureAt: t0 }, rule, 60_000, at(500))).toBe(1500);
    expect(backoffWaitMs({ failures: 9, lastFailureAt: t0 }, rule, 60_000, t0)).toBe(5000);
    expect(backoffWaitMs({ failures: 9, lastFailureAt: t0 }, rule, 60_000, at(60_000))).toBe(0);
  });

  it('password policy: length, character classes, not the user name; configurable from the environment', () => {
    const p = DEFAULT_SECURITY_POLICY.password;
    expect(passwordPolicyProblem('Ab1!', p)).toMatch(/至少 10 个字符/);
    expect(passwordPolicyProblem('abcdefghijkl', p)).toMatch(/至少 3 类/);
    expect(passwordPolicyProblem('abcdefgh-12', p)).toBeNull();
    expect(passwordPolicyProblem('zhangsan-2026', p, 'zhangsan')).toMatch(/用户名/);
    const env = securityPolicyFromEnv({ JIXIAO_PASSWORD_MIN_LENGTH: '12', JIXIAO_PASSWORD_MIN_CLASSES: '4', JIXIAO_SESSION_IDLE_MINUTES: '15' });
    expect(env.password).toEqual({ minLength: 12, minClasses: 4 });
    expect(env.session.idleMs).toBe(15 * MIN);
    expect(passwordPolicyProblem('abcdefgh-12', env.password)).not.toBeNull();
    expect(() => securityPolicyFromEnv({ JIXIAO_PASSWORD_MIN_LENGTH: '3' })).toThrow(/JIXIAO_PASSWORD_MIN_LENGTH/);
  });
});

describe.each(DATABASE_KINDS)('login policy on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await createOrg(t.ctx);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a stranger's failures from another address do not lock the user out", async () => {
    const { app } = clocked(t);
    const stranger = new Client(app);
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt(stranger, 'fillerA', `guess-${i}`, '198.51.100.7')).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual(Array(9).fill(429));
    const limited = await attempt(stranger, 'fillerA', PASSWORD, '198.51.100.7');
    expect(limited.status).toBe(429); // even the right password, from the stranger's address
    expect(limited.body.error.code).toBe('LOGIN_RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The user, from their own address, signs in at once.
    expect((await signIn(new Client(app), 'fillerA', PASSWORD, '192.0.2.10')).status).toBe(200);
  });

  it('guessing spread over many addresses backs off new addresses only; the user’s known address still works', async () => {
    const { app } = clocked(t);
    const user = new Client(app);
    expect((await signIn(user, 'headA', PASSWORD, '192.0.2.20')).status).toBe(200); // a known address
    const stranger = new Client(app);
    for (let i = 0; i < 8; i++) await attempt(stranger, 'headA', `guess-${i}`, `198.51.100.${20 + i}`);
    const fromNew = await attempt(new Client(app), 'headA', PASSWORD, '192.0.2.99');
    expect(fromNew.status).toBe(429);
    expect((await signIn(new Client(app), 'headA', PASSWORD, '192.0.2.20')).status).toBe(200);
  });

  it('back-off ends after the wait; counters live in the database (a restarted or second server sees them)', async () => {
    const { app, ctx, advance } = clocked(t);
    const c = new Client(app);
    for (let i = 0; i < 3; i++) expect((await attempt(c, 'fillerB', 'wrong', '198.51.100.40')).status).toBe(401);
    const second = new Client(makeApp(ctx, { trustProxy: true })); // another process on the same database
    expect((await attempt(second, 'fillerB', PASSWORD, '198.51.100.40')).status).toBe(429);
    advance(MIN + 1000);
    expect((await attempt(second, 'fillerB', 'wrong', '198.51.100.40')).status).toBe(401); // allowed again, fails, waits twice as long
    advance(MIN + 1000);
    expect((await attempt(c, 'fillerB', PASSWORD, '198.51.100.40')).status).toBe(429);
    advance(MIN);
    expect((await signIn(c, 'fillerB', PASSWORD, '198.51.100.40')).status).toBe(200);
    const row = await repositories(t.ctx.db).loginThrottle.get('p:fillerb|198.51.100.40');
    expect(row?.failures).toBe(0);
  });

  it('a burst of parallel wrong guesses cannot slip past the limit', async () => {
    const { app } = clocked(t);
    const c = new Client(app);
    const res = await Promise.all(Array.from({ length: 8 }, () => attempt(c, 'dept2', 'guess', '198.51.100.60')));
    expect(res.filter((r) => r.status === 401)).toHaveLength(3);
    expect(res.filter((r) => r.status === 429)).toHaveLength(5);
  });

  it('one address guessing many user names backs off; its successes do not count', async () => {
    const { app } = clocked(t, { ...POLICY, login: { ...POLICY.login, perAddress: { free: 4, baseDelayMs: MIN, maxDelayMs: MIN } } });
    const c = new Client(app);
    for (let i = 0; i < 5; i++) expect((await signIn(c, 'fillerC', PASSWORD, '198.51.100.80')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt(c, `nobody${i}`, 'x', '198.51.100.80')).status).toBe(401);
    expect((await attempt(c, 'fillerC', PASSWORD, '198.51.100.80')).status).toBe(429);
  });

  it('the password change has the same limit, and a wrong current password is logged', async () => {
    const { app, advance } = clocked(t);
    const c = new Client(app);
    expect((await signIn(c, 'headB', PASSWORD, '192.0.2.30')).status).toBe(200);
    const tries = [];
    for (let i = 0; i < 6; i++) tries.push((await c.request('POST', '/api/auth/password', { currentPassword: `wrong-${i}`, newPassword: 'New-password-2026' }, from('192.0.2.30'))).status);
    expect(tries).toEqual([401, 401, 401, 429, 429, 429]);
    const limited = await c.request('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'New-password-2026' }, from('192.0.2.30'));
    expect(limited.body.error.code).toBe('PASSWORD_RATE_LIMITED');
    advance(MIN + 1000);
    expect((await c.request('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD }, from('192.0.2.30'))).body.error.code).toBe('PASSWORD_POLICY'); // same as before
    expect((await c.request('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'New-password-2026' }, from('192.0.2.30'))).status).toBe(204);
    const user = await repositories(t.ctx.db).users.findByUsername('headB');
    const log = await repositories(t.ctx.db).auditLog.listForEntity('user', user!.id);
    const actions = log.map((e) => e.action);
    expect(actions.filter((a) => a === 'auth.password_change_failed')).toHaveLength(3);
    expect(actions).toContain('auth.password_change_locked');
    expect(actions.at(-1)).toBe('user.password_changed');
    expect(JSON.stringify(log)).not.toContain('wrong-');
    expect(JSON.stringify(log)).not.toContain('New-password');
  });

  it('every login, failure and lock is in the audit log, without passwords', async () => {
    const { app } = clocked(t);
    const c = new Client(app);
    for (let i = 0; i < 3; i++) await attempt(c, 'finance', `secret-guess-${i}`, '198.51.100.90');
    await attempt(c, 'no-such-user', 'x', '198.51.100.90');
    expect((await signIn(c, 'finance', PASSWORD, '192.0.2.40')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const finance = await repositories(t.ctx.db).users.findByUsername('finance');
    const log = await repositories(t.ctx.db).auditLog.listForEntity('user', finance!.id);
    expect(log.map((e) => e.action)).toEqual([
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_locked',
      'auth.login_succeeded',
      'auth.logout',
    ]);
    expect(log[0]!.after).toMatchObject({ username: 'finance', address: '198.51.100.90', reason: 'wrong_password' });
    expect(log[3]!.after).toMatchObject({ scope: 'user+address', failures: 3, retryAfterSeconds: 60 });
    expect(log[4]!.after).toEqual({ address: '192.0.2.40' });
    const unknown = await repositories(t.ctx.db).auditLog.listForEntity('user', 0);
    expect(unknown.some((e) => (e.after as { username?: string }).username === 'no-such-user')).toBe(true);
    expect(JSON.stringify([...log, ...unknown])).not.toContain('secret-guess');
    expect((await repositories(t.ctx.db).auditLog.verifyChain()).broken).toEqual([]);
  });

  it('a session ends after the idle timeout, and after the absolute one however active', async () => {
    const { app, advance } = clocked(t);
    const c = new Client(app);
    expect((await signIn(c, 'dept1', PASSWORD, '192.0.2.50')).status).toBe(200);
    advance(29 * MIN);
    expect((await c.get('/api/auth/me')).status).toBe(200); // activity moves the idle clock
    advance(29 * MIN);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    advance(31 * MIN);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    const d = new Client(app);
    expect((await signIn(d, 'dept1', PASSWORD, '192.0.2.50')).status).toBe(200);
    for (let h = 0; h < 12; h++) {
      advance(20 * MIN);
      await d.get('/api/auth/me');
      advance(20 * MIN);
      await d.get('/api/auth/me');
      advance(20 * MIN);
      await d.get('/api/auth/me');
    }
    expect((await d.get('/api/auth/me')).status).toBe(401);
  });
});
