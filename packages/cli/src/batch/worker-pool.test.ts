import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, examplesDir, exampleJsonFiles, repoRoot, tempDir } from '../../test/helpers.js';
import { inOrder, parseJobs, runTasks, TASKS_AHEAD, workerCount } from './worker-pool.js';
import type { BatchResult } from './batch-tasks.js';

describe('the batch worker pool', () => {
  it('emits results in task order whatever order they finish in', () => {
    const seen: number[] = [];
    const push = inOrder((i: number, r: string) => seen.push(Number(r)));
    push(2, '2');
    push(0, '0');
    expect(seen).toEqual([0]);
    push(3, '3');
    push(1, '1');
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('starts a worker for every few files, never more than the jobs asked for, and none for a handful', () => {
    expect(workerCount(8, 3)).toBe(1);
    expect(workerCount(2, 1000)).toBe(2);
    expect(workerCount(16, 20)).toBe(5);
    expect(parseJobs('3')).toBe(3);
    expect(parseJobs(undefined)).toBeGreaterThanOrEqual(1);
    for (const bad of ['0', '-1', 'x', '1.5', '999']) expect(() => parseJobs(bad)).toThrow(/--jobs/);
  });

  it('runs tasks on worker threads: every result back, in task order, user errors as results', async () => {
    const files = exampleJsonFiles().map((f) => join(examplesDir, f));
    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, '{ not json');
    const tasks = [...files, bad].map((file) => ({ kind: 'audit' as const, file }));
    const done: number[] = [];
    const results = await runTasks(tasks, 3, (i) => done.push(i));
    expect(done.sort((a, b) => a - b)).toEqual(tasks.map((_, i) => i));
    expect(results).toHaveLength(tasks.length);
    const ok = results.filter((r): r is Extract<BatchResult, { ok: true; kind: 'audit' }> => r.ok && r.kind === 'audit');
    expect(ok.map((r) => JSON.parse(r.json).file)).toEqual(files);
    expect(results.at(-1)).toMatchObject({ ok: false, error: { json: { code: 'JSON_SYNTAX' } } });
  });

  it('with tasks queued ahead in each worker, every task runs once and the results match one thread', async () => {
    const files = exampleJsonFiles().map((f) => join(examplesDir, f));
    const tasks = Array.from({ length: 2 * 4 * TASKS_AHEAD + 3 }, (_, i) => ({ kind: 'audit' as const, file: files[i % files.length]! }));
    const done: number[] = [];
    const pooled = await runTasks(tasks, 2, (i) => done.push(i));
    expect(done.sort((a, b) => a - b)).toEqual(tasks.map((_, i) => i));
    expect(pooled).toEqual(await runTasks(tasks, 1, () => {}));
  });
});

describe('jixiao audit and export on several workers', () => {
  it('--jobs 3 prints exactly what --jobs 1 prints (table and JSON Lines)', async () => {
    for (const extra of [[], ['--json']]) {
      const one = await cli(['audit', examplesDir, '--fail-on', 'none', '--jobs', '1', ...extra]);
      const three = await cli(['audit', examplesDir, '--fail-on', 'none', '--jobs', '3', ...extra]);
      expect(three.code).toBe(one.code);
      expect(three.stdout).toBe(one.stdout);
    }
  });

  it('--jobs 2 exports every file under the same names, notes in input order', async () => {
    const one = join(tempDir(), 'one');
    const two = join(tempDir(), 'two');
    const a = await cli(['export', 'examples/projects', '--format', 'xlsx', '-o', one, '--jobs', '1'], repoRoot);
    const b = await cli(['export', 'examples/projects', '--format', 'xlsx', '-o', two, '--jobs', '2'], repoRoot);
    expect(b.code).toBe(0);
    expect(b.stderr.replaceAll(two, one)).toBe(a.stderr);
    expect(readdirSync(two).sort()).toEqual(readdirSync(one).sort());
  });
});
