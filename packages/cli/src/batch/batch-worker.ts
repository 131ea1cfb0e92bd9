/**
 * A batch worker thread (see worker-pool.ts): runs the tasks it is sent one at a time, in the order
 * they came (the pool sends a few ahead, so the next is here when one ends), and answers each.
 */
import { parentPort } from 'node:worker_threads';
import { runTask, type BatchTask } from './batch-tasks.js';

const port = parentPort;
if (!port) throw new Error('batch-worker.js runs only as a worker thread');
const queue: { id: number; task: BatchTask }[] = [];
let running = false;

async function drain(): Promise<void> {
  running = true;
  for (let m = queue.shift(); m; m = queue.shift()) {
    try {
      port!.postMessage({ id: m.id, result: await runTask(m.task) });
    } catch (e) {
      port!.postMessage({ id: m.id, fatal: e instanceof Error ? e.message : String(e) });
    }
  }
  running = false;
}

port.on('message', (m: { id: number; task: BatchTask }) => {
  queue.push(m);
  if (!running) void drain();
});
