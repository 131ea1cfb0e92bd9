#!/usr/bin/env node
/**
 * Documents: how long the official package takes to generate.
 *
 *   npx tsc -b packages/documents && node bench/documents-bench.mjs [--single 30] [--batch 1000] [--budget 60] [--pdf 3]
 *
 * Loads packages/documents/dist as the CLI and server run it. Measures, for seed 001 (the
 * largest fixture): one .docx + .xlsx (median of --single runs after a warm-up), with and
 * without the three charts; a batch of --batch evaluations (fixtures in turn) with .docx
 * (no charts) + .xlsx, stopped after --budget seconds and then extrapolated to the full batch
 * (the output says so); and the PDF: our convertDocxToPdf end to end beside LibreOffice's own
 * `soffice --headless --convert-to pdf` of the same .docx, alternating, in the same run.
 * Not a test: no assertions.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const core = await import(join(root, 'packages/core/dist/index.js'));
const docs = await import(join(root, 'packages/documents/dist/index.js'));
const { values } = parseArgs({
  options: {
    single: { type: 'string', default: '30' },
    batch: { type: 'string', default: '1000' },
    budget: { type: 'string', default: '60' },
    pdf: { type: 'string', default: '3' },
  },
});

const examples = join(root, 'examples');
const evaluations = readdirSync(examples)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f, ev: core.Evaluation.parse(JSON.parse(readFileSync(join(examples, f), 'utf8'))) }));
const seed = evaluations.find((e) => e.name.startsWith('seed-001')) ?? evaluations[0];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

async function timeOne(charts) {
  const t0 = performance.now();
  await docs.renderReportDocx(seed.ev, { charts });
  const t1 = performance.now();
  await docs.renderTablesXlsx(seed.ev);
  const t2 = performance.now();
  return { docx: t1 - t0, xlsx: t2 - t1, both: t2 - t0 };
}

console.log(`Node ${process.version}, ${seed.name}`);
for (const charts of [false, true]) {
  for (let i = 0; i < 3; i++) await timeOne(charts); // warm-up
  const runs = [];
  for (let i = 0; i < Number(values.single); i++) runs.push(await timeOne(charts));
  console.log(
    `one evaluation, ${charts ? 'with 3 charts' : 'no charts'}: docx ${ms(median(runs.map((r) => r.docx)))}, xlsx ${ms(median(runs.map((r) => r.xlsx)))}, docx + xlsx ${ms(median(runs.map((r) => r.both)))} (median of ${runs.length})`,
  );
}

{
  const target = Number(values.batch);
  const budget = Number(values.budget) * 1000;
  const t0 = performance.now();
  let n = 0;
  while (n < target && performance.now() - t0 < budget) {
    const e = evaluations[n % evaluations.length].ev;
    await docs.renderReportDocx(e, { charts: false });
    await docs.renderTablesXlsx(e);
    n++;
  }
  const took = performance.now() - t0;
  const note = n < target ? `stopped after ${(took / 1000).toFixed(1)} s at ${n}; extrapolated to ${target}: ${((took / n) * target / 1000).toFixed(1)} s` : `${(took / 1000).toFixed(1)} s`;
  console.log(`batch of ${target} (docx without charts + xlsx, ${evaluations.length} fixtures in turn): ${ms(took / n)} each; ${note}`);
}

{
  const soffice = docs.findSoffice();
  if (!soffice) {
    console.log(`PDF: LibreOffice missing (${docs.SOFFICE_INSTALL_HINT})`);
  } else {
    const docx = await docs.renderReportDocx(seed.ev);
    const ours = [];
    const raw = [];
    for (let i = 0; i < Number(values.pdf); i++) {
      let t = performance.now();
      await docs.convertDocxToPdf(docx);
      ours.push(performance.now() - t);
      const dir = mkdtempSync(join(tmpdir(), 'jx-bench-pdf-'));
      writeFileSync(join(dir, 'report.docx'), docx);
      t = performance.now();
      execFileSync(soffice, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], {
        env: { ...process.env, FONTCONFIG_FILE: docs.FONTCONFIG_FILE, HOME: dir },
        stdio: 'ignore',
        timeout: 120_000,
      });
      raw.push(performance.now() - t);
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`PDF of the report with charts (fresh profile each time): convertDocxToPdf ${ms(median(ours))}, soffice --convert-to pdf alone ${ms(median(raw))} (median of ${ours.length}; all: ${ours.map((x) => x.toFixed(0)).join(', ')} / ${raw.map((x) => x.toFixed(0)).join(', ')} ms)`);
  }
}
