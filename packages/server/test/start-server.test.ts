/** startServer as `npm start` runs it: PGlite in a data folder, or PostgreSQL from a URL; demo on first start. */
import { mkdtempSync, mkdirSync, rmSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { startServer } from '../src/start-server.js';
import { optionsFromEnv } from '../src/options-from-env.js';
import { DEMO_PASSWORD } from '../src/seed/load-demo-region.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import { postgresUrl } from './databases.js';
import { verifyBackup } from '../src/backup/verify-backup.js';

async function fetchJson(url: string, init?: RequestInit) {
  const r = await fetch(url, init);
  return { status: r.status, body: (await r.json()) as any, headers: r.headers };
}

describe('startServer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('PGlite folder: loads the demo region once, serves on loopback, keeps data across restarts, holds a lock', async () => {
    const dataDir = join(dir, 'data');
    const lines: string[] = [];
    const s = await startServer({ dataDir, port: 0, log: (l) => lines.push(l) });
    try {
      expect(lines.join('\n')).toContain('演示账号');
      expect(lines.join('\n')).toContain('caizheng');
      expect(existsSync(join(dataDir, 'jixiao-server.pid'))).toBe(true);
      await expect(startServer({ dataDir, port: 0, log: () => {} })).rejects.toThrow(/正被另一个/);
      await expect(startServer({ dataDir: join(dir, 'other'), port: s.port, log: () => {} })).rejects.toThrow(/已被占用/);
      expect(existsSync(join(dir, 'other', 'jixiao-server.pid'))).toBe(false);
      expect((await fetchJson(`${s.url}/api/health`)).body).toEqual({ ok: true });
      const login = await fetchJson(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'caizheng', password: DEMO_PASSWORD }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const list = await fetchJson(`${s.url}/api/evaluations`, { headers: { cookie } });
      const statuses = new Set(list.body.items.map((i: { status: string }) => i.status));
      for (const st of ['published', 'returned', 'department_approved', 'draft']) expect(statuses).toContain(st);
      const pub = await fetchJson(`${s.url}/api/public/reports`);
      expect(pub.body.total).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
    expect(existsSync(join(dataDir, 'jixiao-server.pid'))).toBe(false);
    const again: string[] = [];
    const s2 = await startServer({ dataDir, port: 0, log: (l) => again.push(l) });
    try {
      expect(again.join('\n')).not.toContain('首次启动');
      const before = await s2.database.db.selectFrom('evaluations').select('id').execute();
      expect(before.length).toBeGreaterThan(0);
    } finally {
      await s2.close();
    }
  }, 300_000); // the demo region (reports, 44 projects, a cycle) loads in 10–60 s depending on the machine's load

  it('without the demo: bootstraps the region, the bureau and the admin from JIXIAO_ADMIN_PASSWORD, who must change it first', async () => {
    const lines: string[] = [];
    const s = await startServer({ dataDir: join(dir, 'prod'), port: 0, demo: false, bootstrap: { adminPassword: 'Bureau-Pass-2026', bureauName: '某市财政局' }, log: (l) => lines.push(l) });
    try {
      expect(lines.join('\n')).toContain('已创建');
      expect(lines.join('\n')).toContain('首次登录后须修改');
      expect(lines.join('\n')).not.toContain('演示账号');
      const login = await fetchJson(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Bureau-Pass-2026' }) });
      expect(login.status).toBe(200);
      expect(login.body.mustChangePassword).toBe(true);
      const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': login.body.csrfToken, 'content-type': 'application/json' };
      const blocked = await fetchJson(`${s.url}/api/org`, { headers });
      expect(blocked.status).toBe(403);
      expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect((await fetchJson(`${s.url}/api/auth/me`, { headers })).body.mustChangePassword).toBe(true);
      const change = await fetch(`${s.url}/api/auth/password`, { method: 'POST', headers, body: JSON.stringify({ currentPassword: 'Bureau-Pass-2026', newPassword: 'Chosen-by-Wang-7' }) });
      expect(change.status).toBe(204);
      const org = await fetchJson(`${s.url}/api/org`, { headers });
      expect(org.body.bureaus.map((b: { name: string }) => b.name)).toEqual(['某市财政局']);
      expect(org.body.units).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('production: on all addresses (or NODE_ENV=production) an empty folder gets no demo and needs JIXIAO_ADMIN_PASSWORD; the banner shows the real address', async () => {
    const folder = join(dir, 'public');
    await expect(startServer({ dataDir: folder, host: '0.0.0.0', port: 0, log: () => {} })).rejects.toMatchObject({ code: 'ADMIN_PASSWORD_REQUIRED', exitCode: 78 });
    await expect(startServer({ dataDir: folder, host: '0.0.0.0', port: 0, bootstrap: { adminPassword: 'short' }, log: () => {} })).rejects.toMatchObject({ code: 'PASSWORD_POLICY' });
    await expect(startServer({ dataDir: join(dir, 'prod-local'), production: true, port: 0, log: () => {} })).rejects.toMatchObject({ code: 'ADMIN_PASSWORD_REQUIRED' });
    const lines: string[] = [];
    const s = await startServer({ dataDir: folder, host: '0.0.0.0', port: 0, bootstrap: { adminPassword: 'Bureau-Pass-2026' }, log: (l) => lines.push(l) });
    try {
      const banner = lines.join('\n');
      expect(banner).toContain(`（监听 0.0.0.0:${s.port}，所有网络地址）`);
      expect(/已启动：(http:\/\/[^\s]+)/.exec(banner)![1]).toBe(s.url); // the local address to open, for scripts
      expect(banner).toContain('模式：生产');
      expect(banner).toContain('HTTPS 反向代理');
      expect(banner).not.toContain('演示账号');
      for (const u of ['admin', 'caizheng']) {
        const demo = await fetchJson(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: DEMO_PASSWORD }) });
        expect(demo.status).toBe(401);
      }
      expect((await fetch(`${s.url}/api/health`)).headers.get('strict-transport-security')).toBeNull();
    } finally {
      await s.close();
    }
  });

  it('a demo database is not served on a network address unless the demo is asked for; HSTS with secure cookies', async () => {
    const folder = join(dir, 'data'); // holds the demo (first test)
    await expect(startServer({ dataDir: folder, host: '0.0.0.0', port: 0, log: () => {} })).rejects.toMatchObject({ code: 'DEMO_ACCOUNTS_EXPOSED' });
    const s = await startServer({ dataDir: folder, host: '0.0.0.0', port: 0, demo: true, secureCookies: true, log: () => {} });
    try {
      const res = await fetch(`${s.url}/api/health`);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    } finally {
      await s.close();
    }
  });

  it('close() lets an in-flight request finish, then refuses new connections', async () => {
    const s = await startServer({ dataDir: join(dir, 'data'), port: 0, log: () => {} });
    const body = JSON.stringify({ username: 'caizheng', password: DEMO_PASSWORD });
    const answer = new Promise<number>((resolveStatus, reject) => {
      const req = request({ host: '127.0.0.1', port: s.port, path: '/api/auth/login', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolveStatus(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10)); // the request is in flight: its body is not complete yet
      setTimeout(() => req.end(body.slice(10)), 400);
    });
    await new Promise((r) => setTimeout(r, 100));
    const closing = s.close();
    expect(await answer).toBe(200);
    await closing;
    await expect(fetch(`${s.url}/api/health`)).rejects.toThrow();
  });

  it('scheduled backups: one file per interval, 0600 in a 0700 folder, the oldest beyond `keep` removed, each restorable', async () => {
    const backupDir = join(dir, 'backups');
    const lines: string[] = [];
    const s = await startServer({ dataDir: join(dir, 'data'), port: 0, backups: { dir: backupDir, intervalMs: 300, keep: 2 }, log: (l) => lines.push(l) });
    try {
      for (let i = 0; i < 100 && lines.filter((l) => l.startsWith('已自动备份')).length < 3; i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await s.close();
    }
    expect(lines.filter((l) => l.startsWith('已自动备份')).length).toBeGreaterThanOrEqual(3);
    const files = readdirSync(backupDir);
    expect(files).toHaveLength(2);
    expect(statSync(backupDir).mode & 0o777).toBe(0o700);
    for (const f of files) {
      expect(f).toMatch(/^jixiao-backup-\d{8}T\d{9}Z\.json$/);
      expect(statSync(join(backupDir, f)).mode & 0o777).toBe(0o600);
    }
    expect((await verifyBackup(readFileSync(join(backupDir, files[1]!), 'utf8'))).ok).toBe(true);
  });

  it('PostgreSQL URL: same migrations, same demo', async () => {
    const admin = new pg.Client({ connectionString: postgresUrl() });
    await admin.connect();
    const name = `jx_start_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${name}`);
    await admin.end();
    const s = await startServer({ databaseUrl: postgresUrl().replace(/\/[^/]*$/, `/${name}`), port: 0, log: () => {} });
    try {
      expect(s.database.kind).toBe('postgres');
      const applied = await sql<{ name: string }>`select name from jx_migrations order by name`.execute(s.database.db);
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS).sort());
      expect(await migrateToLatest(s.database.db)).toEqual([]); // nothing pending: forward-only, idempotent
      const login = await fetchJson(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tianbao1', password: DEMO_PASSWORD }) });
      expect(login.body.user.unitName).toBeTruthy();
    } finally {
      await s.close();
    }
  });

  it('JIXIAO_WEB_DIR: the web app is served from that folder (its index.html for the app\'s own addresses); without one, only the API', async () => {
    const web = join(dir, 'web-elsewhere');
    mkdirSync(web, { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>另一处构建的网页</title><div id="root"></div>');
    expect(optionsFromEnv({ JIXIAO_WEB_DIR: web }).webDir).toBe(web);
    expect(optionsFromEnv({}).webDir).toBeUndefined();
    const lines: string[] = [];
    const s = await startServer({ ...optionsFromEnv({ JIXIAO_WEB_DIR: web }), dataDir: join(dir, 'web-data'), port: 0, demo: false, bootstrap: { adminPassword: 'Bureau-Pass-2026' }, log: (l) => lines.push(l) });
    try {
      for (const path of ['/', '/evaluations/1']) {
        const res = await fetch(`${s.url}${path}`);
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('另一处构建的网页');
      }
      expect(lines.join('\n')).not.toContain('未找到网页应用');
    } finally {
      await s.close();
    }
    const missing: string[] = [];
    const s2 = await startServer({ ...optionsFromEnv({ JIXIAO_WEB_DIR: join(dir, 'no-such-web') }), dataDir: join(dir, 'web-data'), port: 0, demo: false, log: (l) => missing.push(l) });
    try {
      expect(missing.join('\n')).toContain(`未找到网页应用 ${join(dir, 'no-such-web')}`);
      expect((await fetch(`${s2.url}/api/health`)).status).toBe(200);
    } finally {
      await s2.close();
    }
  });
});
