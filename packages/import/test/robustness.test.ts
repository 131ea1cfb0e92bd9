/** Whatever the text, the importer answers with an evaluation or a typed error — never a crash. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { Evaluation, JxError } from '@jixiao/core';
import { importReport } from '../src/index.js';
import { HAVE_SEEDS, NEEDS_SHARED, seedFiles } from './helpers/seed-content.js';

const seeds = seedFiles().map((s) => readFileSync(s.path, 'utf8').split('\n'));
const junk = ['\t', '　', '——', '/', '（', '）', '：', '%', '≥', '万元', '其中', '占', '的', '。', '；', '1、', '（一）', '一、', '总分', '得分', '$', '\\geq', '|', '<td>', '<table>', '#'];

async function importText(text: string) {
  try {
    return (await importReport({ bytes: new TextEncoder().encode(text), fileName: 'fuzz.txt' })).evaluation;
  } catch (e) {
    expect(e).toBeInstanceOf(JxError);
    return null;
  }
}

describe.skipIf(!HAVE_SEEDS)(`robustness on mutilated seed reports${NEEDS_SHARED}`, () => {
  it('mutilated seed reports: lines dropped, repeated, shuffled, debris inserted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...junk), fc.constantFrom('drop', 'dup', 'insert', 'swap', 'cut')), { maxLength: 25 }),
        async (which, edits) => {
          const lines = [...seeds[which]!];
          for (const [a, b, piece, op] of edits) {
            if (lines.length === 0) break;
            const i = a % lines.length;
            const j = b % lines.length;
            if (op === 'drop') lines.splice(i, 1);
            else if (op === 'dup') lines.splice(i, 0, lines[j]!);
            else if (op === 'swap') [lines[i], lines[j]] = [lines[j]!, lines[i]!];
            else if (op === 'cut') lines[i] = lines[i]!.slice(0, b % (lines[i]!.length + 1));
            else {
              const l = lines[i]!;
              const at = b % (l.length + 1);
              lines[i] = l.slice(0, at) + piece + l.slice(at);
            }
          }
          const ev = await importText(lines.join('\n'));
          if (ev) expect(Evaluation.safeParse(ev).success).toBe(true);
        },
      ),
      { numRuns: 60, seed: 20231122 },
    );
  });

});

describe('robustness', () => {
  it('random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...junk), fc.string({ maxLength: 12 }), fc.integer().map(String)), { maxLength: 200 }), async (parts) => {
        const ev = await importText(parts.join(''));
        if (ev) expect(Evaluation.safeParse(ev).success).toBe(true);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('random bytes under document names, and zips of random parts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom('a.docx', 'a.xlsx', 'a.pdf', 'a.txt', 'a.json', 'a.html', 'a'),
        fc.boolean(),
        async (body, name, zipped) => {
          let bytes: Uint8Array = body;
          if (zipped) bytes = zipSync({ '[Content_Types].xml': body, [name.endsWith('xlsx') ? 'xl/workbook.xml' : 'word/document.xml']: body });
          else if (name.endsWith('pdf')) bytes = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...body]);
          try {
            const r = await importReport({ bytes, fileName: name }, { timeoutMs: 5000 });
            expect(Evaluation.safeParse(r.evaluation).success).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(JxError);
          }
        },
      ),
      { numRuns: 80, seed: 11 },
    );
  });
});
