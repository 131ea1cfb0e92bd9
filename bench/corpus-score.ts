/**
 * The corpus score: how jixiao does on real published texts, as a new user would run it.
 *
 *   npm run corpus [-- --verbose] [-- --json] [-- --dir <corpus folder>]
 *
 * Audits every `NNN.txt` of `../shared/reference/corpus/` (next to the repository; see its
 * README) exactly as `jixiao audit NNN.txt --json` does (the CLI's own code, in process, from
 * the sources), then scores the output against `NNN.truth.json` and `keys.json`:
 *
 * - keyed findings recalled: each keyed finding of keys.json counts when one error- or
 *   warning-level finding mentions all the numbers of one of its alternatives (in its
 *   message, reported, expected or difference; signs ignored);
 * - errors about numbers on files without errors: error-level findings that are not
 *   completeness checks (a missing table, score or grade is not an error about numbers), on
 *   files whose truth lists no error;
 * - figures read: each non-null figure of the truth (amounts within 0.01 万元, rates in
 *   percent within 0.01, grades as printed) against the JSON `evaluation.figures`;
 * - kind right: `evaluation.kind` against the truth (`transfer` counts as `project`, the
 *   truth's name for 转移支付/专项资金 reports).
 *
 * When the corpus folder is absent (a plain clone), says so and exits 0.
 * Not a test: no assertions; the exit code is 0 whatever the score.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Writable } from 'node:stream';
import { dec } from '@jixiao/core';
import { runCli } from '@jixiao/cli';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The corpus next to the repository. */
export const DEFAULT_CORPUS_DIR = join(root, '..', 'shared', 'reference', 'corpus');

interface Truth {
  kind: string;
  figures: Record<string, number | string | null>;
  errors: unknown[];
  warnings: unknown[];
}
interface AuditedFinding {
  rule: string;
  severity: string;
  category: string;
  message: string;
  reported: string | null;
  expected: string | null;
  difference: string | null;
}
interface AuditOut {
  evaluation: { kind: string; figures: Record<string, string | null> };
  evaluations?: unknown[];
  findings: AuditedFinding[];
}

/** Truth figure → the key of `evaluation.figures` in `jixiao audit --json`, and how to compare. */
const FIGURES: Record<string, { key: string; type: 'amount' | 'rate' | 'text' }> = {
  initial_budget: { key: 'initialBudget', type: 'amount' },
  adjusted_budget: { key: 'adjustedBudget', type: 'amount' },
  executed: { key: 'executed', type: 'amount' },
  execution_rate_stated: { key: 'statedExecutionRate', type: 'rate' },
  basic_expenditure: { key: 'basicExpenditure', type: 'amount' },
  project_expenditure: { key: 'projectExpenditure', type: 'amount' },
  personnel: { key: 'personnel', type: 'amount' },
  public_funds: { key: 'publicFunds', type: 'amount' },
  self_score: { key: 'selfScore', type: 'amount' },
  grade_stated: { key: 'statedGrade', type: 'text' },
};

async function auditFile(file: string): Promise<{ out: AuditOut | null; exit: number; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        append(String(chunk));
        done();
      },
    });
  const io = {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    cwd: process.cwd(),
    env: {},
  };
  const exit = await runCli(['audit', file, '--json', '--fail-on', 'none'], io);
  let out: AuditOut | null = null;
  try {
    out = JSON.parse(stdout) as AuditOut;
  } catch {
    out = null;
  }
  return { out, exit, stderr: stderr.trim() };
}

function numbersIn(f: AuditedFinding): string[] {
  const text = [f.message, f.reported, f.expected, f.difference].filter((x): x is string => typeof x === 'string').join(' ');
  return (text.replace(/(\d),(?=\d{3})/g, '$1').match(/\d+(?:\.\d+)?/g) ?? []);
}

function mentionsAll(f: AuditedFinding, numbers: number[]): boolean {
  const have = numbersIn(f).map((x) => dec(x));
  return numbers.every((n) => have.some((h) => h.eq(dec(String(Math.abs(n))))));
}

function figureMatches(type: 'amount' | 'rate' | 'text', truth: number | string, got: string | null | undefined): boolean {
  if (got === null || got === undefined) return false;
  if (type === 'text') return String(truth).trim() === got.trim();
  if (!/^-?\d+(?:\.\d+)?$/.test(got)) return false;
  return dec(got).minus(dec(String(truth))).abs().lte('0.01');
}

export interface FileScore {
  id: string;
  keyed: [number, number];
  missedKeys: string[];
  numberErrors: string[];
  expectErrors: boolean;
  figures: [number, number];
  missedFigures: string[];
  kind: { truth: string; got: string | null; right: boolean };
  evaluations: number;
  failure: string | null;
}

