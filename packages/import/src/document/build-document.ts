/**
 * Raw blocks of a reader → the document of blocks. Every text is normalised in one pass (so
 * traditional script or LaTeX debris is handled alike whatever the format). Text lines keep
 * one line per input line and go through the one table-detection step; paragraphs and table
 * rows of structured files each get one rendered line for provenance (cells joined by tabs),
 * while their blocks are built from the cells themselves — the lines are never parsed back.
 */
import { normaliseLines } from '../normalise-text.js';
import { detectTables } from '../detect/detect-tables.js';
import { joinParts, type Block, type Cell, type DocumentOfBlocks, type Row } from './document.js';
import type { RawBlock, RawCell } from './raw-blocks.js';

function collect(raw: RawBlock[]): string[] {
  const texts: string[] = [];
  for (const b of raw) {
    if (b.kind === 'text') texts.push(...b.lines);
    else if (b.kind === 'para') texts.push(b.text);
    else for (const row of b.rows) for (const cell of row) texts.push(...cell.parts);
  }
  return texts;
}

interface Builder {
  notes: string[];
  texts: string[];
  removed: boolean[];
  k: number;
  lines: string[];
  lineRemoved: boolean[];
  pages: number[];
  blocks: Block[];
}

/** The next normalised text of a cell or paragraph, on one line. */
function nextText(b: Builder): string {
  const t = b.texts[b.k] ?? '';
  const gone = b.removed[b.k] ?? false;
  b.k++;
  return gone ? '' : t.replace(/[\t\r\n]+/g, ' ').trim();
}

function pushLine(b: Builder, text: string, removed: boolean, page: number): number {
  b.lines.push(text);
  b.lineRemoved.push(removed);
  b.pages.push(page);
  return b.lines.length - 1;
}

function addText(b: Builder, raw: Extract<RawBlock, { kind: 'text' }>): void {
  const from = b.lines.length;
  raw.lines.forEach((_, i) => {
    const gone = b.removed[b.k] ?? false;
    pushLine(b, b.texts[b.k] ?? '', gone, raw.pages?.[i] ?? 0);
    b.k++;
  });
  b.blocks.push(...detectTables(b.lines, b.lineRemoved, from, b.lines.length, b.notes));
}

function renderRow(b: Builder, cells: RawCell[], page: number): Row | null {
  const lineIndex = b.lines.length;
  let line = '';
  const out: Cell[] = [];
  cells.forEach((raw, i) => {
    const parts = raw.parts.map(() => nextText(b)).filter((p) => p !== '');
    if (i > 0) line += '\t';
    const text = joinParts(parts);
    const cell: Cell = { parts: parts.length ? parts : [''], line: lineIndex, start: line.length, end: line.length + text.length };
    if (raw.colSpan && raw.colSpan > 1) cell.colSpan = raw.colSpan;
    if (raw.rowSpan && raw.rowSpan > 1) cell.rowSpan = raw.rowSpan;
    if (raw.covered) cell.covered = true;
    line += text;
    out.push(cell);
  });
  if (out.every((c) => c.end === c.start)) return null;
  pushLine(b, line, false, page);
  return { cells: out, line: lineIndex };
}

function addTable(b: Builder, raw: Extract<RawBlock, { kind: 'table' }>): void {
  const rows: Row[] = [];
  for (const cells of raw.rows) {
    const r = renderRow(b, cells, raw.page ?? 0);
    if (r) rows.push(r);
  }
  if (rows.length === 0) return;
  b.blocks.push(raw.sheet ? { kind: 'table', style: 'grid', rows, sheet: raw.sheet } : { kind: 'table', style: 'grid', rows });
}

export function buildDocument(raw: RawBlock[], file: string | null, format: string, notes: string[]): DocumentOfBlocks {
  const norm = normaliseLines(collect(raw));
  notes.push(...norm.notes);
  const b: Builder = { notes, texts: norm.lines, removed: norm.removed, k: 0, lines: [], lineRemoved: [], pages: [], blocks: [] };
  for (const r of raw) {
    if (r.kind === 'text') addText(b, r);
    else if (r.kind === 'table') addTable(b, r);
    else {
      const text = nextText(b);
      if (text === '') continue;
      const line = pushLine(b, text, false, 0);
      b.blocks.push(r.sheet ? { kind: 'para', line, text, sheet: r.sheet } : { kind: 'para', line, text });
    }
  }
  const paged = raw.some((r) => (r.kind === 'text' && r.pages) || (r.kind === 'table' && r.page));
  return { file, format, lines: b.lines, removed: b.lineRemoved, pages: paged ? b.pages : null, blocks: b.blocks };
}
