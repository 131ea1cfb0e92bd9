/**
 * A funds table whose layout was lost — flattened into one line of text, or printed one cell
 * per line — read from its tokens: the header (`stream-header.ts`), then rows of a label and
 * its values. A row's label may come after its numbers or be lost (the first row is then the
 * total, as the funds recogniser reads it); text between the values of a row that is not yet
 * complete is another column interleaved by the PDF, and is skipped. Row numbering (行次/列次)
 * is left out. The table ends at a long run of text.
 */
import type { Block, Cell, Row } from '../document/document.js';
import { fundsRowKey } from '../recognise/funds-table.js';
import type { FundsColumn } from '../vocab/table-vocab.js';
import { headerAt, type StreamHeader } from './stream-header.js';
import { isUnitToken, isValueToken, type Token } from './stream-tokens.js';

const OPTIONAL = new Set<FundsColumn>(['part', 'skip', 'rowNo']);
const MAX_LABEL_TOKENS = 8;
const MAX_ROWS = 15;

interface StreamRow {
  label: Token[];
  values: Token[];
}

function cellOf(t: Token): Cell {
  return { parts: [t.text], line: t.line, start: t.start, end: t.end };
}

/** The row's label cell: the shortest tail of its words that names a funds row, else all of them. */
function labelCell(label: Token[]): Cell | null {
  if (label.length === 0) return null;
  let from = 0;
  for (let k = 0; k < label.length; k++) {
    if (fundsRowKey(label.slice(k).map((t) => t.text).join('').replace(/[:：]$/, ''))) {
      from = k;
      break;
    }
  }
  const words = label.slice(from);
  const first = words[0]!;
  const sameLine = words.every((t) => t.line === first.line);
  return { parts: [words.map((t) => t.text).join(' ')], line: first.line, start: first.start, end: sameLine ? words[words.length - 1]!.end : first.end };
}

/** Numbering rows ("列次 0 1 2 3 …", "行次 1 2 …") are not data. */
function isNumbering(r: StreamRow): boolean {
  if (r.label.some((t) => /^(?:列次|栏次|行次|序号)$/.test(t.text))) return true;
  const v = r.values.map((t) => t.text);
  return v.length >= 3 && v.every((x, i) => /^\d+$/.test(x) && Number(x) === Number(v[0]) + i);
}

function required(h: StreamHeader): number {
  return h.cols.filter((c) => c !== null && !OPTIONAL.has(c)).length;
}

/** Rows after the header, and the index of the first token not used. */
function readRows(toks: Token[], h: StreamHeader): { rows: StreamRow[]; next: number } {
  const rows: StreamRow[] = [];
  let cur: StreamRow = { label: [], values: [] };
  let j = h.next;
  for (; j < toks.length && rows.length < MAX_ROWS; j++) {
    const t = toks[j]!;
    if (isUnitToken(t.text)) continue;
    if (isValueToken(t.text)) {
      cur.values.push(t);
      continue;
    }
    if (cur.values.length === 0) {
      if (cur.label.length >= MAX_LABEL_TOKENS) break;
      cur.label.push(t);
      continue;
    }
    // text between the values of a row not yet complete, on its line: another column interleaved by the PDF
    if (cur.values.length < required(h) && t.line === cur.values[0]!.line && !fundsRowKey(t.text)) continue;
    rows.push(cur);
    cur = { label: [t], values: [] };
  }
  if (cur.values.length > 0) rows.push(cur);
  else j -= cur.label.length;
  return { rows: rows.filter((r) => !isNumbering(r)), next: j };
}

export interface StreamTable {
  block: Block;
  /** Tokens [from, next) were read as the table. */
  from: number;
  next: number;
}

/** The first funds table whose header starts in the first `starts` tokens, or null. */
export function streamTableIn(toks: Token[], starts = toks.length): StreamTable | null {
  for (let i = 0; i < Math.min(starts, toks.length); i++) {
    const h = headerAt(toks, i);
    if (!h) continue;
    const { rows, next } = readRows(toks, h);
    if (rows.length === 0) continue;
    // a first, empty column for the row labels (its title says when amounts are in 元)
    const line = h.cells[0]!.line;
    const header: Row = { cells: [{ parts: [h.yuan ? '（元）' : ''], line, start: h.cells[0]!.start, end: h.cells[0]!.start }, ...h.cells.map(cellOf)], line };
    const body: Row[] = rows.map((r) => {
      const label = labelCell(r.label);
      return { cells: [label ?? { parts: [''], line: r.values[0]!.line, start: r.values[0]!.start, end: r.values[0]!.start }, ...r.values.map(cellOf)], line: (r.label[0] ?? r.values[0]!).line };
    });
    return { block: { kind: 'table', style: 'stream', rows: [header, ...body] }, from: i, next };
  }
  return null;
}
