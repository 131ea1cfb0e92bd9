#!/usr/bin/env node
/**
 * A report .docx with its three charts against the same report without them, alternating in one
 * process (so the machine's load hits both alike), from packages/documents/dist; optionally beside
 * another build of @jixiao/documents (`--before <its dist folder>`, e.g. an older commit built in
 * a scratch folder) rendering the same report with charts, in the same rounds.
 *
 *   npx tsc -b packages/documents && node bench/charts-bench.mjs [--runs 20] [--before /tmp/old/packages/documents/dist]
 *
 * Seed 001 (the largest fixture). Prints medians and min–max in ms, wall clock and this process's
 * CPU (user + system, which includes resvg's thread-pool work). Not a test: no assertions.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, before: { type: 'string' } } });
const core = await import(join(root, 'packages/core/dist/index.js'));
const after = await import(join(root, 'packages/documents/dist/index.js'));
const before = values.before ? await import(join(values.before, 'index.js')) : null;
const ev = core.Evaluation.parse(JSON.parse(readFileSync(join(root, 'examples/seed-001-hunan-2023.json'), 'utf8')));

async function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const bytes = await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, bytes: bytes.byteLength };
}

const cases = [
  ['.docx without charts', () => after.renderReportDocx(ev, { charts: false })],
  ['.docx with 3 charts', () => after.renderReportDocx(ev)],
  ...(before ? [['.docx with 3 charts, --before build', () => before.renderReportDocx(ev)]] : []),
];
for (const [, fn] of cases) for (let i = 0; i < 2; i++) await fn(); // warm-up: first loads, JIT
const results = cases.map(() => []);
for (let r = 0; r < Number(values.runs); r++) for (let i = 0; i < cases.length; i++) results[i].push(await timed(cases[i][1]));

const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (x) => x.toFixed(1);
console.log(`seed-001, ${values.runs} alternating rounds; Node ${process.version}, ${availableParallelism()} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('| what | wall ms median (min–max) | CPU ms median | size kB |');
console.log('|---|---|---|---|');
results.forEach((rs, i) => {
  const w = rs.map((x) => x.wall);
  console.log(`| ${cases[i][0]} | ${f(med(w))} (${f(Math.min(...w))}–${f(Math.max(...w))}) | ${f(med(rs.map((x) => x.cpu)))} | ${(rs[0].bytes / 1024).toFixed(0)} |`);
});
const ratio = (a, b) => med(results[a].map((x, k) => x.wall / results[b][k].wall));
console.log(`with charts ÷ without, per round: median ${ratio(1, 0).toFixed(2)}×${before ? `; --before with charts ÷ this build with charts: median ${ratio(2, 1).toFixed(2)}×` : ''}`);
