/**
 * A local server for working on the web app: the real @jixiao/server with the demo region,
 * serving packages/web/dist. Run: npx tsx --conditions=jixiao-source packages/web/scripts/dev-server.mts
 * (JIXIAO_DATA, JIXIAO_PORT to override). `npx vite packages/web` proxies /api to it.
 */
import { fileURLToPath } from 'node:url';
import { startServer } from '@jixiao/server';

const s = await startServer({
  dataDir: process.env.JIXIAO_DATA ?? '/tmp/jixiao-web-dev',
  port: Number(process.env.JIXIAO_PORT ?? 8080),
  webDir: fileURLToPath(new URL('../dist', import.meta.url)),
});
console.log('READY', s.url);

const stop = () => void s.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
