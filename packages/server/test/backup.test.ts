/**
 * Backup and restore round trips in all four directions (PGlite ↔ PostgreSQL) of a database
 * with sessions; the table list read from the catalog; one transaction that leaves the target
 * as it was on failure; the checksum; `verifyBackup` in a scratch database.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { createTestDatabase, postgresUrl, type TestDatabase, type TestDatabaseKind } from './databases.js';
import { backupDatabase, dumpTable, parseBackup, serialiseBackup, type Backup } from '../src/backup/backup-database.js';
import { restoreDatabase } from '../src/backup/restore-database.js';
import { verifyBackup } from '../src/backup/verify-backup.js';
import { listBackupTables, orderByDependencies } from '../src/backup/list-tables.js';
import { loadDemoRegion, DEMO_PASSWORD } from '../src/seed/load-demo-region.js';
import { DEFAULT_EXAMPLES_DIR } from '../src/start-server.js';
import { repositories } from '../src/repositories/index.js';
import { appliedMigrations } from '../src/db/migrate.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { Client, makeApp } from './fixtures.js';

async function snapshot(db: Kysely<any>) {
  const out: Record<string, unknown[]> = {};
  await db.connection().execute(async (conn) => {
    await sql`set timezone = 'UTC'`.execute(conn);
    for (const t of (await listBackupTables(conn)).tables) out[t.name] = await dumpTable(conn, t);
  });
  return out;
}

/** A database whose users have signed in (sessions and CSRF tokens exist): one per engine, shared by the tests of this file. */
const sources = new Map<TestDatabaseKind, Promise<TestDatabase>>();
function populated(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (!sources.has(kind)) {
    sources.set(
      kind,
      (async () => {
        const t = await createTestDatabase(kind);
        await loadDemoRegion(t.ctx, { examplesDir: DEFAULT_EXAMPLES_DIR });
        const app = makeApp(t.ctx);
        for (const u of ['caizheng', 'tianbao1', 'admin']) await new Client(app).login(u, DEMO_PASSWORD);
        return t;
      })(),
    );
  }
  return sources.get(kind)!;
}
afterAll(async () => {
  for (const t of sources.values()) await (await t).close();
});

