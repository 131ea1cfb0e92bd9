/**
 * Operations figures for docs/SERVER.md: backup, verify and restore of the demo region, the
 * audit-log hash chain (appends one by one and from concurrent writers, then the whole chain
 * verified), and a login with the database-backed back-off, on embedded PGlite (file-backed)
 * and PostgreSQL (Debian's, started in a temp folder the way the tests do, durable commits).
 *
 *   node --conditions=jixiao-source --import tsx bench/operations-bench.ts [--appends 2000] [--logins 20] [--engines pglite,postgres]
 *
 * Not a test: no assertions; prints one table per engine.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../packages/server/src/db/database.ts';
import { writeBackupFile } from '../packages/server/src/backup/backup-database.ts';
import { verifyBackup } from '../packages/server/src/backup/verify-backup.ts';
import { restoreDatabase } from '../packages/server/src/backup/restore-database.ts';
import { loadDemoRegion, DEMO_PASSWORD } from '../packages/server/src/seed/load-demo-region.ts';
import { DEFAULT_EXAMPLES_DIR } from '../packages/server/src/start-server.ts';
import { repositories } from '../packages/server/src/repositories/index.ts';
import { login } from '../packages/server/src/use-cases/login.ts';
import { startPostgres, type TestPostgres } from '../packages/server/test/postgres.ts';
import { readFile } from 'node:fs/promises';

const { values } = parseArgs({ options: { appends: { type: 'string', default: '2000' }, logins: { type: 'string', default: '20' }, engines: { type: 'string', default: 'pglite,postgres' } } });
const APPENDS = Number(values.appends);
const LOGINS = Number(values.logins);

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};
const f = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en').replace(/,/g, ' '));

async function bareDatabase(engine: string, pgServer: TestPostgres | null, dir: string, name: string): Promise<Database> {
  if (engine === 'pglite') return openDatabase({ dataDir: join(dir, name), migrate: false });
  const admin = new pg.Client({ connectionString: pgServer!.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return openDatabase({ databaseUrl: pgServer!.url.replace(/\/[^/]*$/, `/${name}`), migrate: false });
}

async function appendMany(db: Database, n: number, writers: number): Promise<number> {
  const r = repositories(db.db);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = w; i < n; i += writers) {
        await db.db.transaction().execute((trx) =>
          repositories(trx).auditLog.append({ entityType: 'unit', entityId: i, evaluationId: null, actor: null, action: 'org.unit_created', at: new Date(), before: null, after: { i } }),
        );
      }
    }),
  );
  void r;
  return performance.now() - t0;
}

async function run(engine: string, other: string): Promise<[string, string][]> {
  const dir = mkdtempSync(join(tmpdir(), 'jx-ops-bench-'));
  const pgServer = engine === 'postgres' || other === 'postgres' ? await startPostgres(undefined, { durable: true }) : null;
  const out: [string, string][] = [];
  try {
    const source = await bareDatabase(engine, pgServer, dir, 'source');
    const { migrateToLatest } = await import('../packages/server/src/db/migrate.ts');
    await migrateToLatest(source.db);
    const ctx = { db: source.db, now: () => new Date() };
    await loadDemoRegion(ctx, { examplesDir: DEFAULT_EXAMPLES_DIR });
    const rows = await sql<{ n: number }>`select (select count(*) from evaluations)::int as n`.execute(source.db);
    const file = join(dir, 'backup.json');
    const [backup, tBackup] = await timed(() => writeBackupFile(source.db, file, { source: engine, now: new Date() }));
    const total = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
    out.push(['demo region', `${rows.rows[0]!.n} evaluations, ${total} rows in ${Object.keys(backup.tables).length} tables`]);
    out.push(['backup (write, fsync, 0600)', `${f(tBackup)} ms, ${f(statSync(file).size / 1024)} KB`]);
    const text = await readFile(file, 'utf8');
    const [report, tVerify] = await timed(() => verifyBackup(text));
    out.push(['backup --verify (scratch PGlite in memory)', `${f(tVerify)} ms (${report.ok ? 'ok' : 'FAILED'})`]);
    for (const target of [engine, other]) {
      const t = await bareDatabase(target, pgServer, dir, `restore_${target}`);
      const [, tRestore] = await timed(() => restoreDatabase(t.db, text));
      out.push([`restore into an empty ${target} (migrate + fill, one transaction)`, `${f(tRestore)} ms`]);
      await t.close();
    }
    for (const writers of [1, 8]) {
      const ms = await appendMany(source, APPENDS, writers);
      out.push([`audit-log appends, ${writers} writer${writers > 1 ? 's' : ''} (one transaction each)`, `${f((APPENDS / ms) * 1000)} /s (${f(ms / APPENDS)} ms each)`]);
    }
    const entries = await repositories(source.db).auditLog.count();
    const [chain, tChain] = await timed(() => repositories(source.db).auditLog.verifyChain());
    out.push([`audit-log verify (${entries} entries)`, `${f(tChain)} ms, ${f((entries / tChain) * 1000)} entries/s, ${chain.broken.length} broken`]);
    const logins: number[] = [];
    for (let i = 0; i < LOGINS; i++) {
      const [, ms] = await timed(() => login(ctx, 'caizheng', DEMO_PASSWORD, '192.0.2.1'));
      logins.push(ms);
    }
    logins.sort((a, b) => a - b);
    out.push([`login (argon2id + back-off bookkeeping + session + audit), ${LOGINS} in a row`, `p50 ${f(logins[Math.floor(LOGINS / 2)]!)} ms, max ${f(logins.at(-1)!)} ms`]);
    await source.close();
  } finally {
    pgServer?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const engines = values.engines.split(',');
console.log(`Node ${process.version}, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const engine of engines) {
  const other = engine === 'pglite' ? 'postgres' : 'pglite';
  const rows = await run(engine, other);
  console.log(`\n${engine}\n| measure | result |\n|---|---|`);
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
}
console.log(`\nload after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
