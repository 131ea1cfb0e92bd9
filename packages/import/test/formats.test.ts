/**
 * The same report in .docx, .xlsx and .pdf (generated here from each seed's content with
 * pure-JS writers) imports to the same figures and audits the same as its plain text.
 */
import { describe, expect, it } from 'vitest';
import { auditEvaluation, type Evaluation } from '@jixiao/core';
import { importFile, importReport } from '../src/index.js';
import { rectangular, seedFiles, seedPieces, type Piece } from './helpers/seed-content.js';
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

const makers: Array<{ ext: 'docx' | 'xlsx' | 'pdf'; make: (p: Piece[]) => Promise<Uint8Array> }> = [
  { ext: 'docx', make: (p) => makeDocx(p) },
  { ext: 'xlsx', make: (p) => makeXlsx(p) },
  // small pages, so page numbers ("— 2 —") land in the middle of tables and paragraphs
  { ext: 'pdf', make: async (p) => makePdf(p, { pageNumbers: true, linesPerPage: 23 }) },
];

describe('generated .docx / .xlsx / .pdf import like the text', () => {
  for (const seed of seedFiles()) {
    for (const { ext, make } of makers) {
      it(`seed ${seed.id} as .${ext}`, async () => {
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
