/**
 * Import and audit throughput.
 *
 *   npx tsc -b packages/import && node --import tsx bench/import-bench.ts [--seconds 3]
 *
 * Measures the built packages (dist/, as the CLI runs them); tsx only loads this script
 * and the test helpers that write the .docx and .pdf files.
 * One core, one thread. Text reports: the four seed reports (shared/reference/seeds),
 * each imported (decode, normalise, detect tables, recognise, read prose, validate) and
 * audited, round-robin, for --seconds; beside it a floor measured in the same run on the same
 * bytes: decode, normalise every line, and scan every number (what any importer has to do at
 * least). Then the 18 published corpus texts (shared/reference/corpus), every evaluation of
 * each imported and audited.
 * Then .docx and .pdf: each seed written as a Word file and a PDF (pure-JS writers from
 * the tests) and imported, time per file. Not a test: no assertions.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { auditEvaluation } from '@jixiao/core';
import { importReport, normaliseLines, decodeText, scanNumbers } from '@jixiao/import';
import { corpusFiles, rectangular, seedFiles, seedPieces } from '../packages/import/test/helpers/seed-content.ts';
import { makeDocx } from '../packages/import/test/helpers/make-docx.ts';
import { makePdf } from '../packages/import/test/helpers/make-pdf.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' } } });
const seconds = Number(values.seconds);
const seeds = seedFiles().map((s) => ({ ...s, bytes: new Uint8Array(readFileSync(s.path)) }));
if (seeds.length === 0) {
  console.log('没有找到 ../shared/reference/seeds（仓库旁的参考资料），无法测速。');
  process.exit(0);
}
const corpus = corpusFiles().map((s) => ({ ...s, bytes: new Uint8Array(readFileSync(s.path)) }));

function floor(bytes: Uint8Array): number {
  const { text } = decodeText(bytes);
  const { lines } = normaliseLines(text.split('\n'));
  let n = 0;
  for (const l of lines) n += scanNumbers(l).length;
  return n;
}

type Once = (b: { bytes: Uint8Array; fileName: string }) => unknown;

/** CPU seconds this process has used (user + system): what the work costs, whatever the neighbours do. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

const cpuTotals: number[][] = [];

/** Reports per second over `ms`, round-robin over the seeds (wall clock); CPU time and count noted in `cpuTotals[k]`. */
async function rate(once: Once, ms: number, k: number): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  const c0 = cpuSeconds();
  while (performance.now() - t0 < ms) {
    for (const s of seeds) {
      await once({ bytes: s.bytes, fileName: s.path });
      n++;
    }
  }
  const acc = (cpuTotals[k] ??= [0, 0]);
  acc[0]! += cpuSeconds() - c0;
  acc[1]! += n;
  return n / ((performance.now() - t0) / 1000);
}

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'cpu'}; ${seeds.length} seed reports, ${seeds.reduce((a, s) => a + s.bytes.length, 0)} bytes in all`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The three measures alternate in short rounds, so a neighbour's load hits them alike;
// the ratios are taken within each round, then the median over rounds is reported.
const imported = new Map<string, Awaited<ReturnType<typeof importReport>>['evaluation']>();
for (const s of seeds) imported.set(s.path, (await importReport({ bytes: s.bytes, fileName: s.path })).evaluation);
const measures: Array<{ label: string; once: Once }> = [
  { label: 'floor (decode, normalise, numbers)', once: (b) => floor(b.bytes) },
  { label: 'import', once: (b) => importReport(b) },
  { label: 'import + audit', once: async (b) => auditEvaluation((await importReport(b)).evaluation) },
  { label: 'audit alone (core, for scale)', once: (b) => auditEvaluation(imported.get(b.fileName)!) },
];
for (const m of measures) for (let i = 0; i < 30; i++) for (const s of seeds) await m.once({ bytes: s.bytes, fileName: s.path });
const rounds = 9;
const perRound = measures.map(() => [] as number[]);
for (let r = 0; r < rounds; r++) {
  for (let k = 0; k < measures.length; k++) perRound[k]!.push(await rate(measures[k]!.once, (seconds * 1000) / rounds, k));
}
console.log(`${seconds} s per measure in ${rounds} alternating rounds; median of rounds (min–max)`);
measures.forEach((m, k) => {
  const xs = perRound[k]!;
  const med = median(xs);
  console.log(`${m.label.padEnd(34)} ${med.toFixed(0).padStart(6)} reports/s  (${(1000 / med).toFixed(2)} ms each; ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`);
});
measures.forEach((m, k) => {
  const [cpu, n] = cpuTotals[k]!;
  console.log(`${m.label.padEnd(34)} ${(n! / cpu!).toFixed(0).padStart(6)} reports per CPU-second (${((cpu! / n!) * 1000).toFixed(2)} ms CPU each)`);
});
const ratio = (k: number) => median(perRound[0]!.map((f, r) => f / perRound[k]![r]!));
console.log(`import + audit takes ${ratio(2).toFixed(1)}× the floor's time; import alone ${ratio(1).toFixed(1)}× (medians of per-round ratios)`);

if (corpus.length > 0) {
  const once = async () => {
    for (const c of corpus) for (const ev of (await importReport({ bytes: c.bytes, fileName: c.path })).evaluations) auditEvaluation(ev);
  };
  for (let i = 0; i < 10; i++) await once();
  const xs: number[] = [];
  let cpu = 0;
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const t0 = performance.now();
    const c0 = cpuSeconds();
    while (performance.now() - t0 < (seconds * 1000) / rounds) {
      await once();
      n += corpus.length;
    }
    cpu += cpuSeconds() - c0;
    total += n;
    xs.push(n / ((performance.now() - t0) / 1000));
  }
  const med = median(xs);
  console.log(`corpus (${corpus.length} texts) import + audit ${med.toFixed(0).padStart(6)} texts/s  (${(1000 / med).toFixed(2)} ms each; ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}); ${(total / cpu).toFixed(0)} per CPU-second`);
}

for (const ext of ['docx', 'pdf'] as const) {
  const times: number[] = [];
  for (const s of seeds) {
    const pieces = rectangular(seedPieces(s.path));
    const bytes = ext === 'docx' ? await makeDocx(pieces) : makePdf(pieces, { pageNumbers: true, linesPerPage: 40 });
    await importReport({ bytes, fileName: `${s.id}.${ext}` }); // warm
    const runs = 5;
    const t0 = performance.now();
    for (let k = 0; k < runs; k++) auditEvaluation((await importReport({ bytes, fileName: `${s.id}.${ext}` })).evaluation);
    times.push((performance.now() - t0) / runs);
    console.log(`.${ext} seed ${s.id} (${(bytes.length / 1024).toFixed(0)} KB): ${times[times.length - 1]!.toFixed(1)} ms import + audit`);
  }
  console.log(`.${ext} mean ${(times.reduce((x, y) => x + y, 0) / times.length).toFixed(1)} ms per file`);
}
