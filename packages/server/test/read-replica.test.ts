/**
 * DATABASE_READ_URL: a real hot standby (pg_basebackup, streaming replication) of a PostgreSQL
 * primary of its own. With the standby's replay paused, what the primary has just written is
 * missing from the dashboard, its ranking, the statistics export and the public portal (they read
 * from the standby) but present in the lists, the to-do and every write (the primary); after
 * replay catches up they agree. With the standby stopped those pages are answered by the primary
 * (one log line), and the standby is tried again after REPLICA_RETRY_MS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startPostgres, type TestPostgres } from './postgres.js';
import { Client } from './fixtures.js';
import { startServer, type RunningServer } from '../src/start-server.js';
import { DEMO_PASSWORD } from '../src/seed/load-demo-region.js';
import { optionsFromEnv } from '../src/options-from-env.js';
import { openDatabase } from '../src/db/database.js';
import { sql as kyselySql } from 'kysely';

const YEAR = 2031;

let primary: TestPostgres | undefined;
let standby: TestPostgres | undefined;
let server: RunningServer | undefined;
const lines: string[] = [];

/** A Client over the running server's socket (fixtures' Client calls `app.request`). */
function clientOf(s: RunningServer): Client {
  return new Client({ request: (path: string, init: RequestInit) => fetch(`${s.url}${path}`, init) } as never);
}

async function sql<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Waits until the standby has replayed everything the primary has written so far. */
async function caughtUp(): Promise<void> {
  const lsn = (await sql<{ lsn: string }>(primary!.url, 'select pg_current_wal_lsn()::text as lsn'))[0]!.lsn;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const done = (await sql<{ done: boolean }>(standby!.url, `select pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn as done`))[0]!.done;
    if (done) return;
    if (Date.now() > deadline) throw new Error('standby did not catch up in 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  primary = await startPostgres();
  await sql(primary.url, 'create database jixiao');
  standby = await startPostgres(undefined, { replicaOf: primary });
  const db = (u: string) => u.replace(/\/[^/]*$/, '/jixiao');
  server = await startServer({ databaseUrl: db(primary.url), readDatabaseUrl: db(standby.url), port: 0, demo: true, log: (l) => lines.push(l) });
}, 120_000);

afterAll(async () => {
  await server?.close();
  standby?.stop();
  primary?.stop();
});

describe('a read replica (DATABASE_READ_URL)', () => {
  it('is a real standby, and the server says it reads from it', async () => {
    const recovery = (await sql<{ recovery: boolean }>(standby!.url, 'select pg_is_in_recovery() as recovery'))[0]!.recovery;
    expect(recovery).toBe(true);
    expect(lines.some((l) => l.startsWith('只读副本：PostgreSQL（') && l.includes(`:${standby!.port}/jixiao`))).toBe(true);
  });

  it('serves the dashboard, ranking, export and public portal from the standby; lists, to-do and writes from the primary', async () => {
    const finance = clientOf(server!);
    await finance.login('caizheng', DEMO_PASSWORD);
    const filler = clientOf(server!);
    await filler.login('tianbao1', DEMO_PASSWORD);
    await caughtUp();

    const dashboard = async () => (await finance.get(`/api/dashboard?year=${YEAR}&includeDrafts=1`)).body as { totals: { count: number }; replicaLagSeconds: number | null };
    const exportRows = async () => ((await finance.get(`/api/dashboard/export?format=csv&year=${YEAR}&includeDrafts=1`)).body as string).trim().split('\n').length;
    const listed = async () => ((await finance.get(`/api/evaluations?year=${YEAR}`)).body as { total: number }).total;
    const publicTotal = async () => ((await finance.get('/api/public/reports')).body as { total: number }).total;
    // Caught up: the dashboard says it read a replica that is 0 s behind.
    expect((await dashboard()).replicaLagSeconds).toBe(0);
    const before = { dashboard: (await dashboard()).totals.count, export: await exportRows(), listed: await listed(), public: await publicTotal() };
    expect(before.dashboard).toBe(before.listed);

    const published = (await finance.get('/api/public/reports')).body as { items: Array<{ id: number; fiscalYear: number }> };
    const reportId = published.items[0]!.id;
    // The ranking of the published report's year: its first row's title, changed on the primary below.
    const rankingYear = published.items[0]!.fiscalYear;
    const firstRanked = async () => ((await finance.get(`/api/dashboard/ranking?year=${rankingYear}`)).body as { items: Array<{ id: number; title: string }> }).items[0]!;
    const ranked = await firstRanked();
    const publicPage = async () => (await fetch(`${server!.url}/public/reports/${reportId}`)).status;
    expect(await publicPage()).toBe(200);

    await sql(standby!.url, 'select pg_wal_replay_pause()');
    try {
      // Written on the primary while the standby does not replay: a new draft, and a report withdrawn from publication.
      const created = await filler.post('/api/evaluations', { fiscalYear: YEAR, kind: 'project', evaluation: { project: { name: '副本测试新建项目' } } });
      expect(created.status).toBe(201);
      const rec = (await finance.get(`/api/evaluations/${reportId}`)).body as { version: number };
      const withdrawn = await finance.post(`/api/evaluations/${reportId}/actions/unpublish`, { version: rec.version, opinion: '核对数据后重新公开' });
      expect(withdrawn.status).toBe(200);
      await sql(primary!.url.replace(/\/[^/]*$/, '/jixiao'), `update evaluations set title = title || '（更正）' where id = ${ranked.id}`);

      // The primary's pages see both at once.
      expect(await listed()).toBe(before.listed + 1);
      // The standby's pages do not yet, and the dashboard says how far behind they are.
      await new Promise((r) => setTimeout(r, 1200));
      const behind = await dashboard();
      expect(behind.totals.count).toBe(before.dashboard);
      expect(behind.replicaLagSeconds).toBeGreaterThanOrEqual(1);
      expect((await firstRanked()).title).toBe(ranked.title);
      expect(await exportRows()).toBe(before.export);
      expect(await publicTotal()).toBe(before.public);
      expect((await finance.get(`/api/public/reports/${reportId}`)).status).toBe(200);
      expect(await publicPage()).toBe(200);
      // A write through the replica's pages never reaches the standby: the public audit's budget is counted on the primary.
      const form = new FormData();
      form.append('file', new Blob(['某单位2030年度部门整体支出绩效自评报告\n一、基本情况\n'], { type: 'text/plain' }), 'r.txt');
      expect((await fetch(`${server!.url}/api/public/audit`, { method: 'POST', body: form })).status).toBe(200);
    } finally {
      await sql(standby!.url, 'select pg_wal_replay_resume()');
    }

    await caughtUp();
    expect((await dashboard()).totals.count).toBe(before.dashboard + 1);
    expect((await dashboard()).replicaLagSeconds).toBe(0);
    expect((await firstRanked()).title).toBe(`${ranked.title}（更正）`);
    expect(await exportRows()).toBe(before.export + 1);
    expect(await publicTotal()).toBe(before.public - 1);
    const gone = await finance.get(`/api/public/reports/${reportId}`);
    expect(gone.status).toBe(410);
    expect((gone.body as { error: { code: string } }).error.code).toBe('REPORT_WITHDRAWN');
    expect(await publicPage()).toBe(404);
  }, 60_000);

  it('answers from the primary while the standby is down, with one log line', async () => {
    const finance = clientOf(server!);
    await finance.login('caizheng', DEMO_PASSWORD);
    const filler = clientOf(server!);
    await filler.login('tianbao1', DEMO_PASSWORD);
    const dashboard = async () => (await finance.get(`/api/dashboard?year=${YEAR}&includeDrafts=1`)).body as { totals: { count: number }; replicaLagSeconds: number | null };
    const count = async () => (await dashboard()).totals.count;
    const n0 = await count();

    standby!.halt('fast');
    try {
      const created = await filler.post('/api/evaluations', { fiscalYear: YEAR, kind: 'project', evaluation: { project: { name: '副本停机时新建' } } });
      expect(created.status).toBe(201);
      // From the primary: the new draft is counted at once, and every page still answers.
      expect(await count()).toBe(n0 + 1);
      // Answered live by the primary: no lag to speak of.
      expect((await dashboard()).replicaLagSeconds).toBeNull();
      expect((await finance.get('/api/public/reports')).status).toBe(200);
      expect((await finance.get(`/api/dashboard/export?format=csv&year=${YEAR}`)).status).toBe(200);
      expect(lines.filter((l) => l.includes('只读副本无法连接')).length).toBe(1);
    } finally {
      standby!.resume();
    }
  }, 60_000);
});

