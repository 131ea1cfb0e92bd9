/**
 * The audit log as a hash chain, on PGlite and PostgreSQL: concurrent appends form one chain,
 * the migration chains entries written before it, and an edit made the way an attacker with
 * database access would (disabling the append-only trigger as superuser) is caught.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Migrator, sql, type Kysely } from 'kysely';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, makeApp, sampleEvaluation, type Org } from './fixtures.js';
import { repositories } from '../src/repositories/index.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import { MIGRATION_TABLE } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/database.js';

/** As a superuser would: switch the append-only trigger off, run `statement`, switch it back on. */
async function tamper(db: Kysely<any>, statement: string) {
  await sql.raw('alter table audit_log disable trigger audit_log_no_update_delete').execute(db);
  try {
    await sql.raw(statement).execute(db);
  } finally {
    await sql.raw('alter table audit_log enable trigger audit_log_no_update_delete').execute(db);
  }
}

describe.each(DATABASE_KINDS)('audit-log hash chain on %s', (kind) => {
  // A fresh database for every test: none depends on another having run (or not) before it.
  let t: TestDatabase;
  let org: Org;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
  });
  afterEach(async () => {
    await t?.close();
  });

  /** `n` evaluations created through the API, all at once: the login and `n` creations in the log. */
  async function createMany(n: number) {
    const c = new Client(makeApp(t.ctx));
    await c.login('fillerA');
    const created = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        c.post('/api/evaluations', { unitId: org.unitA, fiscalYear: 2024, kind: 'project', evaluation: sampleEvaluation(2024, { project: { name: `并发 ${i}` } }) }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(n).fill(201));
  }

  it('every entry links to the one before it, also when 30 writers append at once', async () => {
    await createMany(30);
    const report = await repositories(t.ctx.db).auditLog.verifyChain(7); // small batches: the walk crosses batch borders
    expect(report.broken).toEqual([]);
    expect(report.entries).toBe(await repositories(t.ctx.db).auditLog.count());
    expect(report.entries).toBeGreaterThanOrEqual(31); // 30 creations + the login
    const rows = await sql<{ id: string | number; prev_hash: string | null; hash: string }>`select id, prev_hash, hash from audit_log order by id`.execute(t.ctx.db);
    expect(rows.rows[0]!.prev_hash).toBeNull();
    for (let i = 1; i < rows.rows.length; i++) expect(rows.rows[i]!.prev_hash).toBe(rows.rows[i - 1]!.hash);
    expect(report.head).toEqual({ id: Number(rows.rows.at(-1)!.id), hash: rows.rows.at(-1)!.hash });
  });

  it('the append-only trigger still refuses UPDATE and DELETE', async () => {
    await createMany(1);
    await expect(sql`update audit_log set actor_name = 'x'`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
  });

  it('catches an edited entry, an edited entry whose hash was recomputed, and a deleted entry', async () => {
    await createMany(15);
    expect((await repositories(t.ctx.db).auditLog.verifyChain()).broken).toEqual([]);
    const ids = (await sql<{ id: string | number }>`select id from audit_log order by id`.execute(t.ctx.db)).rows.map((r) => Number(r.id));
    const [a, b, c] = [ids[3]!, ids[8]!, ids[12]!];
    // An edited entry: its stored hash no longer matches its content.
    await tamper(t.ctx.db, `update audit_log set actor_name = '他人' where id = ${a}`);
    // Recomputing the edited row's own hash (with the database's own function) only moves the break to the next link.
    await tamper(
      t.ctx.db,
      `update audit_log set after = '{"status":"published"}'::jsonb, hash = jx_audit_log_hash(prev_hash, id, entity_type, entity_id, evaluation_id, actor_id, actor_name, action, at, before, '{"status":"published"}'::jsonb) where id = ${b}`,
    );
    await tamper(t.ctx.db, `delete from audit_log where id = ${c}`);
    const report = await repositories(t.ctx.db).auditLog.verifyChain();
    expect(report.broken).toEqual([
      { id: a, problem: 'hash' },
      { id: ids[9]!, problem: 'link' },
      { id: ids[13]!, problem: 'link' },
    ]);
  });
});

describe('the migration chains entries written before it', () => {
  it('an existing log verifies after the upgrade, and new entries continue the chain', async () => {
    const d = await openDatabase({ dataDir: 'memory://', migrate: false });
    try {
      const before = Object.keys(MIGRATIONS).filter((n) => n < '20261129-1200-operations-hardening');
      const migrator = new Migrator({ db: d.db, provider: { getMigrations: async () => MIGRATIONS }, migrationTableName: MIGRATION_TABLE, migrationLockTableName: `${MIGRATION_TABLE}_lock` });
      const first = await migrator.migrateTo(before.at(-1)!);
      expect(first.error).toBeUndefined();
      const db = d.db as Kysely<any>;
      const region = await db.insertInto('regions').values({ name: '旧区' }).returning('id').executeTakeFirstOrThrow();
      for (let i = 0; i < 5; i++) {
        await db.insertInto('audit_log').values({ entity_type: 'department', entity_id: i, actor_name: '系统', action: 'org.department_created', after: JSON.stringify({ i, region: region.id }) }).execute();
      }
      const rest = await migrator.migrateToLatest();
      expect(rest.error).toBeUndefined();
      await db.insertInto('audit_log').values({ entity_type: 'department', entity_id: 9, actor_name: '系统', action: 'org.department_created' }).execute();
      const report = await repositories(d.db).auditLog.verifyChain();
      expect(report.broken).toEqual([]);
      expect(report.entries).toBe(6);
    } finally {
      await d.close();
    }
  });
});
