/** `jixiao serve`: the web server (embedded PGlite by default, PostgreSQL with DATABASE_URL). */
import { resolve } from 'node:path';
import { JxError } from '@jixiao/core';
import { parseOptions } from '../parse-options.js';
import type { CliIo, Command } from './command.js';

/** What the CLI uses of @jixiao/server (loaded at run time, so other commands never load it). */
export interface ServerModule {
  startServer(opts: {
    databaseUrl?: string | undefined;
    dataDir?: string | undefined;
    port?: number | undefined;
    host?: string | undefined;
    demo?: boolean | undefined;
    bootstrap?: { adminPassword?: string | undefined; regionName?: string | undefined; bureauName?: string | undefined };
    secureCookies?: boolean | undefined;
    log?: (line: string) => void;
  }): Promise<{ url: string; close(): Promise<void> }>;
  openDatabase(opts: { databaseUrl?: string | undefined; dataDir?: string | undefined }): Promise<{
    db: unknown;
    kind: 'pglite' | 'postgres';
    location: string;
    close(): Promise<void>;
  }>;
  backupDatabase(db: unknown, meta: { source: string; now: Date }): Promise<{ tables: Record<string, unknown[]> }>;
  restoreDatabase(db: unknown, backup: unknown): Promise<Record<string, number>>;
  dataDirInUseBy(dataDir: string): Promise<number | null>;
  DEFAULT_DATA_DIR: string;
}

const SERVER_PACKAGE: string = '@jixiao/server';

export async function loadServerModule(): Promise<ServerModule> {
  return (await import(SERVER_PACKAGE)) as ServerModule;
}

/** Where the data lives: --database-url / DATABASE_URL (PostgreSQL) or --data-dir / JIXIAO_DATA_DIR (PGlite). */
export type DatabaseTarget = { databaseUrl: string } | { dataDir: string };

export function databaseTarget(
  values: { 'data-dir'?: string | undefined; 'database-url'?: string | undefined },
  io: CliIo,
  defaultDataDir: string,
): DatabaseTarget {
  const databaseUrl = values['database-url'] ?? io.env.DATABASE_URL ?? undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new JxError('USAGE', 'DATABASE_URL 应以 postgres:// 开头');
  const dataDir = values['data-dir'] ?? io.env.JIXIAO_DATA_DIR ?? defaultDataDir;
  return databaseUrl ? { databaseUrl } : { dataDir: resolve(io.cwd, dataDir) };
}

export const DB_OPTIONS = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const;

export const serveCommand: Command = {
  name: 'serve',
  summary: '启动网页服务（默认内嵌数据库；设置 DATABASE_URL 使用 PostgreSQL）',
  usage: [
    'jixiao serve [--port 3000] [--host 127.0.0.1] [--data-dir ./.jixiao-data] [--database-url postgres://…] [--no-demo]',
    '环境变量：PORT、HOST、JIXIAO_DATA_DIR、DATABASE_URL、JIXIAO_DEMO=0、JIXIAO_ADMIN_PASSWORD、JIXIAO_SECURE_COOKIES=1',
  ],
  async run(args, io) {
    const { values } = parseOptions(args, {
      ...DB_OPTIONS,
      port: { type: 'string' },
      host: { type: 'string' },
      'no-demo': { type: 'boolean', default: false },
    });
    const portText = values.port ?? io.env.PORT ?? '3000';
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new JxError('USAGE', `端口应为 0–65535 的整数，收到“${portText}”`);
    const server = await loadServerModule();
    const target = databaseTarget(values, io, server.DEFAULT_DATA_DIR);
    const running = await server.startServer({
      ...target,
      port: Number(portText),
      host: values.host ?? io.env.HOST ?? '127.0.0.1',
      demo: !values['no-demo'] && io.env.JIXIAO_DEMO !== '0',
      bootstrap: { adminPassword: io.env.JIXIAO_ADMIN_PASSWORD, regionName: io.env.JIXIAO_REGION_NAME, bureauName: io.env.JIXIAO_BUREAU_NAME },
      secureCookies: io.env.JIXIAO_SECURE_COOKIES === '1' ? true : undefined,
      log: (line) => io.stdout.write(`${line}\n`),
    });
    io.stdout.write('按 Ctrl+C 停止。\n');
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.stdout.write('正在停止…\n');
    await running.close();
    return 0;
  },
};
