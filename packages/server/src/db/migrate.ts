import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import { MIGRATIONS } from '../migrations/index.js';

export const MIGRATION_TABLE = 'jx_migrations';

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export interface MigrateOptions {
  /**
   * The caller already opened a transaction on this (single-connection) handle: run the
   * migrations inside it, so they commit or roll back with the caller's own writes.
   */
  inOpenTransaction?: boolean;
  /** Stop after this migration (default: the latest). */
  upTo?: string | undefined;
}

/** Runs every pending migration (forward-only). Returns the names it ran. */
export async function migrateToLatest(db: Kysely<any>, opts: MigrateOptions = {}): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
    ...(opts.inOpenTransaction ? { disableTransactions: true } : {}),
  });
  const { error, results } = opts.upTo ? await migrator.migrateTo(opts.upTo) : await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations this database has run, by name in order ([] for a database jixiao never touched). */
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`select to_regclass(${MIGRATION_TABLE}) as t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}
