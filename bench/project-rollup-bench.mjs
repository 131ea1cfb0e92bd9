#!/usr/bin/env node
/**
 * Core: a department's project roll-up with 85 children (seed 004's unit has 85 projects).
 *
 *   npx tsc -b packages/core && node bench/project-rollup-bench.mjs [--children 85] [--iterations 200] [--warmup 50] [--rounds 3]
 *
 * Builds nothing itself: loads packages/core/dist. The children are the project and
 * transfer examples (examples/projects and examples/department-with-projects/projects),
 * repeated with numbered names until there are --children of them; the department is
 * examples/department-with-projects/department.json. Times, per call after a warm-up:
 * `computeProjectRollup(children)` (scores every child by its profile) and
 * `auditEvaluation(department, { children })` (the department's audit plus the roll-up
 * check), alternating within each round. Prints mean, p50, p99 in ms (median over rounds).
 * Not a test: no assertions.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { parseEvaluation, computeProjectRollup, auditEvaluation } = await import(join(root, 'packages/core/dist/index.js'));
const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '85' },
    iterations: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
  },
});
const N = Number(values.children);
const ITER = Number(values.iterations);

const load = (p) => {
  const r = parseEvaluation(JSON.parse(readFileSync(join(root, 'examples', p), 'utf8')));
  if (!r.ok) throw new Error(`${p}: does not parse`);
  return r.value;
};
const dirs = ['projects', 'department-with-projects/projects'];
const templates = dirs.flatMap((d) => readdirSync(join(root, 'examples', d)).filter((f) => f.endsWith('.json')).sort().map((f) => load(`${d}/${f}`)));
const children = Array.from({ length: N }, (_, i) => {
  const t = templates[i % templates.length];
  return { ...t, project: { ...t.project, name: `${t.project.name}（${i + 1}）` } };
});
const department = { ...load('department-with-projects/department.json'), funds: { ...load('department-with-projects/department.json').funds, projectCount: N, projectLines: [] } };

const now = () => process.hrtime.bigint();
const ms = (ns) => Number(ns) / 1e6;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { mean: s.reduce((a, b) => a + b, 0) / s.length, p50: s[Math.floor(0.5 * s.length)], p99: s[Math.min(s.length - 1, Math.floor(0.99 * s.length))] };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function round(iterations) {
  const out = { rollup: [], audit: [] };
  for (let i = 0; i < iterations; i++) {
    let t = now();
    computeProjectRollup(children, { projectCount: N });
    out.rollup.push(ms(now() - t));
    t = now();
    auditEvaluation(department, { children });
    out.audit.push(ms(now() - t));
  }
  return { rollup: stats(out.rollup), audit: stats(out.audit) };
}

round(Number(values.warmup));
const rounds = Array.from({ length: Number(values.rounds) }, () => round(ITER));
console.log(`Node ${process.version}, ${N} children, ${ITER} iterations × ${rounds.length} rounds, ms per call (median over rounds)`);
for (const [k, label] of [['rollup', `computeProjectRollup(${N} children)`], ['audit', 'auditEvaluation(department, { children })']]) {
  const m = (q) => median(rounds.map((r) => r[k][q])).toFixed(2);
  console.log(`  ${label.padEnd(44)} mean ${m('mean')}  p50 ${m('p50')}  p99 ${m('p99')}`);
}