function scoreFile(id: string, truth: Truth, keys: number[][][], r: Awaited<ReturnType<typeof auditFile>>): FileScore {
  const out = r.out;
  const failure = out ? null : `无法检查（退出码 ${r.exit}）：${r.stderr.slice(0, 160)}`;
  const findings = out?.findings ?? [];
  const flagged = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  const missedKeys: string[] = [];
  let found = 0;
  for (const alternatives of keys) {
    if (alternatives.some((alt) => flagged.some((f) => mentionsAll(f, alt)))) found++;
    else missedKeys.push(alternatives.map((a) => a.join('+')).join(' | '));
  }
  const expectErrors = truth.errors.length > 0;
  const numberErrors = expectErrors
    ? []
    : findings.filter((f) => f.severity === 'error' && f.category !== 'completeness').map((f) => `${f.rule}: ${f.message}`);
  let read = 0;
  let total = 0;
  const missedFigures: string[] = [];
  for (const [name, value] of Object.entries(truth.figures)) {
    if (value === null) continue;
    const spec = FIGURES[name];
    if (!spec) continue;
    total++;
    const got = out?.evaluation.figures[spec.key];
    if (figureMatches(spec.type, value, got)) read++;
    else missedFigures.push(`${name} ${value} ≠ ${got ?? '—'}`);
  }
  const gotKind = out?.evaluation.kind ?? null;
  const kindRight = gotKind === truth.kind || (truth.kind === 'project' && gotKind === 'transfer');
  return {
    id,
    keyed: [found, keys.length],
    missedKeys,
    numberErrors,
    expectErrors,
    figures: [read, total],
    missedFigures,
    kind: { truth: truth.kind, got: gotKind, right: kindRight },
    evaluations: out?.evaluations?.length ?? (out ? 1 : 0),
    failure,
  };
}

function pct(a: number, b: number): string {
  return b === 0 ? '—' : `${((a / b) * 100).toFixed(0)}%`;
}

function report(scores: FileScore[], verbose: boolean): void {
  const rows = scores.map((s) => [
    s.id,
    s.kind.right ? `✓ ${s.kind.got}` : `✗ ${s.kind.got ?? '—'} (应为 ${s.kind.truth})`,
    `${s.figures[0]}/${s.figures[1]}`,
    s.keyed[1] ? `${s.keyed[0]}/${s.keyed[1]}` : '—',
    s.expectErrors ? '（有错）' : String(s.numberErrors.length),
    String(s.evaluations),
  ]);
  const head = ['文件', '类型', '数字读出', '已知问题检出', '无错文件上的数字错误', '评价数'];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  for (const s of scores) {
    if (s.failure) console.log(`  ${s.id}: ${s.failure}`);
    if (!verbose) continue;
    for (const m of s.missedFigures) console.log(`  ${s.id} 未读出：${m}`);
    for (const k of s.missedKeys) console.log(`  ${s.id} 未检出：${k}`);
    for (const e of s.numberErrors) console.log(`  ${s.id} 误报：${e}`);
  }
  const sum = (f: (s: FileScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const keyed = [sum((s) => s.keyed[0]), sum((s) => s.keyed[1])] as const;
  const figs = [sum((s) => s.figures[0]), sum((s) => s.figures[1])] as const;
  const kinds = sum((s) => (s.kind.right ? 1 : 0));
  const falseErrors = sum((s) => s.numberErrors.length);
  const negFiles = scores.filter((s) => !s.expectErrors);
  const negWithErrors = negFiles.filter((s) => s.numberErrors.length > 0).length;
  console.log('');
  console.log(`已知问题检出（keyed findings recalled）  ${keyed[0]}/${keyed[1]}（${pct(keyed[0], keyed[1])}）`);
  console.log(`无错文件上的数字错误（errors about numbers on files without errors）  ${falseErrors} 条，涉及 ${negWithErrors}/${negFiles.length} 个文件`);
  console.log(`数字读出（figures read）  ${figs[0]}/${figs[1]}（${pct(figs[0], figs[1])}）`);
  console.log(`类型正确（kind right）  ${kinds}/${scores.length}`);
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6✓✗—]/.test(ch) ? 2 : 1;
  return w;
}

export interface CorpusTotals {
  keyed: [number, number];
  figures: [number, number];
  kinds: [number, number];
  /** Errors about numbers on files whose truth lists no error, and how many such files had one. */
  falseErrors: number;
  filesWithFalseErrors: number;
}

export function totalsOf(scores: FileScore[]): CorpusTotals {
  const sum = (f: (s: FileScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  return {
    keyed: [sum((s) => s.keyed[0]), sum((s) => s.keyed[1])],
    figures: [sum((s) => s.figures[0]), sum((s) => s.figures[1])],
    kinds: [sum((s) => (s.kind.right ? 1 : 0)), scores.length],
    falseErrors: sum((s) => s.numberErrors.length),
    filesWithFalseErrors: scores.filter((s) => s.numberErrors.length > 0).length,
  };
}

/** Audit and score every text of the corpus folder (which must exist). */
export async function scoreCorpus(corpusDir: string): Promise<FileScore[]> {
  const keysPath = join(corpusDir, 'keys.json');
  const keys = (existsSync(keysPath) ? JSON.parse(readFileSync(keysPath, 'utf8')) : {}) as Record<string, number[][][]>;
  const ids = readdirSync(corpusDir)
    .filter((f) => /^\d+\.txt$/.test(f) && existsSync(join(corpusDir, f.replace(/\.txt$/, '.truth.json'))))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();
  const scores: FileScore[] = [];
  for (const id of ids) {
    const truth = JSON.parse(readFileSync(join(corpusDir, `${id}.truth.json`), 'utf8')) as Truth;
    scores.push(scoreFile(id, truth, keys[id] ?? [], await auditFile(join(corpusDir, `${id}.txt`))));
  }
  return scores;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const corpusDir = values.dir ? resolve(values.dir) : DEFAULT_CORPUS_DIR;
  if (!existsSync(corpusDir)) {
    console.log(`没有找到语料文件夹 ${corpusDir}（仓库旁的 ../shared/reference/corpus/），跳过语料评分。`);
    console.log('Corpus folder not found next to the repository: corpus score skipped.');
    return;
  }
  const scores = await scoreCorpus(corpusDir);
  if (values.json) console.log(JSON.stringify({ files: scores, totals: totalsOf(scores) }, null, 2));
  else report(scores, values.verbose ?? false);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
