/** startServer as `npm start` runs it: PGlite in a data folder, or PostgreSQL from a URL; demo on first start. */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { startServer } from '../src/start-server.js';
import { DEMO_PASSWORD } from '../src/seed/load-demo-region.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import { postgresUrl } from './databases.js';

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
  });

  it('without the demo: bootstraps the region, the bureau and the admin from JIXIAO_ADMIN_PASSWORD', async () => {
    const lines: string[] = [];
    const s = await startServer({ dataDir: join(dir, 'prod'), port: 0, demo: false, bootstrap: { adminPassword: 'admin-password-1', bureauName: '某市财政局' }, log: (l) => lines.push(l) });
    try {
      expect(lines.join('\n')).toContain('已创建');
      expect(lines.join('\n')).not.toContain('演示账号');
      const login = await fetchJson(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }) });
      expect(login.status).toBe(200);
      const org = await fetchJson(`${s.url}/api/org`, { headers: { cookie: login.headers.get('set-cookie')!.split(';')[0]! } });
      expect(org.body.bureaus.map((b: { name: string }) => b.name)).toEqual(['某市财政局']);
      expect(org.body.units).toEqual([]);
    } finally {
      await s.close();
    }
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
});
