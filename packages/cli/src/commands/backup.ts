/**
 * `jixiao backup <file>`: a logical JSON backup of every table (PGlite or PostgreSQL) except
 * sessions and login counters, with row counts, content hashes and a checksum, written 0600.
 * `jixiao backup --verify <file>`: checks the checksum, restores the file into a scratch
 * database and compares every table's row count and content hash with the file.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { JxError } from '@jixiao/core';
import { parseOptions } from '../parse-options.js';
import type { CliIo, Command } from './command.js';
import { commandInfo } from './index.js';
import { DB_OPTIONS, databaseTarget, loadServerModule } from './serve.js';

export const backupCommand: Command = {
  ...commandInfo('backup'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { ...DB_OPTIONS, verify: { type: 'boolean', default: false } });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new JxError('USAGE', '请给出一个备份文件名，如 jixiao backup jixiao-backup.json');
    if (values.verify) return verify(resolve(io.cwd, file), io);
    const server = await loadServerModule();
    const target = databaseTarget(values, io, server.DEFAULT_DATA_DIR);
    if ('dataDir' in target) {
      const pid = await server.dataDirInUseBy(target.dataDir);
      if (pid) throw new JxError('USAGE', `数据目录正被运行中的 jixiao 服务（PID ${pid}）使用：请先停止服务，或在服务中设置 JIXIAO_BACKUP_DIR 定时备份`);
    }
    const database = await server.openDatabase(target);
    try {
      const out = resolve(io.cwd, file);
      const backup = await server.writeBackupFile(database.db, out, { source: `${database.kind}:${database.location}`, now: new Date() });
      const counts = Object.entries(backup.tables).map(([t, rows]) => `${t} ${rows.length}`);
      io.stdout.write(`已备份到 ${out}（仅所有者可读）\n${counts.join('，')}\n`);
      if (backup.excluded?.length) io.stdout.write(`未备份（会话与登录计数，恢复后需重新登录）：${backup.excluded.join('、')}\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};

async function verify(file: string, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new JxError((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', file);
  }
  const server = await loadServerModule();
  const report = await server.verifyBackup(text);
  for (const t of report.tables) {
    const hash = t.expectedSha256 === null ? '（旧格式，无内容哈希）' : t.ok ? `sha256 ${t.restoredSha256.slice(0, 12)}…` : `内容哈希 ${t.restoredSha256.slice(0, 12)}… ≠ 备份 ${t.expectedSha256.slice(0, 12)}…`;
    io.stdout.write(`${t.ok ? '✓' : '✗'} ${t.name}：${t.restoredRows} 行${t.restoredRows !== t.expectedRows ? `（备份中 ${t.expectedRows} 行）` : ''}，${hash}\n`);
  }
  if (!report.ok) throw new JxError('BACKUP_VERIFY_FAILED', report.tables.filter((t) => !t.ok).map((t) => t.name).join('、'));
  io.stdout.write(`备份完好：校验和正确，${report.tables.length} 张表恢复后与备份一致。\n`);
  return 0;
}
