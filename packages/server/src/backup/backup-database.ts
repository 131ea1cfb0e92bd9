/**
 * Logical backup: every table, parents before children, as JSON. Works the same on
 * PGlite and PostgreSQL, so a backup taken on one restores on the other.
 */
import { sql, type Kysely } from 'kysely';
import { TABLES_IN_DEPENDENCY_ORDER, type DB } from '../db/schema.js';
import { MIGRATION_TABLE } from '../db/migrate.js';

export const BACKUP_FORMAT = 'jixiao-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  source: string;
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
}

export async function backupDatabase(db: Kysely<DB>, meta: { source: string; now: Date }): Promise<Backup> {
  // One repeatable-read transaction: every table from the same snapshot.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const migrations = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(trx);
      const tables: Backup['tables'] = {};
      for (const t of TABLES_IN_DEPENDENCY_ORDER) {
        const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)} order by id`.execute(trx);
        tables[t] = rows.rows.map(normaliseRow);
      }
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: meta.now.toISOString(),
        source: meta.source,
        migrations: migrations.rows.map((r) => r.name),
        tables,
      };
    });
}

function normaliseRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Date) out[k] = v.toISOString();
    else if (k === 'id' && typeof v === 'string' && /^\d+$/.test(v)) out[k] = Number(v); // bigserial is a string in pg
    else out[k] = v;
  }
  return out;
}