/** An empty PostgreSQL database that jixiao never touched (no tables at all). */
async function bareDatabase(): Promise<Database> {
  const admin = new pg.Client({ connectionString: postgresUrl() });
  await admin.connect();
  const name = `jx_bare_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  return openDatabase({ databaseUrl: postgresUrl().replace(/\/[^/]*$/, `/${name}`), migrate: false, poolSize: 2 });
}

const bare = (kind: TestDatabaseKind) => (kind === 'pglite' ? openDatabase({ dataDir: 'memory://', migrate: false }) : bareDatabase());

const PAIRS: [TestDatabaseKind, TestDatabaseKind][] = [
  ['pglite', 'pglite'],
  ['postgres', 'postgres'],
  ['pglite', 'postgres'],
  ['postgres', 'pglite'],
];

describe.each(PAIRS)('backup on %s, restore on %s', (from, to) => {
  const open: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const t of open) await t.close();
  });

  it('round trip of a database with sessions: every row back, no session, sequences moved, logins and the audit chain work', async () => {
    const source = await populated(from);
    expect((await sql<{ n: number }>`select count(*)::int as n from sessions`.execute(source.ctx.db)).rows[0]!.n).toBe(3);
    const before = await snapshot(source.ctx.db);
    expect(Object.keys(before)).not.toContain('sessions');
    expect(Object.keys(before)).not.toContain('login_throttle');
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['regions', 'users', 'evaluations', 'audit_log', 'projects']));
    const text = serialiseBackup(await backupDatabase(source.ctx.db, { source: from, now: new Date('2026-01-01T00:00:00Z') }));
    expect(text).not.toContain('csrf_token');
    const file = parseBackup(text);
    expect(file.excluded).toEqual(['login_throttle', 'sessions']);
    expect(Object.keys(file.tables).indexOf('units')).toBeLessThan(Object.keys(file.tables).indexOf('evaluations'));

    const target = await bare(to); // nothing in it: the restore creates the schema in the same transaction
    open.push(target);
    const counts = await restoreDatabase(target.db, text);
    expect(counts.evaluations).toBe(before.evaluations!.length);
    expect(await appliedMigrations(target.db)).toEqual(file.migrations);
    const after = await snapshot(target.db);
    expect(after).toEqual(before);
    expect((await sql<{ n: number }>`select count(*)::int as n from sessions`.execute(target.db)).rows[0]!.n).toBe(0);
    expect((await repositories(target.db).auditLog.verifyChain()).broken).toEqual([]);

    const ctx = { db: target.db, now: () => new Date() };
    const c = new Client(makeApp(ctx));
    await c.login('tianbao4', DEMO_PASSWORD);
    const created = await c.post('/api/evaluations', { fiscalYear: 2025, kind: 'project', evaluation: { project: { name: '恢复后新建' } } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.id).toBeGreaterThan(Math.max(...before.evaluations!.map((e) => (e as { id: number }).id)));
    expect((await c.get(`/api/evaluations/${created.body.id}/history`)).body).toHaveLength(1);
    expect((await repositories(target.db).auditLog.verifyChain()).broken).toEqual([]); // new entries continue the restored chain

    await expect(restoreDatabase(target.db, text)).rejects.toMatchObject({ code: 'RESTORE_TARGET_NOT_EMPTY' });
  }, 300_000); // the first test of an engine loads the demo region (10–60 s depending on the machine's load)
});

describe.each(['pglite', 'postgres'] as const)('restore on %s is all or nothing', { timeout: 300_000 }, (kind) => {
  it('a failing row rolls everything back: an untouched database stays without tables', async () => {
    const source = await populated('pglite');
    const backup = JSON.parse(JSON.stringify(await backupDatabase(source.ctx.db, { source: 'pglite', now: new Date() }))) as Backup;
    const evaluations = backup.tables.evaluations!;
    evaluations[evaluations.length - 1] = { ...evaluations.at(-1)!, unit_id: 999_999 }; // a foreign key that points nowhere
    const target = await bare(kind);
    try {
      await expect(restoreDatabase(target.db, serialiseBackup(backup))).rejects.toThrow(/foreign key|外键/i);
      expect(await appliedMigrations(target.db)).toEqual([]);
      const tables = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = current_schema()`.execute(target.db);
      expect(tables.rows[0]!.n).toBe(0);
    } finally {
      await target.close();
    }
  });
});

