/**
 * Fresh databases for tests, on both engines:
 * - PGlite: cloned from a dumped, migrated template (cached on disk by migration set);
 * - PostgreSQL: CREATE DATABASE … TEMPLATE jx_template on the server the globalSetup started.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import type { AppContext } from '../src/context.js';

export const DATABASE_KINDS = ['pglite', 'postgres'] as const;
export type TestDatabaseKind = (typeof DATABASE_KINDS)[number];

const migrationKey = createHash('sha1').update(Object.keys(MIGRATIONS).join('\n')).digest('hex').slice(0, 12);

async function pgliteTemplate(): Promise<Blob> {
  const dir = join(tmpdir(), 'jixiao-test-templates');
  const file = join(dir, `pglite-${migrationKey}.tar.gz`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const { Kysely } = await import('kysely');
    const { PGliteDialect } = await import('../src/db/pglite-dialect.js');
    const { migrateToLatest } = await import('../src/db/migrate.js');
    const lite = await PGlite.create();
    const db = new Kysely<any>({ dialect: new PGliteDialect(lite) });
    await migrateToLatest(db);
    const dump = await lite.dumpDataDir('gzip');
    await db.destroy();
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file); // atomic: a concurrent worker sees the whole file or none
  }
  return new Blob([readFileSync(file)]);
}

export function postgresUrl(): string {
  const p = inject('jixiaoPostgres');
  if (!p?.url) throw new Error(p?.error ?? 'PostgreSQL test server was not started (globalSetup missing?)');
  return p.url;
}

const withDb = (url: string, name: string) => url.replace(/\/[^/]*$/, `/${name}`);

async function postgresDatabase(): Promise<string> {
  const url = postgresUrl();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(7311)');
    const exists = await client.query(`select 1 from pg_database where datname = 'jx_template'`);
    if (exists.rowCount === 0) {
      await client.query('create database jx_template');
      const t = await openDatabase({ databaseUrl: withDb(url, 'jx_template'), poolSize: 1 });
      await t.close();
    }
    const name = `jx_test_${randomBytes(6).toString('hex')}`;
    await client.query(`create database ${name} template jx_template`);
    await client.query('select pg_advisory_unlock(7311)');
    return withDb(url, name);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  kind: TestDatabaseKind;
  database: Database;
  ctx: AppContext;
  close(): Promise<void>;
}

/** A fresh, migrated, empty database of the given kind. */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  const database =
    kind === 'pglite'
      ? await openDatabase({ template: await pgliteTemplate() })
      : await openDatabase({ databaseUrl: await postgresDatabase(), poolSize: 8 });
  const ctx: AppContext = { db: database.db, now: () => new Date() };
  return { kind, database, ctx, close: () => database.close() };
}
