/**
 * Faults with the server as its own process: PostgreSQL stopped (fast and immediate) and
 * restarted under a write burst — the server keeps running, requests during the outage get
 * 503, every acknowledged write is there once; kill -9 of the server under load on PGlite and
 * PostgreSQL loses nothing acknowledged; SIGTERM finishes an in-flight request, then exits 0.
 * The outage test starts its own PostgreSQL (durable commits), never the shared one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startPostgres, type TestPostgres } from './postgres.js';
import { postgresUrl } from './databases.js';
import { killAll, setUpUnit, sleep, startChild, writeBurst, type Burst, type ChildServer } from './child-server.js';
import { openDatabase } from '../src/db/database.js';
import { repositories } from '../src/repositories/index.js';

/** Every acknowledged write (201) is stored exactly once; none is stored twice. */
async function checkWrites(db: { databaseUrl?: string; dataDir?: string }, burst: Burst) {
  const d = await openDatabase({ ...db, migrate: false });
  try {
    const rows = await d.db.selectFrom('evaluations').select('title').execute();
    const stored = new Map<string, number>();
    for (const r of rows) stored.set(r.title, (stored.get(r.title) ?? 0) + 1);
    const acknowledged = [...burst.results].filter(([, s]) => s === 201).map(([n]) => n);
    const missing = acknowledged.filter((n) => stored.get(n) !== 1);
    const twice = [...stored].filter(([, c]) => c > 1).map(([n]) => n);
    const chain = await repositories(d.db).auditLog.verifyChain();
    return { acknowledged: acknowledged.length, missing, twice, stored: rows.length, chainBroken: chain.broken };
  } finally {
    await d.close();
  }
}

afterAll(killAll);

const statuses = (b: Burst) => [...b.results.values()].reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});

describe('PostgreSQL stops and restarts under a write burst', () => {
  let pgServer: TestPostgres | undefined;
  let child: ChildServer | undefined;
  afterAll(async () => {
    child?.proc.kill('SIGKILL');
    pgServer?.stop();
  });

  it('the server keeps running, answers 503 during the outage, reconnects, and every acknowledged write is there once', async () => {
    pgServer = await startPostgres(undefined, { durable: true });
    const url = pgServer.url.replace(/\/[^/]*$/, '/jixiao');
    const admin = new pg.Client({ connectionString: pgServer.url });
    await admin.connect();
    await admin.query('create database jixiao');
    await admin.end();
    child = await startChild({ DATABASE_URL: url });
    const { filler, unitId } = await setUpUnit(child.url);

    const burst = writeBurst(filler, unitId, 'outage');
    const phases: Record<string, { ready: number[]; statuses: Record<number, number>; downMs: number; recoveredMs: number }> = {};
    for (const mode of ['fast', 'immediate'] as const) {
      await sleep(800);
      const haltedAt = Date.now();
      pgServer.halt(mode);
      const ready: number[] = [];
      for (let i = 0; i < 10; i++) {
        ready.push((await fetch(`${child.url}/api/ready`)).status);
        await sleep(100);
      }
      expect(child.alive(), child.output()).toBe(true);
      const before = statuses(burst);
      pgServer.resume(); // returns once PostgreSQL accepts connections
      // Writes succeed again without restarting the server.
      const resumedAt = Date.now();
      let after = 0;
      while (after === 0 && Date.now() - resumedAt < 30_000) {
        await sleep(100);
        after = (statuses(burst)[201] ?? 0) - (before[201] ?? 0);
      }
      expect(after, `no write succeeded after PostgreSQL came back (${mode})`).toBeGreaterThan(0);
      expect((await fetch(`${child.url}/api/ready`)).status).toBe(200);
      phases[mode] = { ready, statuses: before, downMs: resumedAt - haltedAt, recoveredMs: Date.now() - resumedAt };
    }
    await sleep(500);
    await burst.stop();

    expect(child.alive(), child.output()).toBe(true);
    expect(child.output()).not.toMatch(/Unhandled 'error' event|uncaught/i);
    const all = statuses(burst);
    expect(Object.keys(all).map(Number).sort()).toEqual(expect.arrayContaining([201, 503]));
    expect(Object.keys(all).map(Number).filter((s) => s !== 201 && s !== 503), JSON.stringify(all)).toEqual([]); // no 500, no other 503, no dropped connection
    for (const mode of ['fast', 'immediate']) expect(phases[mode]!.ready, mode).toContain(503);
    const check = await checkWrites({ databaseUrl: url }, burst);
    expect(check.missing).toEqual([]);
    expect(check.twice).toEqual([]);
    expect(check.chainBroken).toEqual([]);
    expect(check.acknowledged).toBeGreaterThan(20);
    const timing = Object.entries(phases).map(([m, p]) => `${m}: down ${p.downMs} ms, first acknowledged write ${p.recoveredMs} ms after PostgreSQL accepted connections`);
    console.log(`[resilience] PostgreSQL outage: ${JSON.stringify(all)} (status → requests), ${check.acknowledged} acknowledged, ${check.stored} stored; ${timing.join('; ')}`);
  });
});

describe.each(['pglite', 'postgres'] as const)('kill -9 of the server under load on %s', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses nothing acknowledged, and the server starts again on the same data', async () => {
    let env: Record<string, string>;
    let db: { databaseUrl?: string; dataDir?: string };
    if (kind === 'pglite') {
      env = { JIXIAO_DATA_DIR: join(dir, 'data') };
      db = { dataDir: join(dir, 'data') };
    } else {
      const name = `jx_kill_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: postgresUrl() });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      env = { DATABASE_URL: postgresUrl().replace(/\/[^/]*$/, `/${name}`) };
      db = { databaseUrl: env.DATABASE_URL };
    }
    const first = await startChild(env);
    const { filler, unitId } = await setUpUnit(first.url);
    const burst = writeBurst(filler, unitId, 'kill');
    await sleep(1500);
    first.proc.kill('SIGKILL');
    await first.exited;
    await sleep(200);
    await burst.stop();
    const check = await checkWrites(db, burst);
    expect(check.acknowledged).toBeGreaterThan(5);
    expect(check.missing).toEqual([]);
    expect(check.twice).toEqual([]);
    expect(check.chainBroken).toEqual([]);
    const again = await startChild(env);
    try {
      expect((await fetch(`${again.url}/api/ready`)).status).toBe(200);
    } finally {
      again.proc.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    }
    console.log(`[resilience] kill -9 on ${kind}: ${JSON.stringify(statuses(burst))}, ${check.acknowledged} acknowledged, ${check.stored} stored`);
  });
});

describe('SIGTERM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-term-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finishes the request in flight, refuses new ones, closes the database and exits 0', async () => {
    const child = await startChild({ JIXIAO_DATA_DIR: join(dir, 'data') });
    const port = Number(new URL(child.url).port);
    const body = JSON.stringify({ username: 'admin', password: 'wrong-password-1' });
    const answer = new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/auth/login', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write(body.slice(0, 5));
      setTimeout(() => req.end(body.slice(5)), 600);
    });
    await sleep(150);
    child.proc.kill('SIGTERM');
    expect(await answer).toBe(401); // answered (a wrong password), not cut off
    expect(await child.exited).toBe(0);
    expect(child.output()).toContain('收到 SIGTERM');
    expect(child.output()).toContain('已停止');
  });
});
