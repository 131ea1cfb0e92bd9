/** `jixiao backup <file>`: a logical JSON dump of every table (PGlite or PostgreSQL). */
import { writeFile, rename } from 'node:fs/promises';
import { resolve } from 'node:path';
import { JxError } from '@jixiao/core';
import { parseOptions } from '../parse-options.js';
import type { Command } from './command.js';
import { DB_OPTIONS, databaseTarget, loadServerModule } from './serve.js';

export const backupCommand: Command = {
  name: 'backup',
  summary: '备份数据库到一个 JSON 文件',
  usage: ['jixiao backup <file.json> [--data-dir ./.jixiao-data | --database-url postgres://…]'],
  async run(args, io) {
    const { values, positionals } = parseOptions(args, DB_OPTIONS);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new JxError('USAGE', '请给出一个备份文件名，如 jixiao backup jixiao-backup.json');
    const server = await loadServerModule();
    const target = databaseTarget(values, io, server.DEFAULT_DATA_DIR);
    if ('dataDir' in target) {
      const pid = await server.dataDirInUseBy(target.dataDir);
      if (pid) throw new JxError('USAGE', `数据目录正被运行中的 jixiao 服务（PID ${pid}）使用，请先停止服务再备份`);
    }
    const database = await server.openDatabase(target);
    try {
      const backup = await server.backupDatabase(database.db, { source: `${database.kind}:${database.location}`, now: new Date() });
      const out = resolve(io.cwd, file);
      const tmp = `${out}.tmp-${process.pid}`;
      await writeFile(tmp, JSON.stringify(backup));
      await rename(tmp, out);
      const counts = Object.entries(backup.tables).map(([t, rows]) => `${t} ${rows.length}`);
      io.stdout.write(`已备份到 ${out}\n${counts.join('，')}\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
