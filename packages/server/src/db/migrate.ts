import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { MIGRATIONS } from '../migrations/index.js';

export const MIGRATION_TABLE = 'jx_migrations';

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Runs every pending migration (forward-only). Returns the names it ran. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
