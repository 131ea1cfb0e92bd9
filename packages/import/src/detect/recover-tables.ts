/**
 * Tables whose layout was lost on the way to text, recovered from the paragraphs the first
 * detection pass left: cells run together (`glued-table.ts`), and tables flattened into one
 * line or printed one cell per line (`stream-table.ts`). Lines read wholly as a table are
 * replaced by it; a line that also holds other text keeps its paragraph, the table follows it.
 * An indicator table printed one cell a line is rebuilt row by row (`cell-lines-table.ts`).
 */
import type { Block } from '../document/document.js';
import { gluedTableAt, gluedTableInLine } from './glued-table.js';
import { streamTableIn } from './stream-table.js';
import { tokensOf, type Token } from './stream-tokens.js';
import { startsHeader } from './stream-header.js';
import { cellLinesTableAt } from './cell-lines-table.js';
import { TITLE_FIRST_HALF } from '../vocab/table-vocab.js';

type Para = Extract<Block, { kind: 'para' }>;

/** Words one of which any funds header has (a cheap test before the tokens are read). */
const FUNDS_HEADER_HINT = /预算|执行|到位|合计|行次|分值/;

/** A block's lines: a paragraph's, or a loose table's rows (loose rows may be a lost table's cells). */
function linesOf(b: Block): number[] | null {
  if (b.kind === 'para') return [b.line];
  return b.style === 'loose' ? b.rows.map((r) => r.line) : null;
}

/** Consecutive paragraph and loose-row blocks from i (lines at most 3 apart), up to 40 lines. */
function blockRun(blocks: Block[], i: number): Array<{ block: Block; lines: number[] }> {
  const run: Array<{ block: Block; lines: number[] }> = [];
  let last = -1;
  for (let k = i; k < blocks.length && run.length < 40; k++) {
    const lines = linesOf(blocks[k]!);
    if (!lines || (last >= 0 && lines[0]! - last > 3)) break;
    run.push({ block: blocks[k]!, lines });
    last = lines[lines.length - 1]!;
  }
  return run;
}

/** Whether every word of the line was read into the table. */
function wholly(lines: string[], line: number, toks: Token[], from: number, next: number): boolean {
  const all = toks.filter((t) => t.line === line);
  return all.length > 0 && all.every((t) => toks.indexOf(t) >= from && toks.indexOf(t) < next);
}

/** What is left of a block the table read in part: a paragraph not wholly read, a loose table's rows not read. */
function leftOver(r: { block: Block; lines: number[] }, read: (line: number) => boolean): Block | null {
  if (r.block.kind === 'para') return read(r.block.line) ? null : r.block;
  const rows = r.block.rows.filter((row) => !read(row.line));
  return rows.length > 0 ? { ...r.block, rows } : null;
}

function streamAt(lines: string[], blocks: Block[], i: number): { out: Block[]; used: number } | null {
  const first = linesOf(blocks[i]!)![0]!;
  // a table's header starts in this paragraph (or loose row): one of its words names a funds column
  // (or the line is a title's first half alone, completed on the next: "年初" / "预算数")
  const half = TITLE_FIRST_HALF.test(lines[first]!.trim());
  if (!half && !FUNDS_HEADER_HINT.test(lines[first]!)) return null;
  const own = tokensOf(lines, [first]);
  if (!half && !own.some((_, k) => startsHeader(own, k))) return null;
  const run = blockRun(blocks, i);
  const toks = tokensOf(lines, run.flatMap((r) => r.lines));
  const found = streamTableIn(toks, own.length);
  if (!found || toks[found.from]!.line !== first) return null;
  const lastLine = toks[found.next - 1]!.line;
  const used = run.filter((r) => r.lines[0]! <= lastLine);
  const read = (line: number) => wholly(lines, line, toks, found.from, found.next);
  const kept = used.map((r) => leftOver(r, read)).filter((x): x is Block => x !== null);
  const before = kept.filter((k) => k.kind === 'para' && k.line === first);
  return { out: [...before, found.block, ...kept.filter((k) => !before.includes(k))], used: used.length };
}

export function recoverTables(lines: string[], blocks: Block[], notes: string[] = []): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!linesOf(b)) {
      out.push(b);
      continue;
    }
    const cellLines = b.kind === 'para' ? cellLinesTableAt(blocks, i) : null;
    if (cellLines) {
      out.push(cellLines.block);
      notes.push(...cellLines.notes);
      i += cellLines.used - 1;
      continue;
    }
    const glued = b.kind === 'para' ? gluedTableAt(lines, blocks, i) : null;
    const inLine = !glued && b.kind === 'para' ? gluedTableInLine(lines, b) : null;
    const found = glued ? { out: [glued.block], used: glued.used } : inLine ? { out: [inLine, b], used: 1 } : streamAt(lines, blocks, i);
    if (!found) {
      out.push(b);
      continue;
    }
    out.push(...found.out);
    i += found.used - 1;
  }
  return out;
}
