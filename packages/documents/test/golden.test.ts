/**
 * Golden tests: the document XML of the report (.docx) and the tables (.xlsx) for every seed,
 * of the project and transfer 自评表 (.xlsx and .docx) for the test's own project fixtures, and
 * of the unit workbook of those projects; unzipped with fflate, volatile parts normalised,
 * compared with files under test/golden/.
 * A deliberate layout change: run vitest with -u and review the diff of the golden files.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { renderFormDocx, renderFormXlsx, renderReportDocx, renderTablesXlsx, renderUnitProjectsWorkbook } from '../src/index.js';
import { SEEDS, loadSeed } from './helpers.js';
import { BUILT } from './project-fixtures.js';

/** Pretty-print enough to make diffs readable: one element per line. */
function normalise(xml: string): string {
  return xml
    .replace(/\s(?:w14:paraId|w14:textId|w:rsidR|w:rsidRDefault|w:rsidP)="[^"]*"/g, '')
    .replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, '')
    .replace(/>\s*</g, '>\n<');
}

function parts(bytes: Uint8Array, names: RegExp): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(files).sort()) if (names.test(name)) out[name] = normalise(strFromU8(files[name]!));
  return out;
}

describe.each(SEEDS)('golden XML of %s', (seed) => {
  const ev = loadSeed(seed);
  const stem = seed.replace(/\.json$/, '');

  it('report document.xml, footer and styles', async () => {
    const p = parts(await renderReportDocx(ev, { charts: false }), /^word\/(document|footer\d*)\.xml$/);
    for (const [name, xml] of Object.entries(p)) {
      await expect(xml).toMatchFileSnapshot(`golden/${stem}.docx.${name.replace(/\//g, '_')}`);
    }
  });

  it('tables: every worksheet and the shared strings', async () => {
    const p = parts(await renderTablesXlsx(ev, { createdAt: new Date('2024-01-01T00:00:00Z') }), /^xl\/(worksheets\/sheet\d+|sharedStrings|workbook)\.xml$/);
    for (const [name, xml] of Object.entries(p)) {
      await expect(xml).toMatchFileSnapshot(`golden/${stem}.xlsx.${name.replace(/\//g, '_')}`);
    }
  });
});

const CREATED = new Date('2024-01-01T00:00:00Z');
const XLSX_PARTS = /^xl\/(worksheets\/sheet\d+|sharedStrings|workbook)\.xml$/;

describe.each(Object.keys(BUILT))('golden XML of the 自评表 %s', (name) => {
  const ev = BUILT[name]!;

  it('xlsx: the sheet, shared strings and workbook', async () => {
    const p = parts(await renderFormXlsx(ev, { createdAt: CREATED }), XLSX_PARTS);
    for (const [part, xml] of Object.entries(p)) await expect(xml).toMatchFileSnapshot(`golden/form-${name}.xlsx.${part.replace(/\//g, '_')}`);
  });

  it('docx: document.xml and footer', async () => {
    const p = parts(await renderFormDocx(ev), /^word\/(document|footer\d*)\.xml$/);
    for (const [part, xml] of Object.entries(p)) await expect(xml).toMatchFileSnapshot(`golden/form-${name}.docx.${part.replace(/\//g, '_')}`);
  });
});

describe('golden XML of the unit workbook', () => {
  it('the summary sheet, a project sheet and the workbook', async () => {
    const p = parts(await renderUnitProjectsWorkbook(Object.values(BUILT), { createdAt: CREATED }), /^xl\/(worksheets\/sheet[12]|workbook)\.xml$/);
    for (const [part, xml] of Object.entries(p)) await expect(xml).toMatchFileSnapshot(`golden/unit-workbook.xlsx.${part.replace(/\//g, '_')}`);
  });
});
