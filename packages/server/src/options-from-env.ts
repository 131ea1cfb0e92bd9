/** The server's settings from the environment (bin.ts and `jixiao serve`); see docs/SERVER.md. */
import { JxError } from '@jixiao/core';
import type { StartServerOptions } from './start-server.js';
import { securityPolicyFromEnv } from './security-policy.js';

/**
 * DATABASE_READ_URL: a read-only PostgreSQL replica of DATABASE_URL for the dashboard, the
 * statistics export and the public portal (docs/SERVER.md, "A read replica").
 */
function readDatabaseUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.DATABASE_READ_URL;
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new JxError('USAGE', `环境变量 DATABASE_READ_URL 应为 postgres:// 开头的只读副本地址，收到“${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}”`);
  if (!env.DATABASE_URL) throw new JxError('USAGE', 'DATABASE_READ_URL（只读副本）须与 DATABASE_URL（主库）一起设置；内嵌数据库（PGlite）没有副本');
  return url;
}

/** Options from the environment; throws (in Chinese) on a malformed value. */
export function optionsFromEnv(env: NodeJS.ProcessEnv, argv: readonly string[] = []): StartServerOptions {
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    if (!/^\d+(\.\d+)?$/.test(v) || Number(v) < min || Number(v) > max) throw new JxError('USAGE', `环境变量 ${name} 应为 ${min}–${max} 的数，收到“${v}”`);
    return Number(v);
  };
  const demoEnv = env.JIXIAO_DEMO;
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    readDatabaseUrl: readDatabaseUrlFrom(env),
    dataDir: env.JIXIAO_DATA_DIR || undefined,
    webDir: env.JIXIAO_WEB_DIR || undefined,
    port: number('PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    demo: argv.includes('--demo') || demoEnv === '1' ? true : demoEnv === '0' ? false : undefined,
    production: env.NODE_ENV === 'production',
    secureCookies: env.JIXIAO_SECURE_COOKIES === '1' ? true : undefined,
    trustProxy: env.JIXIAO_TRUST_PROXY === '1',
    security: securityPolicyFromEnv(env),
    backups: env.JIXIAO_BACKUP_DIR
      ? {
          dir: env.JIXIAO_BACKUP_DIR,
          intervalMs: number('JIXIAO_BACKUP_INTERVAL_HOURS', 24, 0.001, 24 * 365) * 3_600_000,
          keep: number('JIXIAO_BACKUP_KEEP', 14, 1, 10_000),
        }
      : undefined,
    shutdownTimeoutMs: number('JIXIAO_SHUTDOWN_TIMEOUT_SECONDS', 30, 0, 3600) * 1000,
    poolSize: Math.floor(number('JIXIAO_POOL_SIZE', 10, 1, 200)),
    bootstrap: {
      adminPassword: env.JIXIAO_ADMIN_PASSWORD || undefined,
      regionName: env.JIXIAO_REGION_NAME || undefined,
      bureauName: env.JIXIAO_BUREAU_NAME || undefined,
    },
  };
}

