/**
 * Round trip: every generated .docx and .xlsx imports back (@jixiao/import) to the same
 * figures — funds, stated scores, grade, indicator weights and scores — and audits with no
 * finding rule the evaluation itself did not have. The report's score table prints a level-1
 * figure the unit left blank as the sum of its children's, which reads back as stated
 * (`reportFigures`). (PDF: pdf.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { importReport } from '@jixiao/import';
import { renderReportDocx, renderTablesXlsx } from '../src/index.js';
import { SEEDS, keptFigures, loadSeed, newFindingRules, reportFigures } from './helpers.js';

describe.each(SEEDS)('round trip of %s', (seed) => {
  const ev = loadSeed(seed);

  it('the report (.docx) imports back to the same figures and audits without new findings', async () => {
    const bytes = await renderReportDocx(ev);
    const back = (await importReport({ bytes, fileName: 'report.docx' })).evaluation;
    expect(keptFigures(back)).toEqual(reportFigures(ev));
    expect(newFindingRules(ev, back)).toEqual([]);
  });

  it('the tables (.xlsx) import back to the same figures and audit without new findings', async () => {
    const bytes = await renderTablesXlsx(ev, { createdAt: new Date('2024-01-01T00:00:00Z') });
    const back = (await importReport({ bytes, fileName: 'tables.xlsx' })).evaluation;
    expect(keptFigures(back)).toEqual(keptFigures(ev));
    expect(newFindingRules(ev, back)).toEqual([]);
  });
});
