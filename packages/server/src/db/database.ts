/**
 * Opens the database: embedded PGlite in a data folder by default, PostgreSQL when a
 * `postgres://` URL is given. Both run the same migrations and the same SQL.
 */
import { mkdir } from 'node:fs/promises';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from './schema.js';
import { PGliteDialect } from './pglite-dialect.js';
import { migrateToLatest } from './migrate.js';
import { describeError } from './database-errors.js';

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
  poolSize?: number | undefined;
  /** PostgreSQL application_name of the connections (default jixiao; one process of a cluster: jixiao/<n>). */
  applicationName?: string | undefined;
  /** Where connection errors are reported (default console.error); they never end the process. */
  log?: ((line: string) => void) | undefined;
}

/**
 * A PostgreSQL pool that survives the database going away: an idle client's error (the pool's
 * 'error' event) and a checked-out client's error are logged, never thrown as an unhandled
 * 'error' event; a broken client is dropped and the next query connects again, so the service
 * comes back by itself when the database does. Connecting gives up after 5 s (a request during
 * an outage gets 503 DATABASE_UNAVAILABLE instead of hanging).
 */
async function postgresPool(url: string, max: number, log: (line: string) => void, applicationName = 'jixiao') {
  const pg = await import('pg');
  const pool = new pg.default.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: applicationName,
  });
  let last = 0;
  const report = (where: string, err: unknown) => {
    const now = Date.now();
    if (now - last < 5000) return; // one line per burst: an outage breaks every connection at once
    last = now;
    log(`[jixiao] 数据库连接中断（${where}），将在下一个请求时重新连接：${describeError(err)}`);
  };
  pool.on('error', (err) => report('空闲连接', err));
  pool.on('connect', (client) => client.on('error', (err) => report('使用中的连接', err)));
  return pool;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  let database: Database;
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const pool = await postgresPool(opts.databaseUrl, opts.poolSize ?? 10, opts.log ?? ((l) => console.error(l)), opts.applicationName);
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
