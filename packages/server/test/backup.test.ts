/** Backup and restore round trips: PGlite → PGlite, PostgreSQL → PostgreSQL, and across engines. */
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from './databases.js';
import { backupDatabase } from '../src/backup/backup-database.js';
import { restoreDatabase } from '../src/backup/restore-database.js';
import { loadDemoRegion } from '../src/seed/load-demo-region.js';
import { DEFAULT_EXAMPLES_DIR } from '../src/start-server.js';
import { TABLES_IN_DEPENDENCY_ORDER } from '../src/db/schema.js';
import { repositories } from '../src/repositories/index.js';
import { Client, makeApp } from './fixtures.js';
import { DEMO_PASSWORD } from '../src/seed/load-demo-region.js';

async function snapshot(t: TestDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by id`.execute(t.ctx.db);
    out[table] = rows.rows.map((r) => JSON.parse(JSON.stringify({ ...r, id: typeof r.id === 'string' && /^\d+$/.test(r.id) ? Number(r.id) : r.id })));
  }
  return out;
}

const PAIRS: [TestDatabaseKind, TestDatabaseKind][] = [
  ['pglite', 'pglite'],
  ['postgres', 'postgres'],
  ['pglite', 'postgres'],
];

describe.each(PAIRS)('backup on %s, restore on %s', (from, to) => {
  const open: TestDatabase[] = [];
  afterAll(async () => {
    for (const t of open) await t.close();
  });

  it('round trip keeps every evaluation, the whole audit log and every other row', async () => {
    const source = await createTestDatabase(from);
    open.push(source);
    await loadDemoRegion(source.ctx, { examplesDir: DEFAULT_EXAMPLES_DIR });
    const before = await snapshot(source);
    expect(before.evaluations!.length).toBeGreaterThan(0);
    expect(before.audit_log!.length).toBeGreaterThan(before.evaluations!.length);

    const backup = JSON.parse(JSON.stringify(await backupDatabase(source.ctx.db, { source: from, now: new Date('2026-01-01T00:00:00Z') })));
    await source.close();
    open.splice(open.indexOf(source), 1);

    const target = await createTestDatabase(to);
    open.push(target);
    const counts = await restoreDatabase(target.ctx.db, backup);
    expect(counts.evaluations).toBe(before.evaluations!.length);
    const after = await snapshot(target);
    for (const table of TABLES_IN_DEPENDENCY_ORDER) expect(after[table], table).toEqual(before[table]);

    // Every evaluation, field by field, through the repository.
    const repo = repositories(target.ctx.db).evaluations;
    for (const e of before.evaluations as { id: number; version: number; status: string; data: unknown }[]) {
      const r = await repo.findById(e.id);
      expect(r!.data).toEqual(e.data);
      expect(r!.version).toBe(e.version);
      expect(r!.status).toBe(e.status);
    }

    // Sequences moved past the restored ids; passwords and the log still work.
    const c = new Client(makeApp(target.ctx));
    await c.login('tianbao4', DEMO_PASSWORD);
    const created = await c.post('/api/evaluations', { fiscalYear: 2025, kind: 'project', evaluation: { project: { name: '恢复后新建' } } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.id).toBeGreaterThan(Math.max(...before.evaluations!.map((e) => (e as { id: number }).id)));
    expect((await c.get(`/api/evaluations/${created.body.id}/history`)).body).toHaveLength(1);

    // A second restore into the same (now non-empty) database is refused.
    await expect(restoreDatabase(target.ctx.db, backup)).rejects.toMatchObject({ code: 'RESTORE_TARGET_NOT_EMPTY' });
  });
});

describe('restore refuses what is not a jixiao backup', () => {
  it('rejects foreign files and unknown migrations', async () => {
    const t = await createTestDatabase('pglite');
    try {
      await expect(restoreDatabase(t.ctx.db, { hello: 1 })).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
      await expect(
        restoreDatabase(t.ctx.db, { format: 'jixiao-backup', formatVersion: 1, migrations: ['29990101-0000-future'], tables: {} }),
      ).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
      await expect(restoreDatabase(t.ctx.db, { format: 'jixiao-backup', formatVersion: 1, migrations: [], tables: { secrets: [] } })).rejects.toMatchObject({
        code: 'BACKUP_INVALID',
      });
    } finally {
      await t.close();
    }
  });
});