// Whichever test runs first loads the demo region (10–60 s depending on the machine's load).
describe('backup files', { timeout: 300_000 }, () => {
  /** The PGlite demo's backup file, made once for the tests below (each may run alone). */
  let made: Promise<string> | undefined;
  const backupText = () => (made ??= populated('pglite').then(async (t) => serialiseBackup(await backupDatabase(t.ctx.db, { source: 'pglite', now: new Date() }))));

  it('the checksum catches a changed byte; verifyBackup restores into a scratch database and compares counts and hashes', async () => {
    const text = await backupText();
    const report = await verifyBackup(text);
    expect(report.ok).toBe(true);
    expect(report.tables.find((t) => t.name === 'evaluations')!.restoredRows).toBeGreaterThan(0);
    const i = text.indexOf('示范市财政局');
    const changed = `${text.slice(0, i)}示范县${text.slice(i + 3)}`;
    await expect(verifyBackup(changed)).rejects.toMatchObject({ code: 'BACKUP_CHECKSUM_MISMATCH' });
    const target = await createTestDatabase('pglite');
    await expect(restoreDatabase(target.ctx.db, changed)).rejects.toMatchObject({ code: 'BACKUP_CHECKSUM_MISMATCH' });
    expect(await repositories(target.ctx.db).org.isEmpty()).toBe(true);
    await target.close();
    await expect(verifyBackup(text.slice(0, -10))).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
  });

  it('verify catches rows that do not restore to what the file recorded', async () => {
    const b = parseBackup(await backupText());
    b.summary!.evaluations = { rows: b.summary!.evaluations!.rows, sha256: '0'.repeat(64) };
    const report = await verifyBackup(serialiseBackup(b)); // consistent checksum, wrong content hash
    expect(report.ok).toBe(false);
    expect(report.tables.filter((t) => !t.ok).map((t) => t.name)).toEqual(['evaluations']);
  });

  it('a table added by a later migration is backed up after the tables it references, without any list to update', async () => {
    const DDL = `create table zz_annual_tasks (id serial primary key, evaluation_id int not null references evaluations(id), note text not null, note_length int generated always as (length(note)) stored)`;
    const source = await populated('pglite');
    await sql.raw(DDL).execute(source.ctx.db);
    const anEvaluation = (await sql<{ id: number }>`select id from evaluations order by id limit 1`.execute(source.ctx.db)).rows[0]!.id;
    await sql`insert into zz_annual_tasks (evaluation_id, note) values (${anEvaluation}, '年度任务')`.execute(source.ctx.db);
    const b = await backupDatabase(source.ctx.db, { source: 'pglite', now: new Date() });
    await sql`drop table zz_annual_tasks`.execute(source.ctx.db);
    const order = Object.keys(b.tables);
    expect(order.indexOf('zz_annual_tasks')).toBeGreaterThan(order.indexOf('evaluations'));
    expect(b.tables.zz_annual_tasks).toEqual([{ id: 1, evaluation_id: anEvaluation, note: '年度任务', note_length: 4 }]);
    const older = await createTestDatabase('pglite'); // a target without that table
    await expect(restoreDatabase(older.ctx.db, b)).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    await older.close();
    const newer = await createTestDatabase('pglite'); // a target with it: the generated column is recomputed, not inserted
    try {
      await sql.raw(DDL).execute(newer.ctx.db);
      await restoreDatabase(newer.ctx.db, b);
      expect((await sql`select * from zz_annual_tasks`.execute(newer.ctx.db)).rows).toEqual([{ id: 1, evaluation_id: anEvaluation, note: '年度任务', note_length: 4 }]);
    } finally {
      await newer.close();
    }
  });

  it('a format-1 file (before checksums) with sessions still restores; its sessions are skipped', async () => {
    const b = parseBackup(await backupText()) as Partial<Backup> & Backup;
    delete b.checksum;
    delete b.summary;
    b.formatVersion = 1;
    b.tables.sessions = [{ id: 'x', user_id: 1, csrf_token: 'y', created_at: '2026-01-01T00:00:00.000Z', expires_at: '2026-01-02T00:00:00.000Z' }];
    const target = await createTestDatabase('pglite');
    try {
      const counts = await restoreDatabase(target.ctx.db, b);
      expect(counts.sessions).toBeUndefined();
      expect((await sql<{ n: number }>`select count(*)::int as n from sessions`.execute(target.ctx.db)).rows[0]!.n).toBe(0);
      expect((await verifyBackup(JSON.stringify(b))).ok).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('orders tables by their foreign keys and refuses a cycle', () => {
    expect(orderByDependencies(['c', 'b', 'a'], [{ child: 'c', parent: 'b' }, { child: 'b', parent: 'a' }, { child: 'a', parent: 'a' }])).toEqual(['a', 'b', 'c']);
    expect(() => orderByDependencies(['a', 'b'], [{ child: 'a', parent: 'b' }, { child: 'b', parent: 'a' }])).toThrow(/循环/);
  });

  it('rejects foreign files and unknown migrations', async () => {
    const t = await createTestDatabase('pglite');
    try {
      await expect(restoreDatabase(t.ctx.db, { hello: 1 })).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
      await expect(restoreDatabase(t.ctx.db, { format: 'jixiao-backup', formatVersion: 1, migrations: ['29990101-0000-future'], tables: {} })).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
      await expect(restoreDatabase(t.ctx.db, { format: 'jixiao-backup', formatVersion: 1, migrations: [], tables: { secrets: [] } })).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    } finally {
      await t.close();
    }
  });
});
