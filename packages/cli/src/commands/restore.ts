/**
 * `jixiao restore <file>`: loads a backup into an empty database (a new data folder or an
 * empty PostgreSQL database) in one transaction. The checksum is checked before anything is
 * opened; on any failure the target is left as it was (a data folder this command created is
 * removed again).
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { JxError } from '@jixiao/core';
import { parseOptions } from '../parse-options.js';
import type { Command } from './command.js';
import { commandInfo } from './index.js';
import { DB_OPTIONS, databaseTarget, loadServerModule } from './serve.js';

/** What the data folder was before: so a failed restore can leave it exactly so. */
async function folderState(dir: string): Promise<'missing' | 'empty' | 'used'> {
  try {
    return (await readdir(dir)).length === 0 ? 'empty' : 'used';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
}

async function putBack(dir: string, state: 'missing' | 'empty' | 'used'): Promise<void> {
  if (state === 'missing') await rm(dir, { recursive: true, force: true });
  else if (state === 'empty') for (const entry of await readdir(dir)) await rm(resolve(dir, entry), { recursive: true, force: true });
}

export const restoreCommand: Command = {
  ...commandInfo('restore'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, DB_OPTIONS);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new JxError('USAGE', '请给出备份文件名，如 jixiao restore jixiao-backup.json');
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, file), 'utf8');
    } catch (e) {
      throw new JxError((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', file);
    }
    const server = await loadServerModule();
    const backup = server.parseBackup(text); // checksum first: a damaged file never touches the target
    const target = databaseTarget(values, io, server.DEFAULT_DATA_DIR);
    let before: 'missing' | 'empty' | 'used' = 'used';
    if ('dataDir' in target) {
      const pid = await server.dataDirInUseBy(target.dataDir);
      if (pid) throw new JxError('USAGE', `数据目录正被运行中的 jixiao 服务（PID ${pid}）使用，请先停止服务`);
      before = await folderState(target.dataDir);
    }
    const database = await server.openDatabase({ ...target, migrate: false });
    let counts: Record<string, number>;
    try {
      counts = await server.restoreDatabase(database.db, backup);
    } catch (e) {
      await database.close();
      if ('dataDir' in target) await putBack(target.dataDir, before);
      throw e;
    }
    await database.close();
    io.stdout.write(`已恢复到 ${database.kind === 'pglite' ? database.location : 'PostgreSQL'}\n`);
    io.stdout.write(`${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join('，')}\n`);
    io.stdout.write('会话未备份：所有人需重新登录。\n');
    return 0;
  },
};
