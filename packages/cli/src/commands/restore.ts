/** `jixiao restore <file>`: loads a backup into an empty database (a new data folder or an empty PostgreSQL database). */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { JxError } from '@jixiao/core';
import { parseOptions } from '../parse-options.js';
import type { Command } from './command.js';
import { DB_OPTIONS, databaseTarget, loadServerModule } from './serve.js';

export const restoreCommand: Command = {
  name: 'restore',
  summary: '从备份文件恢复到空数据库',
  usage: ['jixiao restore <file.json> [--data-dir ./新数据目录 | --database-url postgres://…]'],
  async run(args, io) {
    const { values, positionals } = parseOptions(args, DB_OPTIONS);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new JxError('USAGE', '请给出备份文件名，如 jixiao restore jixiao-backup.json');
    let backup: unknown;
    try {
      backup = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'BACKUP_INVALID';
      throw new JxError(code, file);
    }
    const server = await loadServerModule();
    const target = databaseTarget(values, io, server.DEFAULT_DATA_DIR);
    if ('dataDir' in target) {
      const pid = await server.dataDirInUseBy(target.dataDir);
      if (pid) throw new JxError('USAGE', `数据目录正被运行中的 jixiao 服务（PID ${pid}）使用，请先停止服务`);
    }
    const database = await server.openDatabase(target);
    try {
      const counts = await server.restoreDatabase(database.db, backup);
      io.stdout.write(`已恢复到 ${database.kind === 'pglite' ? database.location : 'PostgreSQL'}\n`);
      io.stdout.write(`${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join('，')}\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
