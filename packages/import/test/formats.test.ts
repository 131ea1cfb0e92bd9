/**
 * The same report in .docx, .xlsx and .pdf (generated here from each seed's content with
 * pure-JS writers) imports to the same figures and audits the same as its plain text.
 */
import { describe, expect, it } from 'vitest';
import { auditEvaluation, type Evaluation } from '@jixiao/core';
import { importFile, importReport } from '../src/index.js';
import { HAVE_SEEDS, NEEDS_SHARED, rectangular, seedFiles, seedPieces, type Piece } from './helpers/seed-content.js';
import { figures } from './helpers/compare.js';
import { makeDocx } from './helpers/make-docx.js';
import { makeXlsx } from './helpers/make-xlsx.js';
import { makePdf } from './helpers/make-pdf.js';

function rules(ev: Evaluation): string[] {
  return auditEvaluation(ev)
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity} ${f.rule}`)
    .sort();
}

function comparable(ev: Evaluation, opts: { goals: boolean }) {
  const f = figures(ev);
  return { ...f, goals: opts.goals ? ev.goals.map((g) => ({ title: g.title, targets: g.targets })) : null };
}

const makers: Array<{ ext: 'docx' | 'xlsx' | 'pdf'; label?: string; make: (p: Piece[]) => Promise<Uint8Array> }> = [
  { ext: 'docx', make: (p) => makeDocx(p) },
  { ext: 'xlsx', make: (p) => makeXlsx(p) },
  // small pages, so page numbers ("— 2 —") land in the middle of tables and paragraphs
  { ext: 'pdf', make: async (p) => makePdf(p, { pageNumbers: true, linesPerPage: 23 }) },
  // tables inside drawn borders, their text wrapped in narrow cells (a heading over several lines), rows broken by pages
  { ext: 'pdf', label: 'ruled tables', make: async (p) => makePdf(p, { pageNumbers: true, linesPerPage: 23, ruled: { wrap: 4 } }) },
];

describe.skipIf(!HAVE_SEEDS)(`generated .docx / .xlsx / .pdf import like the text${NEEDS_SHARED}`, () => {
  for (const seed of seedFiles()) {
    for (const { ext, label, make } of makers) {
      it(`seed ${seed.id} as .${ext}${label ? ` (${label})` : ''}`, async () => {
        const text = await importFile(seed.path);
        const bytes = await make(rectangular(seedPieces(seed.path)));
        const doc = await importReport({ bytes, fileName: `seed-${seed.id}.${ext}` });
        expect(doc.format).toBe(ext);
        expect(doc.notes.length).toBeGreaterThan(0);
        const a = comparable(doc.evaluation, { goals: ext !== 'pdf' });
        const b = comparable(text.evaluation, { goals: ext !== 'pdf' });
        expect(a).toEqual(b);
        expect(rules(doc.evaluation)).toEqual(rules(text.evaluation));
        // provenance points into the lines this import produced
        for (const [path, ref] of Object.entries(doc.evaluation.provenance)) {
          expect(doc.lines[ref.line! - 1], path).toBeDefined();
        }
      });
    }
  }
});

describe('spreadsheet numbers as a reader sees them', () => {
  it('formula results rounded to the cell format, percent formats as percents', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('自评表');
    ws.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
    ws.addRow(['产出指标', '成本指标', '费用控制', '≤263.38', 265.45, 5, { formula: '5*263.38/265.45', result: 4.961009606328875 }]);
    ws.getCell('G2').numFmt = '0.00';
    ws.addRow(['满意度指标', '服务对象满意度指标', '满意度', '≥95%', 0.99, 5, 5]);
    ws.getCell('E3').numFmt = '0%';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const ev = (await importReport({ bytes, fileName: 't.xlsx' })).evaluation;
    const leaves = ev.indicators.flatMap((l) => l.children.flatMap((c) => c.children));
    expect(leaves.map((i) => [i.name, i.actual, i.selfScore])).toEqual([
      ['费用控制', '265.45', '4.96'],
      ['满意度', '99%', '5'],
    ]);
  });
});
