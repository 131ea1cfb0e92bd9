/**
 * The dashboard, the to-do list, a page of the evaluation list (50 rows, the web app's page) and
 * the statistics export at N evaluations in one year
 * (bench/load-evaluations.ts loads them), through the HTTP app (app.request, no sockets), as
 * the finance bureau (who sees the whole bureau). On PostgreSQL it also prints EXPLAIN ANALYZE
 * of every query the dashboard makes (captured from a logging Kysely instance).
 *
 *   node --conditions=jixiao-source --import tsx bench/dashboard-bench.ts [--evaluations 20000] [--previous 5000] [--reads 20] [--engines postgres,pglite] [--explain]
 *
 * PostgreSQL is started in a temp folder the way the tests do (Debian's postgresql). Not a
 * test: no assertions; prints a table (ms are p50 / p99 over --reads requests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { createOrg, loginAll, makeApp, type Client } from '../packages/server/test/fixtures.ts';
import { startPostgres } from '../packages/server/test/postgres.ts';
import { loadEvaluations } from './load-evaluations.ts';

const { values } = parseArgs({
  options: {
    evaluations: { type: 'string', default: '20000' },
    previous: { type: 'string', default: '5000' },
    reads: { type: 'string', default: '20' },
    engines: { type: 'string', default: 'postgres,pglite' },
    explain: { type: 'boolean', default: false },
  },
});
const N = Number(values.evaluations);
const READS = Number(values.reads);
const YEAR = 2024;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const f = (x: number) => x.toFixed(x < 10 ? 1 : 0);

async function timed(c: Client, path: string, n: number): Promise<{ ms: number[]; bytes: number; status: number }> {
  const ms: number[] = [];
  let bytes = 0;
  let status = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await c.app.request(path, { headers: { cookie: c.cookie! } });
    const body = new Uint8Array(await res.arrayBuffer());
    ms.push(performance.now() - t0);
    bytes = body.byteLength;
    status = res.status;
  }
  return { ms, bytes, status };
}

async function explainDashboard(url: string, bureauId: number): Promise<void> {
  let repoModule: typeof import('../packages/server/src/repositories/dashboard.repository.ts');
  try {
    repoModule = await import('../packages/server/src/repositories/dashboard.repository.ts');
  } catch {
    console.log('(no DashboardRepository in this tree: EXPLAIN skipped)');
    return;
  }
  const { Kysely, PostgresDialect } = await import('kysely');
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const captured: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }), log: (e) => void captured.push({ sql: e.query.sql, parameters: e.query.parameters }) });
  const repo = new repoModule.DashboardRepository(db);
  const v = { kind: 'bureau' as const, bureauId };
  const scope = { year: YEAR, includeDrafts: false };
  // What GET /api/dashboard runs, then a page of the export and a to-do list.
  await repo.byYear(v, scope);
  await repo.figures(v, scope);
  await repo.gradeCounts(v, scope);
  await repo.ranking(v, scope, { offset: 0, limit: 20 });
  await repo.bins(v, scope);
  await repo.rows(v, scope, 0, 1000);
  await repo.todoList(v, { year: YEAR, status: 'department_approved' }, 20);
  for (const q of captured) {
    const plan = await pool.query(`explain (analyze, buffers) ${q.sql}`, q.parameters as unknown[]);
    const lines = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']!);
    console.log(`\n-- ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}…`);
    for (const l of lines) if (/Scan|Sort|Aggregate|Limit|Join|Execution Time|Planning Time/.test(l)) console.log(l);
  }
  await db.destroy();
}

async function run(engine: string): Promise<Record<string, string>> {
  const pg = engine === 'postgres' ? await startPostgres() : null;
  const dir = engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'jx-dashboard-bench-')) : null;
  const database = pg ? await openDatabase({ databaseUrl: pg.url }) : await openDatabase({ dataDir: dir! });
  try {
    const ctx = { db: database.db, now: () => new Date() };
    const org = await createOrg(ctx);
    const t0 = performance.now();
    await loadEvaluations(database.db, { evaluations: N, year: YEAR, previous: Number(values.previous), departments: 40, unitsPerDepartment: 12, bureauId: org.bureauId });
    const loadS = (performance.now() - t0) / 1000;
    const c = await loginAll(makeApp(ctx));
    const dash = await timed(c.finance!, `/api/dashboard?year=${YEAR}`, READS);
    const todo = await timed(c.finance!, '/api/todo', READS);
    const list = await timed(c.finance!, `/api/evaluations?year=${YEAR}&pageSize=50`, READS);
    const unitTodo = await timed(c.fillerA!, '/api/todo', READS);
    const csv = await timed(c.finance!, `/api/dashboard/export?format=csv&year=${YEAR}`, 3);
    if (values.explain && pg) await explainDashboard(pg.url, org.bureauId);
    return {
      engine: engine === 'pglite' ? 'PGlite (file)' : 'PostgreSQL',
      load: `${loadS.toFixed(0)} s`,
      dashboard: `${f(pct(dash.ms, 50))} / ${f(pct(dash.ms, 99))}`,
      dashboardKb: (dash.bytes / 1024).toFixed(0),
      todo: `${f(pct(todo.ms, 50))} / ${f(pct(todo.ms, 99))}`,
      todoKb: (todo.bytes / 1024).toFixed(0),
      unitTodo: `${f(pct(unitTodo.ms, 50))}`,
      list: `${f(pct(list.ms, 50))} / ${f(pct(list.ms, 99))}`,
      listKb: (list.bytes / 1024).toFixed(0),
      csv: csv.status === 200 ? `${f(pct(csv.ms, 50))} ms, ${(csv.bytes / 1024 / 1024).toFixed(1)} MB` : `n/a (${csv.status})`,
    };
  } finally {
    await database.close();
    pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const e of values.engines.split(',')) results.push(await run(e.trim()));
console.log(`\n${N} evaluations in ${YEAR} (+${values.previous} in ${YEAR - 1}), ${READS} reads; Node ${process.version}, ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('| engine | load | dashboard p50 / p99 ms | dashboard kB | finance to-do p50 / p99 ms | to-do kB | unit to-do p50 ms | list page (50) p50 / p99 ms | list kB | CSV export (all rows) |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.engine} | ${r.load} | ${r.dashboard} | ${r.dashboardKb} | ${r.todo} | ${r.todoKb} | ${r.unitTodo} | ${r.list} | ${r.listKb} | ${r.csv} |`);
