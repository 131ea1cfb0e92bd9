/** A batch worker thread (see worker-pool.ts): runs the tasks it is sent, one at a time, and answers each. */
import { parentPort } from 'node:worker_threads';
import { runTask, type BatchTask } from './batch-tasks.js';

const port = parentPort;
if (!port) throw new Error('batch-worker.js runs only as a worker thread');
port.on('message', (m: { id: number; task: BatchTask }) => {
  runTask(m.task).then(
    (result) => port.postMessage({ id: m.id, result }),
    (e: unknown) => port.postMessage({ id: m.id, fatal: e instanceof Error ? e.message : String(e) }),
  );
});
