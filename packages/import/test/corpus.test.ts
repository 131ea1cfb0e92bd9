/**
 * The real published texts of ../shared/reference/corpus (see its README): the importer and
 * auditor meet the bar of issue 10 — the right kind for every text, ≥ 95% of the figures read,
 * ≥ 95% of the hand-found problems found, no error about numbers on a text without errors —
 * and whatever is done to a text (cut at every 50th character, cells shuffled) the answer is an
 * evaluation or a typed error, never a crash. Scored as `npm run corpus` scores it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Evaluation, JxError, auditEvaluation } from '@jixiao/core';
import { importReport } from '../src/index.js';
import { CORPUS_DIR, HAVE_CORPUS, NEEDS_SHARED, corpusFiles } from './helpers/seed-content.js';
import { scoreCorpus, totalsOf } from '../../../bench/corpus-score.js';

const texts = corpusFiles().map((f) => ({ id: f.id, text: readFileSync(f.path, 'utf8') }));

async function importsOrRefuses(text: string, name = 'cut.txt'): Promise<void> {
  try {
    const r = await importReport({ bytes: new TextEncoder().encode(text), fileName: name }, { timeoutMs: 10_000 });
    for (const ev of r.evaluations) {
      expect(Evaluation.safeParse(ev).success).toBe(true);
      auditEvaluation(ev);
    }
  } catch (e) {
    expect(e).toBeInstanceOf(JxError);
  }
}

describe.skipIf(!HAVE_CORPUS)(`the published corpus${NEEDS_SHARED}`, () => {
  it('kind right for every text, ≥ 95% of figures and keyed findings, no error about numbers where there is none', async () => {
    const scores = await scoreCorpus(CORPUS_DIR);
    const t = totalsOf(scores);
    expect(scores.filter((s) => s.failure)).toEqual([]);
    expect(t.kinds[0], scores.filter((s) => !s.kind.right).map((s) => s.id).join(' ')).toBe(t.kinds[1]);
    expect(t.figures[0] / t.figures[1], scores.flatMap((s) => s.missedFigures.map((m) => `${s.id} ${m}`)).join('; ')).toBeGreaterThanOrEqual(0.95);
    expect(t.keyed[0] / t.keyed[1], scores.flatMap((s) => s.missedKeys.map((m) => `${s.id} ${m}`)).join('; ')).toBeGreaterThanOrEqual(0.95);
    expect(scores.flatMap((s) => s.numberErrors.map((e) => `${s.id} ${e}`))).toEqual([]);
  }, 120_000);

  it('every text cut at every 50th character imports or is refused with a typed error', async () => {
    for (const { text } of texts) {
      for (let at = 50; at < text.length; at += 50) await importsOrRefuses(text.slice(0, at));
    }
  }, 120_000);

  it('cells shuffled within their rows (pipes, tabs and spaces) import or are refused with a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: Math.max(0, texts.length - 1) }), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), async (which, picks) => {
        const lines = texts[which]!.text.split('\n').map((line, i) => {
          const sep = line.includes('|') ? '|' : line.includes('\t') ? '\t' : ' ';
          const cells = line.split(sep);
          for (let k = cells.length - 1; k > 0; k--) {
            const j = (picks[(i + k) % picks.length] ?? 0) % (k + 1);
            [cells[k], cells[j]] = [cells[j]!, cells[k]!];
          }
          return cells.join(sep);
        });
        await importsOrRefuses(lines.join('\n'));
      }),
      { numRuns: 60, seed: 20261129 },
    );
  }, 120_000);
});
