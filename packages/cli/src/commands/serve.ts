/** `jixiao serve`: the web server (embedded PGlite by default, PostgreSQL with DATABASE_URL). */
import { resolve } from 'node:path';
import { JxError } from '@jixiao/core';
import { parseOptions } from '../parse-options.js';
import type { CliIo, Command } from './command.js';
import { commandInfo } from './index.js';

/** What the CLI uses of @jixiao/server (loaded at run time, so other commands never load it). */
export interface ServerModule {
  startServer(opts: Record<string, unknown> & { log?: (line: string) => void }): Promise<{ url: string; close(): Promise<void> }>;
  /** Several server processes on one port (PostgreSQL only). */
  startCluster(opts: Record<string, unknown> & { log?: (line: string) => void }, workers: number): Promise<{ url: string; close(): Promise<void> }>;
  /** --workers / JIXIAO_WORKERS, defaulting to one per core on PostgreSQL and one on PGlite. */
  workersFrom(env: NodeJS.ProcessEnv, argv: readonly string[], databaseUrl: string | undefined): number;
  /** PORT, HOST, JIXIAO_* and NODE_ENV as server options (docs/SERVER.md). */
  optionsFromEnv(env: NodeJS.ProcessEnv, argv?: readonly string[]): Record<string, unknown>;
  openDatabase(opts: { databaseUrl?: string | undefined; dataDir?: string | undefined; migrate?: boolean }): Promise<{
    db: unknown;
    kind: 'pglite' | 'postgres';
    location: string;
    close(): Promise<void>;
  }>;
  writeBackupFile(db: unknown, file: string, meta: { source: string; now: Date }): Promise<{ tables: Record<string, unknown[]>; excluded?: string[] }>;
  parseBackup(text: string): unknown;
  restoreDatabase(db: unknown, backup: unknown): Promise<Record<string, number>>;
  verifyBackup(text: string): Promise<{
    ok: boolean;
    tables: { name: string; expectedRows: number; restoredRows: number; expectedSha256: string | null; restoredSha256: string; ok: boolean }[];
  }>;
  verifyAuditLog(
    db: unknown,
    anchor?: { id: number; hash: string },
  ): Promise<{ entries: number; head: { id: number; hash: string } | null; broken: { id: number; problem: 'hash' | 'link' | 'anchor' }[] }>;
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
  ...commandInfo('serve'),
  async run(args, io) {
    const { values } = parseOptions(args, {
      ...DB_OPTIONS,
      port: { type: 'string' },
      host: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'no-demo': { type: 'boolean', default: false },
      workers: { type: 'string' },
    });
    const portText = values.port ?? io.env.PORT ?? '3000';
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new JxError('USAGE', `端口应为 0–65535 的整数，收到“${portText}”`);
    if (values.demo && values['no-demo']) throw new JxError('USAGE', '--demo 与 --no-demo 只能选一个');
    const server = await loadServerModule();
    const target = databaseTarget(values, io, server.DEFAULT_DATA_DIR);
    // DATABASE_URL as the target says (--database-url counts): DATABASE_READ_URL needs one.
    const fromEnv = server.optionsFromEnv({ ...io.env, PORT: portText, DATABASE_URL: 'databaseUrl' in target ? target.databaseUrl : '' });
    const workers = server.workersFrom(io.env, values.workers === undefined ? [] : ['--workers', values.workers], 'databaseUrl' in target ? target.databaseUrl : undefined);
    const start = (o: Parameters<ServerModule['startServer']>[0]) => (workers > 1 ? server.startCluster(o, workers) : server.startServer(o));
    const running = await start({
      ...fromEnv,
      databaseUrl: undefined,
      dataDir: undefined,
      ...target,
      port: Number(portText),
      host: values.host ?? io.env.HOST ?? '127.0.0.1',
      ...(values.demo ? { demo: true } : values['no-demo'] ? { demo: false } : {}),
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
    io.stdout.write('正在停止：等待进行中的请求完成…\n');
    await running.close();
    return 0;
  },
};
