import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';
import type { SecurityPolicy } from './security-policy.js';
import { repositories, type Repositories } from './repositories/index.js';

/** What every use case receives: the database, a clock, and (in tests) a fault hook. */
export interface AppContext {
  db: Kysely<DB>;
  /**
   * A read-only replica for the pages that tolerate its lag (see `forReading`); absent: `db`.
   * Never for writes, sessions, the to-do or anything checked against a version.
   */
  readDb?: Kysely<DB> | undefined;
  /** Set by `forReading` when `db` is the replica: pages may say how far behind it is. */
  readingReplica?: boolean | undefined;
  now: () => Date;
  /**
   * Test hook: called inside each write transaction just before it commits (for a write made
   * as one statement, just before that statement is sent), with the use case's name. Throwing
   * from it must leave nothing written.
   */
  beforeCommit?: ((useCase: string) => void) | undefined;
  /** Login, password and session policy (default: DEFAULT_SECURITY_POLICY). */
  security?: SecurityPolicy | undefined;
}

/**
 * The context of a page that may read from the replica (the dashboard and its ranking, the
 * statistics export, the public portal): a second or so behind the primary, and read-only.
 */
export function forReading(ctx: AppContext): AppContext {
  return ctx.readDb && ctx.readDb !== ctx.db ? { ...ctx, db: ctx.readDb, readingReplica: true } : ctx;
}

/** Runs `fn` in one transaction: everything it writes commits together or not at all. */
export async function inTransaction<T>(ctx: AppContext, useCase: string, fn: (r: Repositories) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const result = await fn(repositories(trx));
    ctx.beforeCommit?.(useCase);
    return result;
  });
}

/**
 * Runs `fn`, whose writes are one statement (atomic on its own, no BEGIN/COMMIT round trips),
 * after the same fault hook a transaction calls before committing.
 */
export async function inOneStatement<T>(ctx: AppContext, useCase: string, fn: (r: Repositories) => Promise<T>): Promise<T> {
  ctx.beforeCommit?.(useCase);
  return fn(repositories(ctx.db));
}
