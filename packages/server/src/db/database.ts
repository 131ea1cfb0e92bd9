/**
 * Opens the database: embedded PGlite in a data folder by default, PostgreSQL when a
 * `postgres://` URL is given. Both run the same migrations and the same SQL.
 */
import { mkdir } from 'node:fs/promises';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { DB } from './schema.js';
import { PGliteDialect } from './pglite-dialect.js';
import { migrateToLatest } from './migrate.js';
import { describeError, isDatabaseUnavailable } from './database-errors.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Where the data lives: a folder (PGlite, or "memory") or the URL without password. */
  location: string;
  /**
   * Where pages that tolerate a replica's lag read from (the dashboard, the statistics export,
   * the public portal): a read-only PostgreSQL replica when `readDatabaseUrl` was given, else `db`.
   */
  readDb: Kysely<DB>;
  /** The replica's URL without password, when there is one. */
  readLocation: string | null;
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
  /**
   * postgres://… of a read-only replica of `databaseUrl` (streaming replication) for the pages
   * that tolerate its lag; while it cannot be reached those reads go to the primary.
   */
  readDatabaseUrl?: string | undefined;
  /** After the replica could not be reached, how long reads stay on the primary (default REPLICA_RETRY_MS). */
  replicaRetryMs?: number | undefined;
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
async function postgresPool(url: string, max: number, log: (line: string) => void, applicationName = 'jixiao', what = '数据库') {
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
    log(`[jixiao] ${what}连接中断（${where}），将在下一个请求时重新连接：${describeError(err)}`);
  };
  pool.on('error', (err) => report('空闲连接', err));
  pool.on('connect', (client) => client.on('error', (err) => report('使用中的连接', err)));
  return pool;
}

/** How long reads stay on the primary after the replica could not be reached, before it is tried again. */
export const REPLICA_RETRY_MS = 30_000;

/**
 * The replica's pool for Kysely: a connection to the replica, or — when the replica cannot be
 * reached (refused, timed out, shutting down) — one from the primary's pool, and for the next
 * `retryMs` every read goes to the primary without waiting on the replica again. A query that
 * fails on a replica connection because the replica went away (a connection the stop broke) is
 * asked again of the primary, once, outside a transaction: the read pool only reads, so
 * asking twice changes nothing.
 */
function replicaWithFallback(replica: PostgresPool, primary: PostgresPool, log: (line: string) => void, retryMs: number): PostgresPool {
  let primaryUntil = 0;
  const replicaDown = (e: unknown) => {
    const first = Date.now() >= primaryUntil;
    primaryUntil = Date.now() + retryMs;
    if (first) log(`[jixiao] 只读副本无法连接，${Math.round(retryMs / 1000)} 秒内的查询改由主库回答：${describeError(e)}`);
  };
  const onPrimary = async (sqlText: string, parameters: ReadonlyArray<unknown>) => {
    const c = await primary.connect();
    try {
      return await c.query(sqlText, parameters);
    } finally {
      c.release();
    }
  };
  return {
    async connect(): Promise<PostgresPoolClient> {
      if (Date.now() < primaryUntil) return primary.connect();
      let client: PostgresPoolClient;
      try {
        client = await replica.connect();
      } catch (e) {
        if (!isDatabaseUnavailable(e)) throw e;
        replicaDown(e);
        return primary.connect();
      }
      let inTransaction = false;
      return {
        query: (async (sqlText: string, parameters: ReadonlyArray<unknown>) => {
          if (/^\s*(begin|start transaction)\b/i.test(sqlText)) inTransaction = true;
          else if (/^\s*(commit|rollback)\b/i.test(sqlText)) inTransaction = false;
          try {
            return await client.query(sqlText, parameters);
          } catch (e) {
            if (inTransaction || !isDatabaseUnavailable(e)) throw e;
            replicaDown(e);
            return onPrimary(sqlText, parameters);
          }
        }) as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => replica.end(),
  };
}

const withoutPassword = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  let database: Database;
  const log = opts.log ?? ((l: string) => console.error(l));
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const pool = await postgresPool(opts.databaseUrl, opts.poolSize ?? 10, log, opts.applicationName);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const readUrl = opts.readDatabaseUrl;
    const readDb = readUrl
      ? new Kysely<DB>({
          dialect: new PostgresDialect({ pool: replicaWithFallback(await postgresPool(readUrl, opts.poolSize ?? 10, log, opts.applicationName, '只读副本'), pool, log, opts.replicaRetryMs ?? REPLICA_RETRY_MS) }),
        })
      : db;
    database = {
      db,
      kind: 'postgres',
      location: withoutPassword(opts.databaseUrl),
      readDb,
      readLocation: readUrl ? withoutPassword(readUrl) : null,
      close: async () => {
        if (readDb !== db) await readDb.destroy();
        await db.destroy();
      },
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
    database = { db, kind: 'pglite', location: dataDir ?? 'memory://', readDb: db, readLocation: null, close: () => db.destroy() };
  }
  if (opts.migrate !== false) await migrateToLatest(database.db);
  return database;
}
