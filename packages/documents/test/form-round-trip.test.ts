/**
 * Round trip of the project and transfer 自评表: every .xlsx and .docx we write (for the
 * test's own fixtures and every examples/project-*.json / transfer-*.json) imports back
 * through @jixiao/import to the same figures — header, funds rows (in 万元, whatever unit
 * was printed), execution weight and score, goals, the indicator tree with targets, actuals,
 * weights and scores, total and grade. The unit workbook imports back to one evaluation per
 * project. (PDF: form-pdf.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { importReport } from '@jixiao/import';
import { renderFormDocx, renderFormXlsx, renderUnitProjectsWorkbook } from '../src/index.js';
import { formFigures } from './helpers.js';
import { allForms } from './project-fixtures.js';

const forms = allForms();

describe.each(Object.keys(forms))('round trip of the 自评表 %s', (name) => {
  const ev = forms[name]!;

  it('.xlsx imports back to the same figures', async () => {
    const bytes = await renderFormXlsx(ev, { createdAt: new Date('2024-01-01T00:00:00Z') });
    const back = await importReport({ bytes, fileName: `${name}.xlsx` });
    expect(back.evaluations).toHaveLength(1);
    expect(formFigures(back.evaluation)).toEqual(formFigures(ev));
  });

  it('.docx imports back to the same figures', async () => {
    const bytes = await renderFormDocx(ev);
    const back = await importReport({ bytes, fileName: `${name}.docx` });
    expect(back.evaluations).toHaveLength(1);
    expect(formFigures(back.evaluation)).toEqual(formFigures(ev));
  });
});

describe('round trip of the provincial layouts', () => {
  it.each(['sichuan', 'yunnan', 'chongqing'])('%s: .xlsx imports back to the same figures', async (template) => {
    const ev = forms['project-drugs']!;
    const bytes = await renderFormXlsx(ev, { template });
    const back = await importReport({ bytes, fileName: `${template}.xlsx` });
    expect(formFigures(back.evaluation, template)).toEqual(formFigures(ev, template));
  });
});

describe('round trip of the unit workbook', () => {
  it('imports back to one evaluation per project sheet, each with the same figures', async () => {
    const evs = Object.values(forms);
    const bytes = await renderUnitProjectsWorkbook(evs);
    const back = await importReport({ bytes, fileName: 'unit.xlsx' });
    expect(back.evaluations.map((e) => formFigures(e))).toEqual(evs.map((e) => formFigures(e)));
  }, 60_000);
});
