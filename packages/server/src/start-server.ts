/**
 * Starts jixiao: opens the database (PGlite in a data folder, or PostgreSQL from
 * DATABASE_URL), runs pending migrations, loads the demo region on first start and
 * serves the API and the web app.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { AppContext } from './context.js';
import { openDatabase, type Database } from './db/database.js';
import { createApp } from './http/app.js';
import { repositories } from './repositories/index.js';
import { hashPassword } from './use-cases/hash-password.js';
import { DEMO_PASSWORD, formatDemoAccounts, loadDemoRegion, type DemoAccount } from './seed/load-demo-region.js';

export const DEFAULT_DATA_DIR = './.jixiao-data';
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));
export const DEFAULT_EXAMPLES_DIR = fileURLToPath(new URL('../../../examples', import.meta.url));

export interface StartServerOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  port?: number | undefined;
  host?: string | undefined;
  webDir?: string | undefined;
  examplesDir?: string | undefined;
  /** Always mark the session cookie Secure (set when HTTPS ends at a proxy in front). */
  secureCookies?: boolean | undefined;
  /**
   * Without the demo: on an empty database, create the region, the finance bureau and the
   * `admin` account with this password (the administrator then adds departments, units, users).
   */
  bootstrap?: { adminPassword?: string | undefined; regionName?: string | undefined; bureauName?: string | undefined } | undefined;
  /** Load the demo region when the database is empty (default true). */
  demo?: boolean | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  ctx: AppContext;
  demoAccounts: DemoAccount[];
  close(): Promise<void>;
}

const LOCK_FILE = 'jixiao-server.pid';
/** PGlite folders held by servers in this process. */
const HELD = new Set<string>();

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

export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const usePostgres = !!opts.databaseUrl;
  const dataDir = resolve(opts.dataDir ?? DEFAULT_DATA_DIR);
  if (!usePostgres) {
    const pid = HELD.has(dataDir) ? process.pid : await dataDirInUseBy(dataDir);
    if (pid) throw new Error(`数据目录 ${dataDir} 正被另一个 jixiao 服务（PID ${pid}）使用`);
    HELD.add(dataDir);
  }
  let database: Database;
  try {
    database = await openDatabase(usePostgres ? { databaseUrl: opts.databaseUrl } : { dataDir });
  } catch (e) {
    HELD.delete(dataDir);
    throw e;
  }
  if (!usePostgres) await writeFile(join(dataDir, LOCK_FILE), String(process.pid));
  const ctx: AppContext = { db: database.db, now: () => new Date() };
  const r = repositories(database.db);

  let demoAccounts: DemoAccount[] = [];
  if (opts.demo !== false && (await r.org.isEmpty())) {
    log('首次启动：正在载入示范地区（财政局、部门、单位、演示账号、示例报告）…');
    demoAccounts = await loadDemoRegion(ctx, { examplesDir: opts.examplesDir ?? DEFAULT_EXAMPLES_DIR });
  } else if (opts.demo === false && (await r.org.isEmpty())) {
    const pw = opts.bootstrap?.adminPassword;
    if (!pw || pw.length < 10) {
      log('空数据库且未载入演示数据：请设置 JIXIAO_ADMIN_PASSWORD（至少 10 个字符）后重新启动，以创建系统管理员 admin。');
    } else {
      const regionId = await r.org.createRegion(opts.bootstrap?.regionName ?? '本地区');
      await r.org.createBureau(regionId, opts.bootstrap?.bureauName ?? '财政局');
      await r.users.create({ username: 'admin', displayName: '系统管理员', role: 'admin', passwordHash: await hashPassword(pw) });
      log('已创建地区、财政局和系统管理员 admin（密码为 JIXIAO_ADMIN_PASSWORD）。');
    }
  } else if (opts.demo !== false && (await r.users.findByUsername('caizheng'))) {
    const users = await r.users.list();
    demoAccounts = users.map((u) => ({ username: u.username, password: DEMO_PASSWORD, role: u.role, displayName: u.display_name, scope: '' }));
  }

  const webDir = opts.webDir ?? DEFAULT_WEB_DIR;
  const app = createApp({ ctx, webDir: existsSync(join(webDir, 'index.html')) ? webDir : undefined, secureCookies: opts.secureCookies });
  const host = opts.host ?? '127.0.0.1';
  let server: ServerType;
  try {
    server = await new Promise<ServerType>((res, rej) => {
      const s = serve({ fetch: app.fetch, port: opts.port ?? 3000, hostname: host }, () => res(s));
      s.once('error', rej);
    });
  } catch (e) {
    await database.close();
    if (!usePostgres) {
      await rm(join(dataDir, LOCK_FILE), { force: true });
      HELD.delete(dataDir);
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE' ? `端口 ${opts.port ?? 3000} 已被占用，请用 PORT 换一个端口` : (e as Error).message);
  }
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : (opts.port ?? 3000);
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  log(`jixiao 已启动：${url}`);
  log(`数据库：${database.kind === 'pglite' ? `内嵌 PGlite（${database.location}）` : `PostgreSQL（${database.location}）`}`);
  if (!existsSync(join(webDir, 'index.html'))) log(`（未找到网页应用 ${webDir}，只提供 /api）`);
  if (demoAccounts.length) log(formatDemoAccounts(demoAccounts));

  // Expired sessions are swept hourly.
  const sweep = setInterval(() => void r.sessions.deleteExpired(new Date()).catch(() => {}), 60 * 60 * 1000);
  sweep.unref();

  return {
    url,
    port,
    database,
    ctx,
    demoAccounts,
    async close() {
      clearInterval(sweep);
      await new Promise<void>((res) => server.close(() => res()));
      await database.close();
      if (!usePostgres) {
        await rm(join(dataDir, LOCK_FILE), { force: true });
        HELD.delete(dataDir);
      }
    },
  };
}
