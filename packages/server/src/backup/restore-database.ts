import { sql, type Kysely } from 'kysely';
import { JxError } from '@jixiao/core';
import { TABLES_IN_DEPENDENCY_ORDER, type DB } from '../db/schema.js';
import { MIGRATIONS } from '../migrations/index.js';
import { BACKUP_FORMAT, type Backup } from './backup-database.js';

/**
 * Restores a logical backup into an empty, migrated database, in one transaction, then
 * moves every id sequence past the restored ids. Refuses a non-empty target.
 */
export async function restoreDatabase(db: Kysely<DB>, backup: unknown): Promise<Record<string, number>> {
  const b = validate(backup);
  return db.transaction().execute(async (trx) => {
    for (const t of TABLES_IN_DEPENDENCY_ORDER) {
      const r = await sql<{ id: unknown }>`select id from ${sql.table(t)} limit 1`.execute(trx);
      if (r.rows.length > 0) throw new JxError('RESTORE_TARGET_NOT_EMPTY', `表 ${t} 已有数据`);
    }
    const counts: Record<string, number> = {};
    for (const t of TABLES_IN_DEPENDENCY_ORDER) {
      const rows = b.tables[t] ?? [];
      counts[t] = rows.length;
      if (rows.length === 0) continue;
      const types = await sql<{ column_name: string; data_type: string }>`
        select column_name, data_type from information_schema.columns
        where table_schema = current_schema() and table_name = ${t}`.execute(trx);
      const known = new Map(types.rows.map((c) => [c.column_name, c.data_type]));
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200).map((row) => {
          const out: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(row)) {
            const type = known.get(k);
            if (!type) throw new JxError('BACKUP_INVALID', `表 ${t} 没有列 ${k}`);
            out[k] = type === 'jsonb' || type === 'json' ? (v === null ? null : JSON.stringify(v)) : v;
          }
          return out;
        });
        await (trx as Kysely<any>).insertInto(t).values(chunk).execute();
      }
      await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 0) + 1, false)`.execute(trx);
    }
    return counts;
  });
}

function validate(x: unknown): Backup {
  const b = x as Backup;
  if (typeof b !== 'object' || b === null || b.format !== BACKUP_FORMAT || typeof b.tables !== 'object' || b.tables === null) {
    throw new JxError('BACKUP_INVALID', '不是 jixiao 备份文件');
  }
  const unknownMigrations = (b.migrations ?? []).filter((m) => !(m in MIGRATIONS));
  if (unknownMigrations.length) {
    throw new JxError('BACKUP_INVALID', `备份来自更新的版本（未知迁移 ${unknownMigrations.join('、')}），请先升级 jixiao`);
  }
  for (const t of Object.keys(b.tables)) {
    if (!(TABLES_IN_DEPENDENCY_ORDER as readonly string[]).includes(t)) throw new JxError('BACKUP_INVALID', `未知的表 ${t}`);
    if (!Array.isArray(b.tables[t])) throw new JxError('BACKUP_INVALID', `表 ${t} 应为列表`);
  }
  return b;
}
