/**
 * Starts jixiao: opens the database (PGlite in a data folder, or PostgreSQL from
 * DATABASE_URL), runs pending migrations, prepares an empty database (the demo region when
 * asked for or on a loopback address; otherwise the administrator from JIXIAO_ADMIN_PASSWORD,
 * who must change it on first login), serves the API and the web app, backs up on a schedule
 * when asked, and on close drains in-flight requests before closing the database.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { JxError } from '@jixiao/core';
import type { AppContext } from './context.js';
import { openDatabase, type Database } from './db/database.js';
import { createApp } from './http/app.js';
import { repositories, type Repositories } from './repositories/index.js';
import { DEFAULT_SECURITY_POLICY, passwordPolicyProblem, type SecurityPolicy } from './security-policy.js';
import { hashPassword, verifyPassword } from './use-cases/hash-password.js';
import { DEMO_PASSWORD, formatDemoAccounts, loadDemoRegion, type DemoAccount } from './seed/load-demo-region.js';
import { scheduleBackups, type BackupSchedule } from './backup/schedule-backups.js';

export const DEFAULT_DATA_DIR = './.jixiao-data';
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));
export const DEFAULT_EXAMPLES_DIR = fileURLToPath(new URL('../../../examples', import.meta.url));

export interface StartServerOptions {
  databaseUrl?: string | undefined;
  /** A read-only replica of `databaseUrl` for the dashboard, statistics export and public portal (DATABASE_READ_URL). */
  readDatabaseUrl?: string | undefined;
  dataDir?: string | undefined;
  port?: number | undefined;
  host?: string | undefined;
  webDir?: string | undefined;
  examplesDir?: string | undefined;
  /** Always mark the session cookie Secure and send HSTS (set when HTTPS ends at a proxy in front). */
  secureCookies?: boolean | undefined;
  /** Client addresses from X-Forwarded-For (only behind your own reverse proxy). */
  trustProxy?: boolean | undefined;
  /**
   * Without the demo: on an empty database, create the region, the finance bureau and the
   * `admin` account with this password (to be changed on first login).
   */
  bootstrap?: { adminPassword?: string | undefined; regionName?: string | undefined; bureauName?: string | undefined } | undefined;
  /**
   * Load the demo region into an empty database. Default: only on a loopback address outside
   * production (`--demo` / JIXIAO_DEMO=1 asks for it anywhere, JIXIAO_DEMO=0 never).
   */
  demo?: boolean | undefined;
  /** NODE_ENV=production: no demo unless asked for, even on a loopback address. */
  production?: boolean | undefined;
  security?: SecurityPolicy | undefined;
  /** Scheduled backups into a folder (JIXIAO_BACKUP_DIR …). */
  backups?: BackupSchedule | undefined;
  /** How long close() waits for in-flight requests (default 30 s). */
  shutdownTimeoutMs?: number | undefined;
  log?: ((line: string) => void) | undefined;
  /**
   * One process of several (start-cluster.ts): the primary has already migrated and prepared the
   * database, so this process neither migrates nor loads the demo or the bootstrap administrator.
   */
  prepared?: boolean | undefined;
  /** Run the scheduled backups and the hourly sweep in this process (default true; one process of a cluster). */
  background?: boolean | undefined;
  /** PostgreSQL pool size of this process (default 10; JIXIAO_POOL_SIZE). */
  poolSize?: number | undefined;
  /** PostgreSQL application_name of this process's connections (default jixiao). */
  applicationName?: string | undefined;
}

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  ctx: AppContext;
  demoAccounts: DemoAccount[];
  /** Stops accepting, lets in-flight requests finish (up to the timeout), closes the database. */
  close(): Promise<void>;
}

