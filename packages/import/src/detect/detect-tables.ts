/**
 * The one table-detection step for text (plain text and PDF text): normalised lines →
 * paragraphs and tables. Shapes: Word's text export, tab-separated rows, Markdown pipes,
 * loose OCR rows, short rows between tables, and tables whose layout was lost (headers and
 * cells run together, a whole table flattened into one line) — see `recover-tables.ts`.
 */
import { isBlank, type Block } from '../document/document.js';
import { WORD_CELL, readWordTable } from './word-table.js';
import { isPipeLine, isTsvLine, readDelimited } from './delimited-rows.js';
import { readLoose, splitLoose } from './loose-rows.js';
import { absorbShortRows } from './absorb-short-rows.js';
import { recoverTables } from './recover-tables.js';

export function detectTables(lines: string[], removed: boolean[], from = 0, to = lines.length, notes: string[] = []): Block[] {
  const blocks: Block[] = [];
  let i = from;
  const view = to === lines.length ? lines : lines.slice(0, to);
  while (i < to) {
    const line = lines[i]!;
    if (removed[i]) {
      i++;
      continue;
    }
    const delimited = WORD_CELL.test(line) ? readWordTable(view, removed, i) : isTsvLine(line) || isPipeLine(line) ? readDelimited(view, removed, i) : null;
    if (!delimited && (isBlank(line) || line.trim() === '')) {
      i++;
      continue;
    }
    const read = delimited ?? looseAt(view, removed, i);
    if (read) {
      blocks.push(read.block);
      i = read.next;
      continue;
    }
    blocks.push({ kind: 'para', line: i, text: line.trim() });
    i++;
  }
  return recoverTables(lines, absorbShortRows(blocks), notes);
}

function looseAt(lines: string[], removed: boolean[], i: number) {
  const first = splitLoose(lines[i]!, i);
  return first ? readLoose(lines, removed, i, first) : null;
}
