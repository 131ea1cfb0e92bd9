#!/usr/bin/env node
/**
 * `node packages/server/dist/bin.js [--demo]` (what `npm start` runs): the server with settings
 * from the environment (docs/SERVER.md, "Operations"):
 * PORT (3000), HOST (127.0.0.1), JIXIAO_DATA_DIR (./.jixiao-data), DATABASE_URL (postgres://…);
 * JIXIAO_DEMO=1 / --demo (load the demo into an empty database anywhere), JIXIAO_DEMO=0 (never);
 * by default the demo loads only on a loopback address outside NODE_ENV=production;
 * JIXIAO_ADMIN_PASSWORD (+ JIXIAO_REGION_NAME, JIXIAO_BUREAU_NAME) sets up an empty database
 * without the demo; JIXIAO_SECURE_COOKIES=1 (HTTPS at a proxy in front: Secure cookies, HSTS);
 * JIXIAO_TRUST_PROXY=1 (client address from X-Forwarded-For); JIXIAO_BACKUP_DIR,
 * JIXIAO_BACKUP_INTERVAL_HOURS (24), JIXIAO_BACKUP_KEEP (14); JIXIAO_SHUTDOWN_TIMEOUT_SECONDS (30);
 * the login and password policy variables of security-policy.ts; JIXIAO_POOL_SIZE (10 connections a
 * process); --workers N / JIXIAO_WORKERS (server processes on one port: default one per core with
 * DATABASE_URL, one on PGlite; start-cluster.ts).
 * SIGTERM / SIGINT: stop accepting, finish in-flight requests, close the database, exit 0.
 */
import { isJxError } from '@jixiao/core';
import { startServer } from './start-server.js';
import { startCluster, workersFrom } from './start-cluster.js';
import { optionsFromEnv } from './options-from-env.js';

async function main() {
  let running: { close(): Promise<void> };
  try {
    const argv = process.argv.slice(2);
    const opts = optionsFromEnv(process.env, argv);
    const workers = workersFrom(process.env, argv, opts.databaseUrl);
    running = workers > 1 ? await startCluster(opts, workers) : await startServer(opts);
  } catch (e) {
    console.error(`启动失败：${(e as Error).message}`);
    process.exit(isJxError(e) ? e.exitCode : 1);
  }
  console.log('按 Ctrl+C 停止。');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.error('再次收到停止信号：立即退出。');
      process.exit(1);
    }
    stopping = true;
    console.log(`收到 ${signal}：不再接受新请求，等待进行中的请求完成…`);
    running.close().then(
      () => {
        console.log('已停止。');
        process.exit(0);
      },
      (e: unknown) => {
        console.error(`停止时出错：${(e as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
