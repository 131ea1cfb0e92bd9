#!/usr/bin/env node
/**
 * `node packages/server/dist/bin.js` (what `npm start` runs): the server with settings
 * from the environment — PORT (3000), HOST (127.0.0.1), JIXIAO_DATA_DIR (./.jixiao-data),
 * DATABASE_URL (postgres://…, switches to PostgreSQL), JIXIAO_DEMO=0 (no demo region),
 * JIXIAO_SECURE_COOKIES=1 (Secure cookies when HTTPS ends at a proxy in front); without the demo,
 * JIXIAO_ADMIN_PASSWORD (+ JIXIAO_REGION_NAME, JIXIAO_BUREAU_NAME) sets up an empty database.
 */
import { startServer } from './start-server.js';

const env = process.env;
try {
  const running = await startServer({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.JIXIAO_DATA_DIR || undefined,
    port: env.PORT ? Number(env.PORT) : 3000,
    host: env.HOST || '127.0.0.1',
    demo: env.JIXIAO_DEMO !== '0',
    secureCookies: env.JIXIAO_SECURE_COOKIES === '1' ? true : undefined,
    bootstrap: {
      adminPassword: env.JIXIAO_ADMIN_PASSWORD || undefined,
      regionName: env.JIXIAO_REGION_NAME || undefined,
      bureauName: env.JIXIAO_BUREAU_NAME || undefined,
    },
  });
  console.log('按 Ctrl+C 停止。');
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  console.error(`启动失败：${(e as Error).message}`);
  process.exit(1);
}
