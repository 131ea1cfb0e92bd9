/**
 * PDF of the project and transfer 自评表 (the .docx through LibreOffice): page 1 renders to a
 * PNG that is neither blank nor black, its text holds the form's title and labels and the
 * figures as printed, and the PDF imports back (@jixiao/import) to the same figures. Missing
 * soffice / pdftoppm / pdftotext fail these tests with the install command (never skipped).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '@jixiao/import';
import { buildFormGrid, exportEvaluation } from '../src/index.js';
import { formFigures, nonWhiteShare, requireTool } from './helpers.js';
import { allForms } from './project-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'jx-form-pdf-'));
let tools: { pdftoppm: string; pdftotext: string };
beforeAll(() => {
  requireTool('soffice');
  tools = { pdftoppm: requireTool('pdftoppm'), pdftotext: requireTool('pdftotext') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const squash = (s: string) => s.replace(/\s+/g, '');
const forms = allForms();

describe.each(Object.keys(forms))('PDF of the 自评表 %s', (name) => {
  const ev = forms[name]!;
  let pdf: Uint8Array;
  let file: string;

  beforeAll(async () => {
    pdf = await exportEvaluation(ev, 'pdf');
    file = join(dir, `${name.replace(/\//g, '_')}.pdf`);
    writeFileSync(file, pdf);
  }, 180_000);

  it('page 1 is not blank and its text holds the title, the labels and the printed figures', () => {
    const prefix = join(dir, `${name.replace(/\//g, '_')}-page`);
    execFileSync(tools.pdftoppm, ['-r', '50', '-png', '-f', '1', '-l', '1', '-singlefile', file, prefix], { timeout: 60_000 });
    const share = nonWhiteShare(readFileSync(`${prefix}.png`));
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.5);
    const text = squash(execFileSync(tools.pdftotext, ['-f', '1', '-l', '1', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', timeout: 60_000 }));
    const { grid } = buildFormGrid(ev);
    expect(text).toContain(squash(grid.title));
    // Every label and figure of the header and funds block (the rows above the goals) is on page 1.
    const firstRows = grid.cells.filter((c) => c.row < grid.top + 4 && c.text.trim() !== '');
    for (const c of firstRows) expect(text, c.text).toContain(squash(c.text));
  });

  it('imports back to the same figures', async () => {
    const back = await importReport({ bytes: pdf, fileName: `${name}.pdf` });
    expect(formFigures(back.evaluation)).toEqual(formFigures(ev));
  });
});

describe('a 自评表 whose indicator block runs over pages', () => {
  // The drugs project with its indicators repeated six times: 48 leaves, more than a landscape page holds.
  const base = forms['project-drugs']!;
  const ev = { ...base, indicators: Array.from({ length: 6 }, () => base.indicators).flat() };
  let file: string;

  beforeAll(async () => {
    file = join(dir, 'long-form.pdf');
    writeFileSync(file, await exportEvaluation(ev, 'pdf'));
  }, 180_000);

  it('prints the indicator header row on every page, again at the top of each page after the first', () => {
    const pages = execFileSync(tools.pdftotext, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', timeout: 60_000 }).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    const { grid } = buildFormGrid(ev);
    const labels = grid.cells.filter((c) => c.row === grid.repeatRow && c.col > 1 && c.text !== '').map((c) => squash(c.text));
    expect(labels).toEqual(expect.arrayContaining(['一级指标', '二级指标', '三级指标']));
    for (const [i, page] of pages.entries()) {
      for (const label of labels) expect(squash(page), `page ${i + 1}: ${label}`).toContain(label);
    }
  });
});
