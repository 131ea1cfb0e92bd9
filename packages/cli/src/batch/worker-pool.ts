/**
 * Runs batch tasks (one file each) on worker threads, one per core by default. Each worker loads
 * what its tasks need (core, the importer, documents) once and takes the next task as soon as it
 * is free; results come back as they finish and are also returned in task order. With one job,
 * or too few files to pay for starting workers, the tasks run in this thread, one after another.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { JxError } from '@jixiao/core';
import type { BatchResult, BatchTask } from './batch-tasks.js';

/** A worker is started for at most every this many files (starting one costs about as much as a few files). */
export const FILES_PER_WORKER = 4;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** How many workers `jobs` gives for `tasks` files; 1 means: in this thread. */
export function workerCount(jobs: number, tasks: number): number {
  return Math.max(1, Math.min(jobs, Math.ceil(tasks / FILES_PER_WORKER)));
}

type Reply = { id: number; result: BatchResult } | { id: number; fatal: string };

/**
 * The worker's code. From the built package it is batch-worker.js; from the TypeScript sources
 * (tests, tsx) the worker registers tsx first, with the workspace's source condition.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new Worker(new URL('./batch-worker.js', here));
  const entry = new URL('./batch-worker.ts', here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true, execArgv: ['--conditions', 'jixiao-source'] });
}

async function runHere(tasks: readonly BatchTask[], onDone: (i: number, r: BatchResult) => void): Promise<BatchResult[]> {
  const { runTask } = await import('./batch-tasks.js');
  const out: BatchResult[] = [];
  for (let i = 0; i < tasks.length; i++) {
    out[i] = await runTask(tasks[i]!);
    onDone(i, out[i]!);
  }
  return out;
}

/**
 * Tasks a worker holds at once (one running, the rest queued in the worker): it never waits for this
 * thread to hand it the next file — on a busy machine that hand-over waited for this thread to be
 * scheduled, and the workers sat idle about a third of the time (docs/BENCHMARKS.md).
 */
export const TASKS_AHEAD = 4;

export async function runTasks(tasks: readonly BatchTask[], jobs: number, onDone: (i: number, r: BatchResult) => void): Promise<BatchResult[]> {
  const n = workerCount(jobs, tasks.length);
  if (n <= 1) return runHere(tasks, onDone);
  const out: BatchResult[] = new Array(tasks.length);
  const workers: Worker[] = [];
  let next = 0;
  let finished = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker, count: number) => {
        for (let k = 0; k < count && next < tasks.length; k++) {
          const id = next++;
          w.postMessage({ id, task: tasks[id] });
        }
      };
      // Look-ahead only while every worker still gets a fair share of what is left.
      const ahead = Math.max(1, Math.min(TASKS_AHEAD, Math.floor(tasks.length / (n * FILES_PER_WORKER))));
      for (let k = 0; k < n; k++) {
        const w = startWorker();
        workers.push(w);
        w.on('message', (m: Reply) => {
          if ('fatal' in m) return reject(new Error(m.fatal));
          out[m.id] = m.result;
          onDone(m.id, m.result);
          if (++finished === tasks.length) return resolve();
          feed(w, 1);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (finished < tasks.length) reject(new Error(`批处理子线程意外退出（代码 ${code}）`));
        });
        feed(w, ahead);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}

/** Calls `emit` for results in task order as soon as every earlier one is in (stable output under a pool). */
export function inOrder<R>(emit: (i: number, r: R) => void): (i: number, r: R) => void {
  const waiting = new Map<number, R>();
  let next = 0;
  return (i, r) => {
    waiting.set(i, r);
    while (waiting.has(next)) {
      const x = waiting.get(next)!;
      waiting.delete(next);
      emit(next++, x);
    }
  };
}

/** `--jobs N` (1–256); without it, one per core. */
export function parseJobs(text: string | undefined): number {
  if (text === undefined) return defaultJobs();
  if (!/^\d{1,3}$/.test(text) || Number(text) < 1 || Number(text) > 256) throw new JxError('USAGE', `--jobs 应为 1–256 的整数，收到“${text}”`);
  return Number(text);
}
