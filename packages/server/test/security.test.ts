/** Sessions, CSRF, login rate limit, security headers, upload limits, optional modules, OpenAPI, the web app. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, makeApp, sampleEvaluation, PASSWORD, type Org } from './fixtures.js';
import { setOptionalModuleNames } from '../src/http/load-optional.js';
import { repositories } from '../src/repositories/index.js';

describe.each(DATABASE_KINDS)('security on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => setOptionalModuleNames({ import: '@jixiao/import', documents: '@jixiao/documents' }));

  it('passwords are stored as argon2id hashes', async () => {
    const u = await repositories(t.ctx.db).users.findByUsername('fillerA');
    expect(u!.password_hash).toMatch(/^\$argon2id\$/);
    expect(u!.password_hash).not.toContain(PASSWORD);
  });

  it('login sets an HTTP-only SameSite session cookie stored (hashed) in the database; logout ends it', async () => {
    const app = makeApp(t.ctx);
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'fillerA', password: PASSWORD }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^jx_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/); // plain http here
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = await t.ctx.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(token);
    const https = await app.request('https://jixiao.example/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'fillerA', password: PASSWORD }) });
    expect(https.headers.get('set-cookie')).toMatch(/Secure/);

    const c = new Client(app);
    await c.login('fillerA');
    expect((await c.get('/api/auth/me')).body.user.username).toBe('fillerA');
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('a user changes their own password (current one required, password policy); other sessions end', async () => {
    const app = makeApp(t.ctx);
    const a = new Client(app);
    const b = new Client(app);
    await a.login('fillerC');
    await b.login('fillerC');
    expect((await a.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'another-long-one-2' })).status).toBe(401);
    expect((await a.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' })).status).toBe(400);
    expect((await a.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'another-long-one-2' })).status).toBe(204);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    const c = new Client(app);
    await c.login('fillerC', 'another-long-one-2');
    expect((await c.post('/api/auth/password', { currentPassword: 'another-long-one-2', newPassword: PASSWORD })).status).toBe(204);
  });

  it('the administrator creates departments, units and accounts; the new account changes its initial password, then works', async () => {
    const admin = new Client(makeApp(t.ctx));
    await admin.login('admin');
    const dept = await admin.post('/api/admin/departments', { bureauId: org.bureauId, name: '三号部门' });
    expect(dept.status, JSON.stringify(dept.body)).toBe(201);
    const unit = await admin.post('/api/admin/units', { departmentId: dept.body.id, name: '丁单位', code: 'D001' });
    expect(unit.status).toBe(201);
    const user = await admin.post('/api/admin/users', { username: 'fillerD', displayName: '丁填报', role: 'unit_filler', unitId: unit.body.id, password: 'filler-d-password-1' });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    expect(user.body).toMatchObject({ username: 'fillerD', unitId: unit.body.id, departmentId: dept.body.id, bureauId: org.bureauId });
    expect((await admin.post('/api/admin/users', { username: 'fillerD', displayName: 'x', role: 'unit_filler', unitId: unit.body.id, password: 'filler-d-password-1' })).status).toBe(400);
    expect((await admin.post('/api/admin/users', { username: 'deptX', displayName: 'x', role: 'department_reviewer', password: 'long-enough-pw-1' })).status).toBe(400);
    const d = new Client(makeApp(t.ctx));
    // The administrator knows the initial password: the account must change it before anything else.
    expect((await d.login('fillerD', 'filler-d-password-1')).mustChangePassword).toBe(true);
    expect((await d.get('/api/org')).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await d.post('/api/auth/password', { currentPassword: 'filler-d-password-1', newPassword: 'Filler-D-Own-2026' })).status).toBe(204);
    expect((await d.get('/api/org')).body.units.map((u: { name: string }) => u.name)).toEqual(['丁单位']);
    const users = await admin.get('/api/admin/users');
    expect(JSON.stringify(users.body)).not.toContain('argon2');
  });

  it('wrong passwords and unknown users get the same 401', async () => {
    const c = new Client(makeApp(t.ctx));
    const a = await c.request('POST', '/api/auth/login', { username: 'fillerA', password: 'nope' });
    const b = await c.request('POST', '/api/auth/login', { username: 'nobody', password: 'nope' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.error).toEqual(b.body.error);
  });

  it('mutating requests without the CSRF token are refused with 403 CSRF_INVALID', async () => {
    const c = new Client(makeApp(t.ctx));
    await c.login('fillerA');
    const csrf = c.csrf;
    c.csrf = null;
    const res = await c.post('/api/evaluations', { unitId: org.unitA, fiscalYear: 2024, kind: 'project' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_INVALID');
    c.csrf = 'x'.repeat(csrf!.length);
    expect((await c.post('/api/evaluations', { unitId: org.unitA, fiscalYear: 2024, kind: 'project' })).body.error.code).toBe('CSRF_INVALID');
    c.csrf = csrf;
    expect((await c.post('/api/evaluations', { unitId: org.unitA, fiscalYear: 2024, kind: 'project', evaluation: sampleEvaluation() })).status).toBe(201);
  });

  it('the public audit upload is rate limited per address (429 RATE_LIMITED)', async () => {
    const c = new Client(makeApp(t.ctx, { publicAuditLimit: { perAddress: 2, windowMs: 60_000 } }));
    const form = () => {
      const f = new FormData();
      f.append('file', new File([new Uint8Array(10)], 'x.exe'));
      return f;
    };
    expect((await c.request('POST', '/api/public/audit', form())).status).toBe(415);
    expect((await c.request('POST', '/api/public/audit', form())).status).toBe(415);
    const limited = await c.request('POST', '/api/public/audit', form());
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });

  it('sends security headers on API and page responses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>绩效</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const app = makeApp(t.ctx, { webDir: dir });
    for (const path of ['/api/public/reports', '/', '/evaluations/12', '/assets/app.js']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(await (await app.request('/evaluations/12')).text()).toContain('绩效'); // SPA fallback
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect((await app.request('/../../etc/passwd')).status).not.toBe(500);
    expect((await app.request('/api/nope')).status).toBe(404);
  });

  it('uploads: size limit (413 UPLOAD_TOO_LARGE) and type limit (415)', async () => {
    const c = new Client(makeApp(t.ctx, { maxUploadBytes: 1024 }));
    await c.login('fillerA');
    const big = new FormData();
    big.append('file', new File([new Uint8Array(4096)], 'big.docx'));
    const r1 = await c.request('POST', '/api/uploads', big);
    expect(r1.status).toBe(413);
    expect(r1.body.error.code).toBe('UPLOAD_TOO_LARGE');
    const exe = new FormData();
    exe.append('file', new File([new Uint8Array(10)], 'virus.exe'));
    const r2 = await c.request('POST', '/api/uploads', exe);
    expect(r2.status).toBe(415);
    const none = await c.request('POST', '/api/uploads', new FormData());
    expect(none.status).toBe(400);
  });

  it('uploads a JSON report through @jixiao/import when available, or answers 503 in Chinese', async () => {
    const c = new Client(makeApp(t.ctx));
    await c.login('fillerA');
    setOptionalModuleNames({ import: '@jixiao/no-such-import-module' });
    const f = new FormData();
    f.append('file', new File([JSON.stringify(sampleEvaluation())], 'report.json'));
    const res = await c.request('POST', '/api/uploads', f);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.body.error.message).toMatch(/导入/);
  });

  it('export answers 503 with a Chinese message when the documents package is unavailable', async () => {
    const c = new Client(makeApp(t.ctx));
    await c.login('fillerA');
    const created = await c.post('/api/evaluations', { unitId: org.unitA, fiscalYear: 2024, kind: 'project', evaluation: sampleEvaluation() });
    setOptionalModuleNames({ documents: '@jixiao/no-such-documents-module' });
    const res = await c.get(`/api/evaluations/${created.body.id}/export?format=docx`);
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/文档导出/);
    expect((await c.get(`/api/evaluations/${created.body.id}/export?format=exe`)).status).toBe(400);
  });

  it('serves the OpenAPI document listing every route', async () => {
    const res = await makeApp(t.ctx).request('/api/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/auth/login', '/api/evaluations/{id}', '/api/evaluations/{id}/actions/{action}', '/api/samples', '/api/public/reports', '/api/dashboard', '/api/todo']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(Object.keys(doc.paths['/api/evaluations/{id}']!)).toEqual(expect.arrayContaining(['get', 'put']));
  });

  it('SQL is parameterised: quotes and wildcards in search text are data, not SQL', async () => {
    const c = new Client(makeApp(t.ctx));
    await c.login('finance');
    for (const q of ["'; drop table evaluations; --", '%', '_', '\\']) {
      const res = await c.get(`/api/evaluations?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    }
    expect((await c.get('/api/evaluations')).status).toBe(200);
  });
});
