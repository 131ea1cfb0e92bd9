/**
 * PDF through LibreOffice headless, for each seed: page 1 renders to a PNG that is not blank,
 * its text holds the report title, and the PDF imports back to the same figures with no new
 * finding rules. Missing soffice / pdftoppm / pdftotext fail these tests with the install
 * command (never skipped).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '@jixiao/import';
import { convertDocxToPdf, renderReportDocx, templateFor } from '../src/index.js';
import { reportTitle } from '../src/compute/build-report-outline.js';
import { SEEDS, keptFigures, loadSeed, newFindingRules, nonWhiteShare, reportFigures, requireTool } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'jx-docs-pdf-'));
let tools: { pdftoppm: string; pdftotext: string };

beforeAll(() => {
  requireTool('soffice');
  tools = { pdftoppm: requireTool('pdftoppm'), pdftotext: requireTool('pdftotext') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const squash = (s: string) => s.replace(/\s+/g, '');

describe.each(SEEDS)('PDF of %s', (seed) => {
  const ev = loadSeed(seed);
  let pdf: Uint8Array;
  let file: string;

  beforeAll(async () => {
    pdf = await convertDocxToPdf(await renderReportDocx(ev));
    file = join(dir, `${seed}.pdf`);
    writeFileSync(file, pdf);
  }, 180_000);

  it('page 1 is not blank and holds the report title', () => {
    const prefix = join(dir, `${seed}-page`);
    execFileSync(tools.pdftoppm, ['-r', '50', '-png', '-f', '1', '-l', '1', '-singlefile', file, prefix], { timeout: 60_000 });
    const share = nonWhiteShare(readFileSync(`${prefix}.png`));
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.5);
    const text = execFileSync(tools.pdftotext, ['-f', '1', '-l', '1', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', timeout: 60_000 });
    expect(squash(text)).toContain(squash(reportTitle(ev, templateFor(ev))));
  });

  it('imports back to the same figures and audits without new findings', async () => {
    const back = (await importReport({ bytes: pdf, fileName: 'report.pdf' })).evaluation;
    expect(keptFigures(back)).toEqual(reportFigures(ev));
    expect(newFindingRules(ev, back)).toEqual([]);
  });
});
