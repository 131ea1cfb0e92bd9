/**
 * Scheduled backups inside the running server (JIXIAO_BACKUP_DIR, JIXIAO_BACKUP_INTERVAL_HOURS,
 * JIXIAO_BACKUP_KEEP): every interval a backup file `jixiao-backup-<UTC time>.json` (0600) in a
 * 0700 folder, then the oldest beyond `keep` are deleted. A failed run (database down, disk
 * full) is logged and the next interval tries again; the server keeps running.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { describeError } from '../db/database-errors.js';
import { writeBackupFile } from './backup-database.js';

export interface BackupSchedule {
  dir: string;
  intervalMs: number;
  keep: number;
}

export const BACKUP_FILE = /^jixiao-backup-\d{8}T\d{9}Z\.json$/;

export function backupFileName(at: Date): string {
  const iso = at.toISOString(); // 2026-03-01T08:00:00.123Z
  return `jixiao-backup-${iso.slice(0, 10).replace(/-/g, '')}T${iso.slice(11, 19).replace(/:/g, '')}${iso.slice(20, 23)}Z.json`;
}

/** Runs one backup into the folder and prunes it; returns the file written. */
export async function runScheduledBackup(db: Kysely<any>, s: BackupSchedule, meta: { source: string; now: Date }): Promise<string> {
  await mkdir(s.dir, { recursive: true, mode: 0o700 });
  const file = join(s.dir, backupFileName(meta.now));
  await writeBackupFile(db, file, meta);
  const files = (await readdir(s.dir)).filter((f) => BACKUP_FILE.test(f)).sort();
  for (const old of files.slice(0, Math.max(0, files.length - s.keep))) await rm(join(s.dir, old), { force: true });
  return file;
}

export function scheduleBackups(
  db: Kysely<any>,
  s: BackupSchedule,
  opts: { source: string; now: () => Date; log: (line: string) => void },
): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    running = runScheduledBackup(db, s, { source: opts.source, now: opts.now() })
      .then((file) => opts.log(`已自动备份：${file}`))
      .catch((e) => opts.log(`[jixiao] 自动备份失败，将在下一周期重试：${describeError(e)}`))
      .finally(() => {
        running = null;
        if (!stopped) arm();
      });
  };
  const arm = () => {
    timer = setTimeout(tick, s.intervalMs);
    timer.unref();
  };
  arm();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
