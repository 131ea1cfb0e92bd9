/**
 * The importer against an earlier version of itself, in CPU time — a comparison that holds on
 * a shared machine where wall-clock rates swing with the neighbours' load. Each side runs in a
 * process of its own (in one process the two versions share core code and skew each other's
 * JIT), alternating in rounds, so both meet the same contention.
 *
 *   git worktree add --detach /tmp/jx-old <commit> && ln -s "$PWD/node_modules" /tmp/jx-old/node_modules
 *   node --import tsx --conditions jixiao-source bench/import-ab.ts --old /tmp/jx-old [--rounds 4]
 *
 * Each side runs from its own sources (tsx, `--conditions jixiao-source`) with the core its
 * `node_modules/@jixiao/core` points to: give the old checkout a node_modules of its own whose
 * `@jixiao/*` entries link to its packages (the other entries may link to this one's), or it
 * audits with this checkout's core. On the four seed reports and, when present, the corpus
 * texts: CPU ms per report of the import, and of import + audit, for each side (median of the
 * rounds, and the median of the per-round ratios new ÷ old). Not a test: no assertions.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { old: { type: 'string' }, side: { type: 'string' }, rounds: { type: 'string', default: '4' } } });
const self = fileURLToPath(import.meta.url);
const root = resolve(self, '..', '..');
const shared = join(root, '..', 'shared', 'reference');

const read = (dir: string, re: RegExp) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => new TextEncoder().encode(readFileSync(join(dir, f), 'utf8'))) : [];

/** In a child: CPU ms per report of one side's importReport on each set, as JSON. */
async function measureSide(dir: string): Promise<void> {
  type Importer = (input: { bytes: Uint8Array; fileName: string }) => Promise<unknown>;
  const importReport = (await import(join(dir, 'packages/import/src/import-report.ts'))).importReport as Importer;
  const auditEvaluation = (await import(join(dir, 'packages/core/src/index.ts'))).auditEvaluation as (e: unknown) => unknown;
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e3;
  };
  const out: Record<string, number> = {};
  for (const [set, files] of [['seeds', read(join(shared, 'seeds'), /\.txt$/)], ['corpus', read(join(shared, 'corpus'), /^\d+\.txt$/)]] as const) {
    if (files.length === 0) continue;
    const both = async (b: Uint8Array) => {
      for (const ev of ((await importReport({ bytes: b, fileName: 'x.txt' })) as { evaluations: unknown[] }).evaluations) auditEvaluation(ev);
    };
    for (let i = 0; i < 30; i++) for (const b of files) await both(b);
    let c0 = cpu();
    for (let i = 0; i < 100; i++) for (const b of files) await importReport({ bytes: b, fileName: 'x.txt' });
    out[set] = (cpu() - c0) / (100 * files.length);
    c0 = cpu();
    for (let i = 0; i < 100; i++) for (const b of files) await both(b);
    out[`${set}+audit`] = (cpu() - c0) / (100 * files.length);
  }
  console.log(JSON.stringify(out));
}

function runSide(dir: string): Record<string, number> {
  const args = ['--import', 'tsx', '--conditions', 'jixiao-source', self, '--side', dir];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!) as Record<string, number>;
}

if (values.side) await measureSide(resolve(values.side));
else if (!values.old) {
  console.log('用法：--old <较早版本的检出目录>（见文件开头的说明）');
  process.exitCode = 64;
} else {
  const results: Record<string, Record<string, number[]>> = { old: {}, new: {} };
  for (let r = 0; r < Number(values.rounds); r++) {
    for (const side of r % 2 ? ['old', 'new'] : ['new', 'old']) {
      const got = runSide(side === 'old' ? resolve(values.old) : root);
      for (const [set, ms] of Object.entries(got)) (results[side]![set] ??= []).push(ms);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const side of ['old', 'new']) {
    for (const [set, xs] of Object.entries(results[side]!)) console.log(`${set.padEnd(13)} ${side}  ${median(xs).toFixed(3)} ms CPU per report (median of ${xs.length} runs: ${xs.map((x) => x.toFixed(2)).join(', ')})`);
  }
  for (const [set, xs] of Object.entries(results.new!)) {
    const old = results.old![set]!;
    console.log(`${set.padEnd(13)} new ÷ old per round: median ${median(xs.map((x, i) => x / old[i]!)).toFixed(3)}`);
  }
}