describe('the replica pool', () => {
  it('falls back to the primary while the standby is down, then tries the standby again after the retry time', async () => {
    const log: string[] = [];
    const db = (u: string) => u.replace(/\/[^/]*$/, '/jixiao');
    const d = await openDatabase({ databaseUrl: db(primary!.url), readDatabaseUrl: db(standby!.url), migrate: false, replicaRetryMs: 1500, log: (l) => log.push(l) });
    const onStandby = async () => (await kyselySql<{ r: boolean }>`select pg_is_in_recovery() as r`.execute(d.readDb)).rows[0]!.r;
    try {
      expect(await onStandby()).toBe(true);
      expect((await kyselySql<{ r: boolean }>`select pg_is_in_recovery() as r`.execute(d.db)).rows[0]!.r).toBe(false);
      standby!.halt('fast');
      let resumed = false;
      try {
        // The first read meets the idle connection the stop broke: asked again of the primary; then the primary answers directly.
        for (let i = 0; i < 5; i++) expect(await onStandby()).toBe(false);
        expect(log.filter((l) => l.includes('只读副本无法连接')).length).toBe(1);
        standby!.resume();
        resumed = true;
        // Within the retry time the primary still answers; after it, the standby again.
        expect(await onStandby()).toBe(false);
        await new Promise((r) => setTimeout(r, 1600));
        expect(await onStandby()).toBe(true);
      } finally {
        if (!resumed) standby!.resume();
      }
    } finally {
      await d.close();
    }
  }, 60_000);
});

describe('DATABASE_READ_URL in the environment', () => {
  it('needs DATABASE_URL and a postgres:// address, and says so in Chinese without the password', () => {
    expect(() => optionsFromEnv({ DATABASE_READ_URL: 'postgres://u:secret@replica/jixiao' })).toThrow(/须与 DATABASE_URL（主库）一起设置/);
    let message = '';
    try {
      optionsFromEnv({ DATABASE_URL: 'postgres://u@primary/jixiao', DATABASE_READ_URL: 'mysql://u:secret@replica/jixiao' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/DATABASE_READ_URL 应为 postgres:\/\/ 开头/);
    expect(message).not.toContain('secret');
    expect(optionsFromEnv({ DATABASE_URL: 'postgres://u@primary/jixiao', DATABASE_READ_URL: 'postgres://u@replica/jixiao' }).readDatabaseUrl).toBe('postgres://u@replica/jixiao');
    expect(optionsFromEnv({ DATABASE_URL: 'postgres://u@primary/jixiao' }).readDatabaseUrl).toBeUndefined();
  });
});
