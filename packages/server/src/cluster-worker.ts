/**
 * One process of a cluster (start-cluster.ts): starts the server with the primary's options on
 * the shared port, tells the primary its address (or why it could not start), and drains and
 * exits on SIGTERM or when the primary goes away.
 */
import { startServer, type StartServerOptions } from './start-server.js';
import { WORKER_INDEX_ENV, WORKER_OPTIONS_ENV, type WorkerMessage } from './start-cluster.js';

const send = (m: WorkerMessage) => process.send?.(m);

async function main() {
  const opts = JSON.parse(process.env[WORKER_OPTIONS_ENV] ?? '{}') as StartServerOptions;
  const index = Number(process.env[WORKER_INDEX_ENV] ?? '1');
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({ ...opts, prepared: true, background: index === 1, applicationName: `jixiao/${index}`, log: (line) => send({ type: 'log', line }) });
  } catch (e) {
    send({ type: 'failed', message: (e as Error).message });
    process.exit(1);
  }
  send({ type: 'ready', url: running.url });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', () => {}); // Ctrl+C reaches the whole group: the primary decides
  process.on('disconnect', stop);
}

await main();
