/**
 * Accounts the administrator sets a password for (a new account, a reset) must change it at
 * first login (等保 2.0: only the user knows their password), and the administrator reads the
 * security log (sign-ins, failures, back-offs, password changes and resets, new accounts) a page
 * at a time — on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, makeApp, type Org } from './fixtures.js';
import { repositories } from '../src/repositories/index.js';
import { DEFAULT_SECURITY_POLICY } from '../src/security-policy.js';
import type { AppContext } from '../src/context.js';

const INITIAL = 'Initial-Pass-2026';
const OWN = 'Own-Choice-2026';

describe.each(DATABASE_KINDS)('accounts set up by the administrator and the security log on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let app: ReturnType<typeof makeApp>;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    // Two free attempts per user and address: the second failure starts a back-off (in the log).
    const ctx: AppContext = { ...t.ctx, security: { ...DEFAULT_SECURITY_POLICY, login: { ...DEFAULT_SECURITY_POLICY.login, perUserAndAddress: { free: 2, baseDelayMs: 60_000, maxDelayMs: 120_000 } } } };
    app = makeApp(ctx);
    admin = new Client(app);
    await admin.login('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newAccount(username: string): Promise<number> {
    const res = await admin.post('/api/admin/users', { username, displayName: '新账号', role: 'unit_filler', unitId: org.unitA, password: INITIAL });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.mustChangePassword).toBe(true);
    return res.body.id;
  }

  it('a new account must change its initial password before anything else; afterwards it works', async () => {
    await newAccount('newfiller');
    const u = new Client(app);
    expect((await u.login('newfiller', INITIAL)).mustChangePassword).toBe(true);
    const blocked = await u.get('/api/evaluations');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect(blocked.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await u.get('/api/auth/me')).body.mustChangePassword).toBe(true);
    // The initial password again is refused, naming the field; nothing changes.
    const same = await u.post('/api/auth/password', { currentPassword: INITIAL, newPassword: INITIAL });
    expect(same.status).toBe(400);
    expect(same.body.error.issues[0].field).toBe('newPassword');
    expect((await u.get('/api/auth/me')).body.mustChangePassword).toBe(true);
    expect((await u.post('/api/auth/password', { currentPassword: INITIAL, newPassword: OWN })).status).toBe(204);
    expect((await u.get('/api/auth/me')).body.mustChangePassword).toBe(false);
    expect((await u.get('/api/evaluations')).status).toBe(200);
    const listed = (await admin.get('/api/admin/users')).body.find((x: { username: string }) => x.username === 'newfiller');
    expect(listed.mustChangePassword).toBe(false);
    // The next login is an ordinary one.
    expect((await new Client(app).login('newfiller', OWN)).mustChangePassword).toBe(false);
  });

  it('a taken, malformed or missing user name is refused on the username field, and no account is written', async () => {
    await newAccount('taken-name');
    const before = (await admin.get('/api/admin/users')).body.length;
    for (const [username, message] of [['taken-name', /已存在/], ['有中文', /字母、数字/], ['', /请填写用户名/]] as const) {
      const res = await admin.post('/api/admin/users', { username, displayName: '新账号', role: 'unit_filler', unitId: org.unitA, password: INITIAL });
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].field).toBe('username');
      expect(res.body.error.issues[0].message).toMatch(message);
    }
    const noRole = await admin.post('/api/admin/users', { username: 'no-role', displayName: '新账号', role: 'boss', password: INITIAL });
    expect([noRole.status, noRole.body.error.issues[0].field]).toEqual([400, 'role']);
    expect((await admin.get('/api/admin/users')).body.length).toBe(before);
  });

  it('a reset by the administrator ends the user’s sessions and must be changed at the next login', async () => {
    const id = await newAccount('resetme');
    const u = new Client(app);
    await u.login('resetme', INITIAL);
    expect((await u.post('/api/auth/password', { currentPassword: INITIAL, newPassword: OWN })).status).toBe(204);
    expect((await u.get('/api/evaluations')).status).toBe(200);

    const weak = await admin.post(`/api/admin/users/${id}/password`, { password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: 'PASSWORD_POLICY' });
    expect(weak.body.error.issues[0].field).toBe('password');
    expect((await u.get('/api/evaluations')).status).toBe(200); // nothing changed
    expect((await admin.post('/api/admin/users/999999/password', { password: 'Reset-Pass-2026' })).status).toBe(404);
    const filler = new Client(app);
    await filler.login('fillerA');
    expect((await filler.post(`/api/admin/users/${id}/password`, { password: 'Reset-Pass-2026' })).status).toBe(403);

    expect((await admin.post(`/api/admin/users/${id}/password`, { password: 'Reset-Pass-2026' })).status).toBe(204);
    expect((await u.get('/api/evaluations')).status).toBe(401); // the session ended
    await expect(new Client(app).login('resetme', OWN)).rejects.toThrow(/401/);
    const again = new Client(app);
    expect((await again.login('resetme', 'Reset-Pass-2026')).mustChangePassword).toBe(true);
    expect((await again.get('/api/evaluations')).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await again.post('/api/auth/password', { currentPassword: 'Reset-Pass-2026', newPassword: 'Own-Again-2026' })).status).toBe(204);
    expect((await again.get('/api/evaluations')).status).toBe(200);
  });

  it('the security log lists sign-ins, failures, back-offs, password changes, resets and new accounts, newest first, in pages', async () => {
    const id = await newAccount('logged');
    const stranger = new Client(app);
    for (let i = 0; i < 2; i++) expect((await stranger.request('POST', '/api/auth/login', { username: 'logged', password: `wrong-${i}` })).status).toBe(401);
    expect((await stranger.request('POST', '/api/auth/login', { username: 'nobody-here', password: 'x' })).status).toBe(401);
    expect((await admin.post(`/api/admin/users/${id}/password`, { password: 'Reset-Pass-2026' })).status).toBe(204);

    const all = await admin.get('/api/admin/security-events?pageSize=200');
    expect(all.status).toBe(200);
    const items = all.body.items as Array<{ id: number; action: string; label: string; actor: string; userId: number | null; address: string | null; detail: string }>;
    expect(all.body.total).toBe(items.length);
    expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => b - a));
    const logged = items.filter((e) => e.userId === id);
    expect(logged.map((e) => e.action)).toEqual(['user.password_reset', 'auth.login_locked', 'auth.login_failed', 'auth.login_failed', 'user.created']);
    expect(logged.map((e) => e.label)).toEqual(['管理员重置密码', '登录退避', '登录失败', '登录失败', '新建账号']);
    expect(logged[1]!.detail).toMatch(/该用户名在该地址已失败 2 次，须等待 \d+ 秒/);
    expect(logged[2]!.detail).toContain('原因：密码错误');
    expect(logged[2]!.actor).toBe('登录尝试：logged');
    expect(logged[2]!.address).toBe('local');
    expect(logged[4]!.detail).toBe('账号 logged（新账号，本单位填报人），首次登录须修改密码');
    const unknown = items.find((e) => e.action === 'auth.login_failed' && e.detail.includes('nobody-here'))!;
    expect(unknown.userId).toBeNull();
    expect(unknown.detail).toContain('用户名不存在');
    expect(items.some((e) => e.action === 'auth.login_succeeded' && e.actor.includes('admin'))).toBe(true);
    expect(JSON.stringify(all.body)).not.toMatch(/wrong-\d|Reset-Pass|Initial-Pass|argon2/);
    // Other audit-log entries (an evaluation, a department) are not security events.
    expect(items.every((e) => /^(auth|user)\./.test(e.action))).toBe(true);

    // Pages: the second page of two continues where the first ended.
    const p1 = await admin.get('/api/admin/security-events?page=1&pageSize=2');
    const p2 = await admin.get('/api/admin/security-events?page=2&pageSize=2');
    expect(p1.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(p1.body.total).toBeGreaterThanOrEqual(items.length);
    expect(p2.body.items.map((e: { id: number }) => e.id)).toEqual(items.slice(2, 4).map((e) => e.id));
    // One kind of event.
    const failures = await admin.get('/api/admin/security-events?action=auth.login_failed');
    expect(failures.body.items.length).toBeGreaterThanOrEqual(4);
    expect(failures.body.items.every((e: { action: string }) => e.action === 'auth.login_failed')).toBe(true);
    const bad = await admin.get('/api/admin/security-events?action=evaluation.created');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('action');
    expect((await admin.get('/api/admin/security-events?page=x')).status).toBe(400);
    // The filler sees none of it.
    const filler = new Client(app);
    await filler.login('fillerA');
    expect((await filler.get('/api/admin/security-events')).status).toBe(403);
  });

  it('the reset is in the audit log without the password; the user row says it must be changed', async () => {
    const id = await newAccount('audited');
    expect((await admin.post(`/api/admin/users/${id}/password`, { password: 'Reset-Pass-2026' })).status).toBe(204);
    const log = await repositories(t.ctx.db).auditLog.listForEntity('user', id);
    expect(log.map((e) => e.action)).toEqual(['user.created', 'user.password_reset']);
    expect(log[1]!.actor.name).toContain('admin');
    expect(JSON.stringify(log)).not.toContain('Reset-Pass');
    const row = await repositories(t.ctx.db).users.findById(id);
    expect(row!.must_change_password).toBe(true);
  });
});
