/**
 * Several server processes on one PostgreSQL: `--workers 2` (one port, both processes answer,
 * SIGTERM stops them together), and two independent processes as a load balancer's backends —
 * a session opened on one works on the other, the public audit's upload budget is counted once
 * across both, and saves spread over both lose no write and record none twice (rows read back,
 * the audit log counted, the chain intact).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { postgresUrl } from './databases.js';
import { HttpClient, killAll, setUpUnit, sleep, startChild, FILLER_PASSWORD } from './child-server.js';
import { sampleEvaluation } from './fixtures.js';
import { openDatabase } from '../src/db/database.js';
import { repositories } from '../src/repositories/index.js';

afterAll(killAll);

async function freshDatabase(): Promise<string> {
  const url = postgresUrl();
  const name = `jx_multi_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return url.replace(/\/[^/]*$/, `/${name}`);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('several server processes on one PostgreSQL', () => {
  it('--workers 2: two processes share the port and both answer; SIGTERM drains and stops them all', async () => {
    const url = await freshDatabase();
    const child = await startChild({ DATABASE_URL: url, JIXIAO_WORKERS: '2' });
    // Process 1's banner can come before process 2 is ready: the primary's line follows once both are.
    const deadline = Date.now() + 60_000;
    while (!/服务进程：/.test(child.output()) && Date.now() < deadline && child.alive()) await new Promise((r) => setTimeout(r, 50));
    const pids = /服务进程：2 个（PID (\d+)、(\d+)）/.exec(child.output());
    expect(pids, child.output()).not.toBeNull();
    const workers = [Number(pids![1]), Number(pids![2])];
    expect(workers.every(alive)).toBe(true);
    await setUpUnit(child.url);
    // New connections are handed to the processes in turn: each process opens its own pool.
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${child.url}/api/public/reports`, { headers: { connection: 'close' } });
      expect(res.status).toBe(200);
    }
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    const names = (await probe.query(`select distinct application_name as n from pg_stat_activity where datname = current_database() and application_name like 'jixiao/%' order by 1`)).rows.map((r) => r.n);
    await probe.end();
    expect(names).toEqual(['jixiao/1', 'jixiao/2']);
    child.proc.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    for (let i = 0; i < 100 && workers.some(alive); i++) await sleep(50);
    expect(workers.filter(alive)).toEqual([]);
  }, 240_000);

  it('two processes behind a balancer: shared sessions and upload budget, no lost or duplicated write', async () => {
    const url = await freshDatabase();
    const a = await startChild({ DATABASE_URL: url });
    const b = await startChild({ DATABASE_URL: url });
    const { unitId } = await setUpUnit(a.url);
    // Signed in on A; the same cookie and CSRF token work on B (the session is in the database).
    const onA = new HttpClient(a.url);
    await onA.login('filler', FILLER_PASSWORD);
    const onB = Object.assign(new HttpClient(b.url), { cookie: onA.cookie, csrf: onA.csrf });
    expect((await onB.request('GET', '/api/auth/me')).status).toBe(200);

    // Six writers, each with its report, save eight times, every save on the other process.
    const clients = [onA, onB];
    const writers = await Promise.all(
      Array.from({ length: 6 }, async (_, w) => {
        const created = await onA.request('POST', '/api/evaluations', { unitId, fiscalYear: 2025, kind: 'project', evaluation: sampleEvaluation(2025, { project: { name: `写入${w}` } }) });
        expect(created.status).toBe(201);
        return { id: created.body.id as number, version: created.body.version as number, acknowledged: 0 };
      }),
    );
    await Promise.all(
      writers.map(async (wr, w) => {
        for (let s = 0; s < 8; s++) {
          const res = await clients[(w + s) % 2]!.request('PUT', `/api/evaluations/${wr.id}`, { version: wr.version, evaluation: sampleEvaluation(2025, { project: { name: `写入${w}` }, totals: { statedScore: String(80 + s) } }) });
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          wr.version = res.body.version;
          wr.acknowledged++;
        }
      }),
    );
    // One version, many writers on both processes: exactly one save wins, the rest are 409.
    const contested = writers[0]!;
    const race = await Promise.all(
      Array.from({ length: 10 }, (_, k) => clients[k % 2]!.request('PUT', `/api/evaluations/${contested.id}`, { version: contested.version, evaluation: sampleEvaluation(2025, { project: { name: '写入0' }, totals: { statedScore: String(60 + k) } }) })),
    );
    expect(race.filter((r) => r.status === 200)).toHaveLength(1);
    expect(race.filter((r) => r.status === 409)).toHaveLength(9);
    contested.acknowledged++;

    const d = await openDatabase({ databaseUrl: url, migrate: false, poolSize: 2 });
    try {
      const r = repositories(d.db);
      for (const wr of writers) {
        const row = await d.db.selectFrom('evaluations').select(['version']).where('id', '=', wr.id).executeTakeFirstOrThrow();
        expect(row.version).toBe(1 + wr.acknowledged);
        const log = await r.auditLog.listForEvaluation(wr.id);
        expect(log.filter((e) => e.action === 'evaluation.updated')).toHaveLength(wr.acknowledged);
        expect(new Set(log.map((e) => (e.after as { version?: number } | null)?.version)).size).toBe(log.length);
      }
      expect((await r.auditLog.verifyChain()).broken).toEqual([]);
    } finally {
      await d.close();
    }

    // The public audit's budget (30 uploads an address per 10 minutes) is one budget across both processes.
    const upload = (base: string) => {
      const f = new FormData();
      f.append('file', new File([new Uint8Array(10)], 'x.exe'));
      return fetch(`${base}/api/public/audit`, { method: 'POST', body: f });
    };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await upload(i % 2 ? b.url : a.url)).status);
    expect(statuses.slice(0, 30).every((s) => s === 415)).toBe(true);
    expect(statuses[30]).toBe(429);
  }, 300_000);
});

describe('how many server processes', () => {
  it('one per core on PostgreSQL, one on PGlite; more than one on PGlite is refused', async () => {
    const { workersFrom } = await import('../src/start-cluster.js');
    const { availableParallelism } = await import('node:os');
    expect(workersFrom({}, [], 'postgres://x/y')).toBe(availableParallelism());
    expect(workersFrom({}, [], undefined)).toBe(1);
    expect(workersFrom({ JIXIAO_WORKERS: '3' }, [], 'postgres://x/y')).toBe(3);
    expect(workersFrom({ JIXIAO_WORKERS: '3' }, ['--workers', '2'], 'postgres://x/y')).toBe(2);
    expect(() => workersFrom({}, ['--workers', '2'], undefined)).toThrow(/PGlite/);
    expect(() => workersFrom({}, ['--workers', '0'], 'postgres://x/y')).toThrow(/1–256/);
  });
});
