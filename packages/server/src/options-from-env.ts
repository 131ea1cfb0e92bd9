/** The server's settings from the environment (bin.ts and `jixiao serve`); see docs/SERVER.md. */
import { JxError } from '@jixiao/core';
import type { StartServerOptions } from './start-server.js';
import { securityPolicyFromEnv } from './security-policy.js';

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
    dataDir: env.JIXIAO_DATA_DIR || undefined,
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

