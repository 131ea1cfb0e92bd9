/**
 * `jixiao backup --verify`: restores a backup into a scratch database (in-memory PGlite) and
 * compares, table by table, the row counts and content hashes read back with those recorded
 * in the file. The checksum is checked first, so a changed byte is caught before restoring.
 */
import { sql } from 'kysely';
import { openDatabase } from '../db/database.js';
import { dumpTable, hashRows, parseBackup, type Backup } from './backup-database.js';
import { listBackupTables } from './list-tables.js';
import { restoreDatabase } from './restore-database.js';

export interface BackupVerification {
  ok: boolean;
  /** Per table: what the file says and what the scratch database holds after restoring it. */
  tables: { name: string; expectedRows: number; restoredRows: number; expectedSha256: string | null; restoredSha256: string; ok: boolean }[];
}

export async function verifyBackup(text: string): Promise<BackupVerification> {
  const backup: Backup = parseBackup(text);
  const scratch = await openDatabase({ dataDir: 'memory://', migrate: false });
  try {
    await restoreDatabase(scratch.db, backup);
    const { tables } = await listBackupTables(scratch.db);
    const result: BackupVerification['tables'] = [];
    await scratch.db.connection().execute(async (conn) => {
      await sql`set timezone = 'UTC'`.execute(conn);
      for (const t of tables) {
        // A format-1 file has no content hashes: only its row counts can be compared.
        const expected = backup.summary?.[t.name] ?? { rows: (backup.tables[t.name] ?? []).length, sha256: null };
        const restored = await dumpTable(conn, t);
        const restoredSha256 = hashRows(restored);
        result.push({
          name: t.name,
          expectedRows: expected.rows,
          restoredRows: restored.length,
          expectedSha256: expected.sha256,
          restoredSha256,
          ok: expected.rows === restored.length && (expected.sha256 === null || expected.sha256 === restoredSha256),
        });
      }
    });
    return { ok: result.every((r) => r.ok), tables: result };
  } finally {
    await scratch.close();
  }
}
