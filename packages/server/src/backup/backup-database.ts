/**
 * Logical backup: every backed-up table (read from the catalog, parents before children) as
 * JSON rows, the same on PGlite and PostgreSQL, so a backup taken on one restores on the
 * other. Rows are dumped with to_jsonb in UTC (timestamps keep their microseconds; JSON
 * columns stay JSON). The file carries row counts, a content hash per table and a checksum
 * over everything else; it is written 0600 (it holds password hashes).
 */
import { createHash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import { JxError } from '@jixiao/core';
import { appliedMigrations } from '../db/migrate.js';
import { listBackupTables, type BackupTable } from './list-tables.js';

export const BACKUP_FORMAT = 'jixiao-backup';
export const BACKUP_FORMAT_VERSION = 2;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  source: string;
  migrations: string[];
  /** Tables never backed up (sessions, CSRF tokens, login counters). */
  excluded?: string[];
  /** Per table: rows and sha256 of the rows (see hashRows), for `jixiao backup --verify`. */
  summary?: Record<string, { rows: number; sha256: string }>;
  /** The last audit-log entry at backup time: an anchor for `jixiao audit-log verify`. */
  auditHead?: { id: number; hash: string } | null;
  tables: Record<string, Record<string, unknown>[]>;
  /** sha256 of the file without this field (serialiseBackup). */
  checksum?: string;
}

/** sha256 over the rows' JSON, one per line, in the order dumped. */
export function hashRows(rows: readonly unknown[]): string {
  const h = createHash('sha256');
  for (const r of rows) h.update(JSON.stringify(r)).update('\n');
  return h.digest('hex');
}

export async function dumpTable(db: Kysely<any>, t: BackupTable): Promise<Record<string, unknown>[]> {
  const order = t.primaryKey.length ? sql.join(t.primaryKey.map((c) => sql.ref(`t.${c}`))) : sql`to_jsonb(t)::text`;
  const rows = await sql<{ r: Record<string, unknown> | string }>`select to_jsonb(t) as r from ${sql.table(t.name)} as t order by ${order}`.execute(db);
  return rows.rows.map((x) => (typeof x.r === 'string' ? (JSON.parse(x.r) as Record<string, unknown>) : x.r));
}

export async function backupDatabase(db: Kysely<any>, meta: { source: string; now: Date }): Promise<Backup> {
  // One repeatable-read transaction: every table from the same snapshot.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set local timezone = 'UTC'`.execute(trx);
      const migrations = await appliedMigrations(trx);
      const { tables: list, excluded } = await listBackupTables(trx);
      const tables: Backup['tables'] = {};
      const summary: NonNullable<Backup['summary']> = {};
      for (const t of list) {
        const rows = await dumpTable(trx, t);
        tables[t.name] = rows;
        summary[t.name] = { rows: rows.length, sha256: hashRows(rows) };
      }
      const last = list.some((t) => t.name === 'audit_log')
        ? (await sql<{ id: number | string; hash: string }>`select id, hash from audit_log order by id desc limit 1`.execute(trx)).rows[0]
        : undefined;
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: meta.now.toISOString(),
        source: meta.source,
        migrations,
        excluded,
        summary,
        auditHead: last ? { id: Number(last.id), hash: last.hash } : null,
        tables,
      };
    });
}

const checksumOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/** The file text: the backup as JSON with `checksum` (of the JSON without it) as the last field. */
export function serialiseBackup(b: Backup): string {
  const { checksum: _, ...body } = b;
  const text = JSON.stringify(body);
  return `${text.slice(0, -1)},"checksum":${JSON.stringify(checksumOf(text))}}`;
}

/** Parses a backup file and checks its checksum (format 1 files, from before checksums, have none). */
export function parseBackup(text: string): Backup {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new JxError('BACKUP_INVALID', '文件不是完整的 JSON（可能被截断或修改）');
  }
  const b = parsed as Backup;
  if (typeof b !== 'object' || b === null || Array.isArray(b) || b.format !== BACKUP_FORMAT) throw new JxError('BACKUP_INVALID', '不是 jixiao 备份文件');
  if (b.formatVersion >= 2 || b.checksum !== undefined) {
    const { checksum, ...body } = b;
    if (typeof checksum !== 'string' || checksum !== checksumOf(JSON.stringify(body))) throw new JxError('BACKUP_CHECKSUM_MISMATCH');
  }
  return b;
}

/** Backs up into `file` atomically (temporary file, fsync, rename), readable by the owner only. */
export async function writeBackupFile(db: Kysely<any>, file: string, meta: { source: string; now: Date }): Promise<Backup> {
  const backup = await backupDatabase(db, meta);
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(serialiseBackup(backup));
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  await rename(tmp, file);
  return backup;
}