const LOCK_FILE = 'jixiao-server.pid';
/** PGlite folders held by servers in this process. */
const HELD = new Set<string>();
/** Accounts the demo loader creates (they share the published demo password). */
const DEMO_USERNAME = /^(admin|caizheng|bumen\d+|tianbao\d+|fuzeren\d+)$/;

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Is a jixiao server (another process) using this PGlite data folder right now? */
export async function dataDirInUseBy(dataDir: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(join(dataDir, LOCK_FILE), 'utf8')).trim());
    if (!Number.isInteger(pid) || pid === process.pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Demo accounts that still sign in with the published demo password (one argon2 check per distinct hash). */
async function exposedDemoAccounts(r: Repositories): Promise<string[]> {
  const exposed: string[] = [];
  const byHash = new Map<string, string[]>();
  for (const u of await r.users.list()) {
    if (!DEMO_USERNAME.test(u.username)) continue;
    const full = await r.users.findByUsername(u.username);
    if (!full || full.disabled) continue;
    byHash.set(full.password_hash, [...(byHash.get(full.password_hash) ?? []), u.username]);
  }
  for (const [hash, names] of byHash) if (await verifyPassword(hash, DEMO_PASSWORD)) exposed.push(...names);
  return exposed;
}

/** The demo, the bootstrap administrator, or a refusal: what an empty or demo database needs before serving. */
async function prepareDatabase(ctx: AppContext, opts: StartServerOptions, demo: boolean, exposedToNetwork: boolean, log: (l: string) => void): Promise<DemoAccount[]> {
  const r = repositories(ctx.db);
  const empty = await r.org.isEmpty();
  if (empty && demo) {
    log('首次启动：正在载入示范地区（财政局、部门、单位、演示账号、示例报告）…');
    return loadDemoRegion(ctx, { examplesDir: opts.examplesDir ?? DEFAULT_EXAMPLES_DIR });
  }
  if (empty) {
    const pw = opts.bootstrap?.adminPassword;
    if (!pw) throw new JxError('ADMIN_PASSWORD_REQUIRED');
    const problem = passwordPolicyProblem(pw, (opts.security ?? DEFAULT_SECURITY_POLICY).password, 'admin');
    if (problem) throw new JxError('PASSWORD_POLICY', `JIXIAO_ADMIN_PASSWORD：${problem}`);
    const regionId = await r.org.createRegion(opts.bootstrap?.regionName ?? '本地区');
    await r.org.createBureau(regionId, opts.bootstrap?.bureauName ?? '财政局');
    await r.users.create({ username: 'admin', displayName: '系统管理员', role: 'admin', passwordHash: await hashPassword(pw), mustChangePassword: true });
    log('已创建地区、财政局和系统管理员 admin（初始密码为 JIXIAO_ADMIN_PASSWORD，首次登录后须修改）。');
    return [];
  }
  if (exposedToNetwork && opts.demo !== true) {
    const exposed = await exposedDemoAccounts(r);
    if (exposed.length) throw new JxError('DEMO_ACCOUNTS_EXPOSED', exposed.join('、'));
  }
  if (demo && (await r.users.findByUsername('caizheng'))) {
    const users = await r.users.list();
    return users.map((u) => ({ username: u.username, password: DEMO_PASSWORD, role: u.role, displayName: u.display_name, scope: '' }));
  }
  return [];
}

/** The banner's address line: what the socket really listens on. */
function describeListening(addr: AddressInfo): string {
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  if (addr.address === '0.0.0.0' || addr.address === '::') return `${host}:${addr.port}，所有网络地址`;
  return `${host}:${addr.port}${isLoopback(addr.address) ? '，仅本机' : ''}`;
}

/** Counts in-flight requests; while draining, answers carry `Connection: close`. */
function requestTracker() {
  let inflight = 0;
  let draining = false;
  return {
    wrap(fetch: (req: Request, env: unknown) => Response | Promise<Response>) {
      return async (req: Request, env: unknown) => {
        inflight++;
        try {
          const res = await fetch(req, env);
          if (draining) {
            try {
              res.headers.set('Connection', 'close');
            } catch {
              // immutable headers (a static file): the socket is closed after the drain anyway
            }
          }
          return res;
        } finally {
          inflight--;
        }
      };
    },
    accepting: () => !draining,
    drain: () => (draining = true),
    get inflight() {
      return inflight;
    },
  };
}

async function releaseDataDir(usePostgres: boolean, dataDir: string) {
  if (usePostgres) return;
  await rm(join(dataDir, LOCK_FILE), { force: true });
  HELD.delete(dataDir);
}

async function listen(fetch: (req: Request, env: unknown) => Response | Promise<Response>, port: number, host: string): Promise<ServerType> {
  try {
    return await new Promise<ServerType>((res, rej) => {
      const s = serve({ fetch, port, hostname: host }, () => res(s));
      s.once('error', rej);
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请用 PORT 换一个端口` : (e as Error).message);
  }
}

/** Whether the demo loads, and whether the address is reachable from other machines. */
function demoAndExposure(opts: StartServerOptions): { demo: boolean; exposed: boolean } {
  const exposed = !isLoopback(opts.host ?? '127.0.0.1');
  return { demo: opts.demo ?? (!exposed && !opts.production), exposed };
}

/**
 * What a cluster's primary does once before starting its processes (PostgreSQL only): migrate,
 * then load the demo or create the bootstrap administrator into an empty database (or refuse, as
 * startServer would). Returns the demo accounts to print.
 */
export async function prepareDatabaseOnce(opts: StartServerOptions): Promise<DemoAccount[]> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, log, poolSize: 2 });
  try {
    const { demo, exposed } = demoAndExposure(opts);
    return await prepareDatabase({ db: database.db, now: () => new Date(), security: opts.security }, opts, demo, exposed, log);
  } finally {
    await database.close();
  }
}

export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const usePostgres = !!opts.databaseUrl;
  const dataDir = resolve(opts.dataDir ?? DEFAULT_DATA_DIR);
  const host = opts.host ?? '127.0.0.1';
  const { demo, exposed } = demoAndExposure(opts);
  if (!usePostgres) {
    const pid = HELD.has(dataDir) ? process.pid : await dataDirInUseBy(dataDir);
    if (pid) throw new Error(`数据目录 ${dataDir} 正被另一个 jixiao 服务（PID ${pid}）使用`);
    HELD.add(dataDir);
  }
  let database: Database | undefined;
  let demoAccounts: DemoAccount[];
  let server: ServerType;
  const tracker = requestTracker();
  const ctx: AppContext = { db: undefined as never, now: () => new Date(), security: opts.security };
  try {
    database = await openDatabase(usePostgres ? { databaseUrl: opts.databaseUrl, readDatabaseUrl: opts.readDatabaseUrl, log, poolSize: opts.poolSize, applicationName: opts.applicationName, migrate: !opts.prepared } : { dataDir });
    ctx.db = database.db;
    ctx.readDb = database.readDb;
    if (!usePostgres) await writeFile(join(dataDir, LOCK_FILE), String(process.pid));
    demoAccounts = opts.prepared ? [] : await prepareDatabase(ctx, opts, demo, exposed, log);
    const webDir = opts.webDir ?? DEFAULT_WEB_DIR;
    const app = createApp({ ctx, webDir: existsSync(join(webDir, 'index.html')) ? webDir : undefined, secureCookies: opts.secureCookies, trustProxy: opts.trustProxy, accepting: tracker.accepting });
    server = await listen(tracker.wrap(app.fetch), opts.port ?? 3000, host);
  } catch (e) {
    await database?.close();
    await releaseDataDir(usePostgres, dataDir);
    throw e;
  }
  const addr = server.address() as AddressInfo;
  const url = `http://${addr.address === '0.0.0.0' || addr.address === '::' ? '127.0.0.1' : addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;
  log(`jixiao 已启动：${url} （监听 ${describeListening(addr)}）`);
  log(`数据库：${database.kind === 'pglite' ? `内嵌 PGlite（${database.location}）` : `PostgreSQL（${database.location}）`}`);
  if (database.readLocation) log(`只读副本：PostgreSQL（${database.readLocation}），仪表盘、统计导出和公开页面从副本读取`);
  log(demo ? '模式：演示（空数据库时载入示范地区）' : '模式：生产（不载入演示数据）');
  if (exposed && !opts.secureCookies) log('注意：正在非本机地址上以 HTTP 提供服务。请在前面放置 HTTPS 反向代理，并设置 JIXIAO_SECURE_COOKIES=1（见 docs/SERVER.md）。');
  if (!existsSync(join(opts.webDir ?? DEFAULT_WEB_DIR, 'index.html'))) log(`（未找到网页应用 ${opts.webDir ?? DEFAULT_WEB_DIR}，只提供 /api）`);
  if (demoAccounts.length) log(formatDemoAccounts(demoAccounts));

  // Expired and idle sessions, and old login counters, are swept hourly.
  const policy = opts.security ?? DEFAULT_SECURITY_POLICY;
  const r = repositories(database.db);
  const background = opts.background !== false;
  const sweep = setInterval(() => {
    if (!background) return;
    const now = new Date();
    void r.sessions.deleteExpired(now, new Date(now.getTime() - policy.session.idleMs)).catch(() => {});
    void r.loginThrottle.sweep(new Date(now.getTime() - policy.login.forgetAfterMs), new Date(now.getTime() - policy.login.knownAddressMs)).catch(() => {});
  }, 60 * 60 * 1000);
  sweep.unref();
  const backups = opts.backups && background ? scheduleBackups(database.db, opts.backups, { source: `${database.kind}:${database.location}`, now: ctx.now, log }) : null;
  if (backups && opts.backups) log(`定时备份：每 ${opts.backups.intervalMs / 3_600_000} 小时一次，保存到 ${opts.backups.dir}，保留最近 ${opts.backups.keep} 份`);

  const db = database;
  return {
    url,
    port: addr.port,
    database: db,
    ctx,
    demoAccounts,
    async close() {
      tracker.drain();
      clearInterval(sweep);
      const closed = new Promise<void>((res) => server.close(() => res()));
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      const deadline = Date.now() + (opts.shutdownTimeoutMs ?? 30_000);
      while (tracker.inflight > 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 25));
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
      await backups?.stop();
      await db.close();
      await releaseDataDir(usePostgres, dataDir);
    },
  };
}
