/**
 * Several server processes on one port (`--workers N` / JIXIAO_WORKERS), for PostgreSQL: node's
 * cluster module, the primary handing connections to the processes in turn. Every piece of shared
 * state lives in the database — sessions, the login back-off and upload counters, samples, the
 * audit-log chain — so any process may answer any request; behind a load balancer, processes on
 * several machines work the same way. The primary migrates and prepares the database once, then
 * starts the processes (PGlite: one process only, a data folder has one owner). Process 1 alone
 * runs the scheduled backups and the hourly sweep. A process that dies is started again (at most
 * once a second); close() (SIGTERM, SIGINT) drains every process and waits for it to exit.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { JxError } from '@jixiao/core';
import { prepareDatabaseOnce, type StartServerOptions } from './start-server.js';
import { formatDemoAccounts } from './seed/load-demo-region.js';

export const WORKER_OPTIONS_ENV = 'JIXIAO_CLUSTER_OPTIONS';
export const WORKER_INDEX_ENV = 'JIXIAO_WORKER_INDEX';

/** Messages a process sends its primary (cluster-worker.ts). */
export type WorkerMessage = { type: 'ready'; url: string } | { type: 'failed'; message: string } | { type: 'log'; line: string };

/**
 * `--workers N` or JIXIAO_WORKERS (1–256); without either: one per core on PostgreSQL, one on PGlite.
 * More than one on PGlite is refused.
 */
export function workersFrom(env: NodeJS.ProcessEnv, argv: readonly string[], databaseUrl: string | undefined): number {
  const i = argv.indexOf('--workers');
  const text = i >= 0 ? argv[i + 1] : env.JIXIAO_WORKERS || undefined;
  if (text === undefined) return databaseUrl ? Math.max(1, availableParallelism()) : 1;
  if (!/^\d{1,3}$/.test(text) || Number(text) < 1 || Number(text) > 256) throw new JxError('USAGE', `--workers（JIXIAO_WORKERS）应为 1–256 的整数，收到“${text ?? ''}”`);
  const n = Number(text);
  if (n > 1 && !databaseUrl) throw new JxError('USAGE', '内嵌数据库（PGlite）只能由一个服务进程使用；多个服务进程须设置 DATABASE_URL 使用 PostgreSQL');
  return n;
}

export interface RunningCluster {
  url: string;
  /** The processes' ids, in start order (restarted ones replace theirs). */
  pids(): number[];
  close(): Promise<void>;
}

/** The worker entry beside this module: cluster-worker.js when built, .ts from the sources (tsx). */
function workerEntry(): string {
  const here = import.meta.url;
  return fileURLToPath(new URL(here.endsWith('.ts') ? './cluster-worker.ts' : './cluster-worker.js', here));
}

/** Options a process can receive as JSON (the log function stays with the primary). */
function serialisable(opts: StartServerOptions): string {
  const { log: _log, ...rest } = opts;
  return JSON.stringify(rest);
}

export async function startCluster(opts: StartServerOptions, workers: number): Promise<RunningCluster> {
  if (!opts.databaseUrl) throw new JxError('USAGE', '多个服务进程须设置 DATABASE_URL 使用 PostgreSQL');
  const log = opts.log ?? ((l: string) => console.log(l));
  const demoAccounts = await prepareDatabaseOnce(opts);
  cluster.setupPrimary({ exec: workerEntry(), silent: false });
  const env = { [WORKER_OPTIONS_ENV]: serialisable(opts) };
  const byIndex = new Map<number, Worker>();
  let closing = false;
  let lastRestart = 0;
  let resolveReady!: (url: string) => void;
  let rejectReady!: (e: Error) => void;
  const ready = new Promise<string>((res, rej) => ((resolveReady = res), (rejectReady = rej)));
  let readyCount = 0;
  const fork = (index: number) => {
    const w = cluster.fork({ ...env, [WORKER_INDEX_ENV]: String(index) });
    byIndex.set(index, w);
    w.on('message', (m: WorkerMessage) => {
      if (m.type === 'log' && index === 1) log(m.line);
      if (m.type === 'failed') rejectReady(new Error(m.message));
      if (m.type === 'ready' && ++readyCount === workers) resolveReady(m.url);
    });
    w.on('exit', (code, signal) => {
      if (closing || byIndex.get(index) !== w) return;
      if (readyCount < workers) return rejectReady(new Error(`服务进程 ${index} 启动失败（退出码 ${code ?? signal}）`));
      log(`[jixiao] 服务进程 ${index}（PID ${w.process.pid}）意外退出（${code ?? signal}），正在重新启动`);
      const wait = Math.max(0, lastRestart + 1000 - Date.now());
      lastRestart = Date.now() + wait;
      setTimeout(() => !closing && fork(index), wait);
    });
  };
  for (let i = 1; i <= workers; i++) fork(i);
  const stopAll = async () => {
    closing = true;
    const exits = [...byIndex.values()].filter((w) => !w.isDead()).map((w) => new Promise<void>((res) => (w.isDead() ? res() : w.once('exit', () => res()))));
    for (const w of byIndex.values()) if (!w.isDead()) w.process.kill('SIGTERM');
    await Promise.all(exits);
  };
  let url: string;
  try {
    url = await ready;
  } catch (e) {
    await stopAll();
    throw e;
  }
  const pids = () => [...byIndex.values()].map((w) => w.process.pid ?? 0);
  log(`服务进程：${workers} 个（PID ${pids().join('、')}），共用 ${url} 和同一个 PostgreSQL`);
  if (demoAccounts.length) log(formatDemoAccounts(demoAccounts));
  return { url, pids, close: stopAll };
}
