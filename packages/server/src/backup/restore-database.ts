/**
 * Restores a logical backup into an empty database in ONE transaction on one connection: the
 * schema is migrated to the backup's level, every table is filled (parents before children,
 * from the catalog), the remaining migrations run, and every id sequence moves past the
 * restored ids. Any failure rolls everything back: the target is left exactly as it was.
 */
import { sql, type Kysely } from 'kysely';
import { JxError } from '@jixiao/core';
import { appliedMigrations, migrateToLatest } from '../db/migrate.js';
import { MIGRATIONS } from '../migrations/index.js';
import { BACKUP_FORMAT, parseBackup, type Backup } from './backup-database.js';
import { listBackupTables, listSequenceColumns } from './list-tables.js';

/** Rows per INSERT are capped by size (an evaluation is ~35 KB of JSON). */
const CHUNK_BYTES = 2 * 1024 * 1024;

export async function restoreDatabase(db: Kysely<any>, backup: unknown): Promise<Record<string, number>> {
  const b = validate(backup);
  return db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      const counts = await restoreInOpenTransaction(conn, b);
      await sql`commit`.execute(conn);
      return counts;
    } catch (e) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw e;
    }
  });
}

async function restoreInOpenTransaction(conn: Kysely<any>, b: Backup): Promise<Record<string, number>> {
  await sql`set local timezone = 'UTC'`.execute(conn);
  const applied = await appliedMigrations(conn);
  const level = b.migrations.at(-1);
  // Fill the tables at the backup's schema level, so later migrations transform the data as they would have.
  if (level && !applied.includes(level) && applied.every((m) => b.migrations.includes(m))) await migrateToLatest(conn, { inOpenTransaction: true, upTo: level });
  const { tables, excluded } = await listBackupTables(conn);
  const known = new Set(tables.map((t) => t.name));
  // Tables never restored (sessions in a format-1 file) are skipped; anything else unknown is refused.
  for (const name of Object.keys(b.tables)) if (!known.has(name) && !excluded.includes(name)) throw new JxError('BACKUP_INVALID', `未知的表 ${name}`);
  for (const t of tables) {
    const r = await sql`select 1 from ${sql.table(t.name)} limit 1`.execute(conn);
    if (r.rows.length > 0) throw new JxError('RESTORE_TARGET_NOT_EMPTY', `表 ${t.name} 已有数据`);
  }
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const rows = b.tables[t.name] ?? [];
    counts[t.name] = rows.length;
    if (rows.length) await insertRows(conn, t.name, rows);
  }
  await migrateToLatest(conn, { inOpenTransaction: true });
  for (const s of await listSequenceColumns(conn)) {
    await sql`select setval(${s.sequence}::regclass, coalesce((select max(${sql.ref(s.column)}) from ${sql.table(s.table)}), 0) + 1, false)`.execute(conn);
  }
  return counts;
}

async function insertRows(conn: Kysely<any>, table: string, rows: Record<string, unknown>[]): Promise<void> {
  const columnRows = await sql<{ name: string; generated: string }>`
    select column_name as name, is_generated as generated from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(conn);
  const target = new Set(columnRows.rows.map((c) => c.name));
  // Generated (computed) columns are recomputed by the database, never inserted.
  const computed = new Set(columnRows.rows.filter((c) => c.generated === 'ALWAYS').map((c) => c.name));
  const present = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row)) if (!computed.has(k)) present.add(k);
  for (const k of present) if (!target.has(k)) throw new JxError('BACKUP_INVALID', `表 ${table} 没有列 ${k}`);
  const cols = sql.join([...present].map((c) => sql.ref(c)));
  let chunk: Record<string, unknown>[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!chunk.length) return;
    await sql`insert into ${sql.table(table)} (${cols}) overriding system value
      select ${cols} from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(chunk)}::jsonb)`.execute(conn);
    chunk = [];
    bytes = 0;
  };
  for (const row of rows) {
    const size = JSON.stringify(row).length;
    if (bytes + size > CHUNK_BYTES) await flush();
    chunk.push(row);
    bytes += size;
  }
  await flush();
}

/** A parsed backup (checksum checked), or the file's text. */
function validate(x: unknown): Backup {
  const b = (typeof x === 'string' ? parseBackup(x) : x) as Backup;
  if (typeof b !== 'object' || b === null || b.format !== BACKUP_FORMAT || typeof b.tables !== 'object' || b.tables === null) {
    throw new JxError('BACKUP_INVALID', '不是 jixiao 备份文件');
  }
  if (!Array.isArray(b.migrations)) throw new JxError('BACKUP_INVALID', '缺少 migrations');
  const unknownMigrations = b.migrations.filter((m) => !(m in MIGRATIONS));
  if (unknownMigrations.length) {
    throw new JxError('BACKUP_INVALID', `备份来自更新的版本（未知迁移 ${unknownMigrations.join('、')}），请先升级 jixiao`);
  }
  for (const [t, rows] of Object.entries(b.tables)) {
    if (!Array.isArray(rows) || rows.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) throw new JxError('BACKUP_INVALID', `表 ${t} 应为行的列表`);
  }
  return b;
}
