/** The seeds' content as paragraphs and tables, to write into generated .docx/.xlsx/.pdf files. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseLines } from '../../src/normalise-text.js';
import { cellText } from '../../src/document/document.js';
import { detectTables as segmentBlocks } from '../../src/detect/detect-tables.js';

/** The reference material next to the repository (not part of it: a plain clone has none). */
export const SHARED_DIR = process.env.JIXIAO_SHARED_DIR ?? join(import.meta.dirname, '../../../../../shared/reference');
export const SEEDS_DIR = join(SHARED_DIR, 'seeds');
export const CORPUS_DIR = join(SHARED_DIR, 'corpus');
export const EXAMPLES_DIR = join(import.meta.dirname, '../../../../examples');
export const HAVE_SEEDS = existsSync(SEEDS_DIR);
export const HAVE_CORPUS = existsSync(CORPUS_DIR);
/** The title suffix of a describe block that reads ../shared/ and is skipped without it. */
export const NEEDS_SHARED = HAVE_SEEDS && HAVE_CORPUS ? '' : '（需要仓库旁的 ../shared/reference，单独克隆的仓库没有它：跳过）';
if (!HAVE_SEEDS || !HAVE_CORPUS) {
  console.warn(`../shared/reference 不在仓库旁（${SHARED_DIR}）：读取种子报告和语料的测试跳过。`);
}

export type Piece = { kind: 'p'; text: string } | { kind: 'table'; rows: string[][] };

export function seedFiles(): Array<{ id: string; path: string }> {
  if (!HAVE_SEEDS) return [];
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.slice(0, 3), path: join(SEEDS_DIR, f) }));
}

/** A cell's text; a number cell keeps only its number (Word's text export may glue the next paragraph to it). */
function cellValue(parts: string[]): string {
  const first = parts.find((p) => p.trim() !== '') ?? '';
  return /^[\s\u3000]*[\d.,%]+[\s\u3000]*$/.test(first) ? first : cellText({ parts, line: 0, start: 0, end: 0 });
}

export function seedPieces(path: string): Piece[] {
  const n = normaliseLines(readFileSync(path, 'utf8').split('\n'));
  const out: Piece[] = [];
  for (const b of segmentBlocks(n.lines, n.removed)) {
    if (b.kind === 'para') out.push({ kind: 'p', text: b.text });
    else out.push({ kind: 'table', rows: b.rows.map((r) => r.cells.map((c) => cellValue(c.parts).replace(/\u3000/g, ' ').trim())) });
  }
  return out;
}

/** Tables as a grid: rows shorter than the widest lose their leading (merged) cells in Word's text export, so pad on the left. */
export function rectangular(pieces: Piece[]): Piece[] {
  return pieces.map((p) => {
    if (p.kind === 'p') return p;
    const width = Math.max(...p.rows.map((r) => r.length));
    return { kind: 'table', rows: p.rows.map((r) => [...Array<string>(width - r.length).fill(''), ...r]) };
  });
}

/** The corpus texts (NNN.txt with a truth file), sorted; none without ../shared/. */
export function corpusFiles(): Array<{ id: string; path: string }> {
  if (!HAVE_CORPUS) return [];
  return readdirSync(CORPUS_DIR)
    .filter((f) => /^\d+\.txt$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), path: join(CORPUS_DIR, f) }));
}
