#!/usr/bin/env node
/**
 * Core: how long scoring and auditing one evaluation takes.
 *
 *   npx tsc -b packages/core && node bench/core-audit-bench.mjs [--iterations 2000] [--warmup 500] [--top 10] [--rounds 3]
 *
 * Builds nothing itself: loads packages/core/dist as the CLI and server run it. For every
 * fixture under examples/ (parsed once with `parseEvaluation`), after a warm-up, times
 * single calls of `auditEvaluation`, `scoreEvaluation`, `gatherAuditContext` and, inside
 * a replay of the audit (fresh context each time, rules in catalog order, as the auditor
 * runs them), each rule's `check`. The measures alternate within each round so load from
 * neighbours hits them alike. Prints mean, p50 and p99 per fixture (in ms, median over
 * rounds), then the rules with the largest mean cost summed over fixtures.
 * Not a test: no assertions. For a profile: node --cpu-prof bench/core-audit-bench.mjs
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const core = await import(join(root, 'packages/core/dist/index.js'));
const { parseEvaluation, auditEvaluation, scoreEvaluation, gatherAuditContext, getProfile, AUDIT_RULES } = core;

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '500' },
    top: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
  },
});
const ITER = Number(values.iterations);
const WARMUP = Number(values.warmup);
const TOP = Number(values.top);
const ROUNDS = Number(values.rounds);

const dir = join(root, 'examples');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const r = parseEvaluation(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    if (!r.ok) throw new Error(`${f}: does not parse`);
    return { name: f.replace(/\.json$/, ''), evaluation: r.value };
  });

const now = () => process.hrtime.bigint();
const ms = (ns) => Number(ns) / 1e6;

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { mean: s.reduce((a, b) => a + b, 0) / s.length, p50: at(0.5), p99: at(0.99) };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One round over one fixture: per-call samples (ms) of each measure, per-rule total (ms). */
function round(fx, iterations) {
  const ev = fx.evaluation;
  const profile = getProfile(ev.profile);
  const samples = { audit: [], score: [], gather: [], auditNoProfile: [] };
  const ruleTotals = new Map(AUDIT_RULES.map((r) => [r.id, 0]));
  for (let i = 0; i < iterations; i++) {
    let t = now();
    auditEvaluation(ev, { profile });
    samples.audit.push(ms(now() - t));
    t = now();
    auditEvaluation(ev);
    samples.auditNoProfile.push(ms(now() - t));
    t = now();
    scoreEvaluation(ev, profile);
    samples.score.push(ms(now() - t));
    t = now();
    const ctx = gatherAuditContext(ev, profile);
    samples.gather.push(ms(now() - t));
    for (const rule of AUDIT_RULES) {
      const t0 = now();
      rule.check(ctx);
      ruleTotals.set(rule.id, ruleTotals.get(rule.id) + ms(now() - t0));
    }
  }
  return { samples, ruleTotals };
}

for (const fx of fixtures) round(fx, WARMUP);

const results = new Map(fixtures.map((fx) => [fx.name, { rounds: [], rules: new Map() }]));
for (let r = 0; r < ROUNDS; r++) {
  for (const fx of fixtures) {
    const { samples, ruleTotals } = round(fx, ITER);
    const res = results.get(fx.name);
    res.rounds.push(Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)])));
    for (const [id, total] of ruleTotals) {
      res.rules.set(id, [...(res.rules.get(id) ?? []), total / ITER]);
    }
  }
}

const f3 = (x) => x.toFixed(3);
console.log(`Node ${process.version}, ${ITER} iterations × ${ROUNDS} rounds after ${WARMUP} warm-up, times in ms (median over rounds)`);
console.log('');
const labels = {
  audit: 'auditEvaluation(ev, { profile })',
  auditNoProfile: 'auditEvaluation(ev) (looks up profile)',
  score: 'scoreEvaluation',
  gather: 'gatherAuditContext',
};
for (const fx of fixtures) {
  const res = results.get(fx.name);
  console.log(fx.name);
  for (const [k, label] of Object.entries(labels)) {
    const m = (q) => median(res.rounds.map((r) => r[k][q]));
    console.log(`  ${label.padEnd(40)} mean ${f3(m('mean'))}  p50 ${f3(m('p50'))}  p99 ${f3(m('p99'))}`);
  }
  const rulesSum = [...res.rules.values()].reduce((a, v) => a + median(v), 0);
  console.log(`  ${'all rules (sum of per-rule means)'.padEnd(40)} mean ${f3(rulesSum)}`);
}

const byRule = AUDIT_RULES.map((r) => ({
  id: r.id,
  perFixture: fixtures.map((fx) => median(results.get(fx.name).rules.get(r.id))),
}))
  .map((r) => ({ ...r, total: r.perFixture.reduce((a, b) => a + b, 0) }))
  .sort((a, b) => b.total - a.total);
console.log('');
console.log(`Top ${TOP} rules by mean cost per call (ms), per fixture: ${fixtures.map((f) => f.name.slice(0, 8)).join(' ')}`);
for (const r of byRule.slice(0, TOP)) {
  console.log(`  ${r.id.padEnd(34)} ${r.perFixture.map(f3).join('  ')}   sum ${f3(r.total)}`);
}
