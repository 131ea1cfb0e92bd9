/**
 * Acceptance: each raw seed report imports to the figures of its hand-made fixture
 * (examples/seed-00N-*.json), and the auditor finds in the import exactly what a careful
 * reviewer finds (shared/reference/seed-findings.md) — no more, no less.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEvaluation, Evaluation, parseEvaluationJson } from '@jixiao/core';
import { importFile, type ImportResult } from '../src/index.js';
import { EXAMPLES_DIR, HAVE_SEEDS, NEEDS_SHARED, seedFiles } from './helpers/seed-content.js';
import { claimKey, figures } from './helpers/compare.js';

function fixture(id: string): Evaluation {
  const f = readdirSync(EXAMPLES_DIR).find((x) => x.startsWith(`seed-${id}-`) && x.endsWith('.json'));
  if (!f) throw new Error(`no fixture for seed ${id}`);
  const r = parseEvaluationJson(readFileSync(join(EXAMPLES_DIR, f), 'utf8'));
  if (!r.ok) throw r.error;
  return r.value;
}

/** Errors and warnings a reviewer finds in each seed (seed-findings.md), by audit rule. */
const EXPECTED: Record<string, string[]> = {
  '001': [
    'error level1-weights-match-heading',
    'error level1-weights-match-heading',
    'error level1-weights-match-heading',
    'error total-score-sum',
    'error weights-total',
    'warning chapter-numbering',
    'warning cost-actual-matches-total',
    'warning deviation-reason-present',
    // the profile's severity for an unexplained over-achievement (4 vs ≥2, 4 vs ≥3), beyond seed-findings.md
    'warning over-achievement-explained',
    'warning over-achievement-explained',
  ],
  '002': [
    'error grade-present',
    'error indicator-table-present',
    'error self-score-present',
    'warning over-execution',
    'warning percent-rounding',
    'warning staffing-control-rate-stated',
    'warning year-comparison',
  ],
  '003': [
    'error execution-rate-matches',
    'error execution-score-matches',
    'warning budget-adjustment-explained',
    'warning level1-full-without-indicators',
    'warning level1-full-without-indicators',
    'warning template-text-left',
    'warning unit-named',
  ],
  '004': ['warning chapter-numbering', 'warning evaluation-after-year-end', 'warning target-parseable', 'warning total-without-indicator-scores'],
};

function findings(ev: Evaluation): string[] {
  return auditEvaluation(ev)
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity} ${f.rule}`)
    .sort();
}

describe.skipIf(!HAVE_SEEDS)(`seed reports imported from their raw text${NEEDS_SHARED}`, () => {
  for (const seed of seedFiles()) {
    describe(`seed ${seed.id}`, () => {
      let imported: ImportResult;
      const get = async () => (imported ??= await importFile(seed.path));

      it('rebuilds the fixture’s figures', async () => {
        const r = await get();
        expect(r.format).toBe('txt');
        const mine = figures(r.evaluation);
        const want = figures(fixture(seed.id));
        expect(mine.kind).toBe(want.kind);
        expect(mine.unit).toBe(want.unit);
        expect(mine.fiscalYear).toBe(want.fiscalYear);
        expect(mine.profile).toBe(want.profile);
        expect(mine.funds).toEqual(want.funds);
        expect(mine.budgetExecution).toEqual(want.budgetExecution);
        expect(mine.totals).toEqual(want.totals);
        expect(mine.dates).toEqual(want.dates);
        expect(mine.indicators).toEqual(want.indicators);
        if (want.staffing) expect(mine.staffing).toEqual(want.staffing);
        expect(mine.team).toEqual(want.team);
        expect(mine.chapters.map((c) => c.split(' ').slice(0, 2).join(' '))).toEqual(want.chapters.map((c) => c.split(' ').slice(0, 2).join(' ')));
      });

      it('states every claim of the fixture, and no claim that contradicts it', async () => {
        const r = await get();
        const mine = new Set(r.evaluation.claims.map(claimKey));
        const want = fixture(seed.id).claims.map(claimKey);
        for (const k of want) expect(mine, k).toContain(k);
        const extra = [...mine].filter((k) => !want.includes(k));
        // extra claims may only restate a figure the model already holds, or say something in words
        for (const k of extra) expect(k, k).toMatch(/^(?:figure|statement) /);
      });

      it('audits like a careful reviewer (seed-findings.md)', async () => {
        const r = await get();
        expect(findings(r.evaluation)).toEqual(EXPECTED[seed.id]);
        expect(findings(r.evaluation)).toEqual(findings(fixture(seed.id)));
      });

      it('is a valid evaluation model as it stands', async () => {
        const r = await get();
        expect(Evaluation.parse(JSON.parse(JSON.stringify(r.evaluation)))).toEqual(r.evaluation);
      });

      it('points every figure at its source line', async () => {
        const r = await get();
        const ev = r.evaluation;
        expect(Object.keys(ev.provenance).length).toBeGreaterThan(5);
        ev.claims.forEach((_, i) => expect(ev.provenance[`claims.${i}`], `claims.${i}`).toBeDefined());
        for (const [path, ref] of Object.entries(ev.provenance)) {
          expect(ref.file).toBe(seed.path.split('/').pop());
          expect(ref.line, path).toBeGreaterThanOrEqual(1);
          const line = r.lines[ref.line! - 1]!;
          expect(line.length, path).toBeGreaterThan(0);
          expect(ref.end!, path).toBeLessThanOrEqual(line.length);
          expect(ref.start!, path).toBeLessThanOrEqual(ref.end!);
          if (/^funds\.(?:total|basic|project|personnel|operating)\.\w+$/.test(path)) {
            const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], ev) as string;
            expect(line.replace(/\s+/g, ''), path).toContain(value);
          }
        }
        // line numbers are the original file's: the report line quoted is the line in the file
        const raw = readFileSync(seed.path, 'utf8').split('\n');
        expect(r.lines.length).toBe(raw.length);
      });
    });
  }
});
