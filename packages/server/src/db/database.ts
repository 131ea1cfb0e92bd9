/**
 * Opens the database: embedded PGlite in a data folder by default, PostgreSQL when a
 * `postgres://` URL is given. Both run the same migrations and the same SQL.
 */
import { mkdir } from 'node:fs/promises';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from './schema.js';
import { PGliteDialect } from './pglite-dialect.js';
import { migrateToLatest } from './migrate.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Where the data lives: a folder (PGlite, or "memory") or the URL without password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… switches to PostgreSQL. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; "memory://" or undefined with `template` for in-memory. */
  dataDir?: string | undefined;
  /** A dumped PGlite data folder (tar) to start from (fast test databases). */
  template?: Blob | undefined;
  /** Run pending migrations (default true). */
  migrate?: boolean;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  let database: Database;
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const pg = await import('pg');
    const Pool = pg.default.Pool;
    const pool = new Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    database = {
      db,
      kind: 'postgres',
      location: opts.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      close: () => db.destroy(),
    };
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const dataDir = opts.dataDir && opts.dataDir !== 'memory://' ? opts.dataDir : undefined;
    if (dataDir) await mkdir(dataDir, { recursive: true });
    const pg = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(opts.template ? { loadDataDir: opts.template } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pg) });
    database = { db, kind: 'pglite', location: dataDir ?? 'memory://', close: () => db.destroy() };
  }
  if (opts.migrate !== false) await migrateToLatest(database.db);
  return database;
}
