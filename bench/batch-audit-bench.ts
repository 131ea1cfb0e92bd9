/**
 * `jixiao audit <folder>` on N reports with 1, 2 … worker threads, against the built CLI
 * (`packages/cli/bin/jixiao.js`, as a user runs it), beside a floor: one Node process that
 * reads every file of the same folder and scans it with a regular expression for numbers.
 *
 *   npx tsc -b packages/cli && node bench/batch-audit-bench.ts [--reports 20000] [--jobs 1,2] [--runs 3]
 *   (Node ≥ 22.6 runs .ts directly; on Node 20: node --import tsx bench/batch-audit-bench.ts …)
 *
 * The folder holds round-robin copies of the published text reports in ../shared/reference
 * (seeds and corpus) when that folder is beside the repository, otherwise of the repository's
 * examples/*.json models (the output says which). Runs alternate (jobs 1, jobs 2 …, floor) so
 * drift in the machine's speed hits each alike; figures are medians. Not a test: no assertions.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '20000' },
    jobs: { type: 'string', default: `1,2${availableParallelism() > 2 ? `,${availableParallelism()}` : ''}` },
    runs: { type: 'string', default: '3' },
  },
});
const N = Number(values.reports);
const JOBS = values.jobs.split(',').map(Number);
const RUNS = Number(values.runs);
const SHARED = process.env.JIXIAO_SHARED_DIR ?? join(ROOT, '..', 'shared');

function sources(): { files: string[]; what: string } {
  const dirs = [join(SHARED, 'reference/seeds'), join(SHARED, 'reference/corpus')];
  const texts = dirs.flatMap((d) => {
    try {
      return readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f));
    } catch {
      return [];
    }
  });
  if (texts.length) return { files: texts.sort(), what: `${texts.length} published text reports (../shared/reference seeds and corpus)` };
  const ex = (readdirSync(join(ROOT, 'examples'), { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).map((f) => join(ROOT, 'examples', f));
  return { files: ex.sort(), what: `${ex.length} model files of examples/ (../shared is not beside the repository)` };
}

const FLOOR = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const dir = process.argv[1];
let n = 0;
for (const f of readdirSync(dir, { recursive: true })) {
  if (!/\\.(txt|json)$/.test(f)) continue;
  const text = readFileSync(join(dir, f), 'utf8');
  for (const line of text.split('\\n')) n += (line.match(/-?\\d+(?:\\.\\d+)?%?/g) ?? []).length;
}
console.log(n);`;

function timed(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} → ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const src = sources();
const dir = mkdtempSync(join(tmpdir(), 'jx-batch-audit-'));
try {
  // 1,000 files a folder, as a province's year might be filed.
  for (let i = 0; i < N; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub);
    const from = src.files[i % src.files.length]!;
    copyFileSync(from, join(sub, `${String(i).padStart(6, '0')}-${basename(from)}`));
  }
  const cli = join(ROOT, 'packages/cli/bin/jixiao.js');
  const times = new Map<string, number[]>();
  const add = (k: string, ms: number) => times.set(k, [...(times.get(k) ?? []), ms]);
  for (let r = 0; r < RUNS; r++) {
    for (const j of JOBS) add(`jobs ${j}`, timed(process.execPath, [cli, 'audit', dir, '--json', '--fail-on', 'none', '--jobs', String(j)]));
    add('floor', timed(process.execPath, ['-e', FLOOR, dir]));
    process.stderr.write(`… run ${r + 1}/${RUNS}\n`);
  }
  const one = median(times.get(`jobs ${JOBS[0]}`)!);
  const floor = median(times.get('floor')!);
  console.log(`\njixiao audit <folder> --json on ${N} reports (${src.what}); ${availableParallelism()} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}, Node ${process.version}; medians of ${RUNS}`);
  console.log('| command | wall s (median) | min–max | reports/s | speed-up vs first | × the floor |');
  console.log('|---|---|---|---|---|---|');
  for (const [k, xs] of times) {
    const m = median(xs);
    console.log(`| ${k === 'floor' ? 'floor: read + regex, one process' : `jixiao audit --jobs ${k.slice(5)}`} | ${(m / 1000).toFixed(1)} | ${(Math.min(...xs) / 1000).toFixed(1)}–${(Math.max(...xs) / 1000).toFixed(1)} | ${((N / m) * 1000).toFixed(0)} | ${(one / m).toFixed(2)} | ${(m / floor).toFixed(1)} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
