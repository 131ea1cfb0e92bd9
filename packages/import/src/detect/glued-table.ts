/**
 * A funds table whose cells were run together: a header line of column titles without
 * separators ("全年预算数(A)全年执行数(B)预算执行率(B/A)"), then rows of a label and a run of
 * digits ("年度资金总额:40004000100%") split by `split-glued.ts`, and rows with a label only.
 */
import type { Block, Cell, Row } from '../document/document.js';
import { fundsTable } from '../recognise/funds-table.js';
import { FUNDS_COLUMNS, GLUED_HEADER_TERMS, type FundsColumn } from '../vocab/table-vocab.js';
import { splitGlued } from './split-glued.js';

type Para = Extract<Block, { kind: 'para' }>;

const NOTE = /^[（(][A-Z](?:[/÷][A-Z])?(?:[×*]100%)?[）)]/;
const ROW = /^(.*?[^\d.,%％\s：:])[：:]?\s*([\d.,]+[%％]?)$/;

/** The header's column titles, when the whole text is titles run together (at least two). */
export function splitGluedHeader(text: string): string[] | null {
  const t = text.replace(/\s+/g, '');
  const out: string[] = [];
  let i = 0;
  while (i < t.length) {
    const term = GLUED_HEADER_TERMS.find((x) => t.startsWith(x, i));
    if (!term) return null;
    const note = NOTE.exec(t.slice(i + term.length))?.[0] ?? '';
    out.push(term + note);
    i += term.length + note.length;
  }
  return out.length >= 2 ? out : null;
}

function columnOf(text: string): FundsColumn | null {
  return FUNDS_COLUMNS.find((v) => v.re.test(text))?.key ?? null;
}

/** One row: the label, and the values its run of digits splits into (none when it cannot be split). */
function gluedRow(p: Para, line: string, cols: FundsColumn[]): Row | null {
  const at = line.indexOf(p.text);
  const m = ROW.exec(p.text);
  if (!m) return p.text.length <= 12 && !/\d/.test(p.text) ? { cells: [{ parts: [p.text], line: p.line, start: at, end: at + p.text.length }], line: p.line } : null;
  const label: Cell = { parts: [m[1]!], line: p.line, start: at, end: at + m[1]!.length };
  const values = splitGlued(m[2]!, cols);
  if (!values) return { cells: [label], line: p.line };
  let pos = at + p.text.length - m[2]!.length;
  const cells = values.map((v) => {
    const c: Cell = { parts: [v], line: p.line, start: pos, end: pos + v.length };
    pos += v.length;
    return c;
  });
  return { cells: [label, ...cells], line: p.line };
}

/** A glued table starting at para block i: the block, and how many para blocks it used. */
export function gluedTableAt(lines: string[], blocks: Block[], i: number): { block: Block; used: number } | null {
  const head = blocks[i];
  if (head?.kind !== 'para') return null;
  const titles = splitGluedHeader(head.text);
  if (!titles || !fundsTable.claim(titles)) return null;
  const cols = titles.map(columnOf).filter((c): c is FundsColumn => c !== null);
  const headerCells: Cell[] = titles.map((t) => ({ parts: [t], line: head.line, start: 0, end: 0 }));
  const rows: Row[] = [{ cells: [{ parts: [''], line: head.line, start: 0, end: 0 }, ...headerCells], line: head.line }];
  let k = i + 1;
  for (; k < blocks.length && rows.length <= 12; k++) {
    const b = blocks[k]!;
    const row = b.kind === 'para' ? gluedRow(b, lines[b.line]!, cols) : null;
    if (!row) break;
    rows.push(row);
  }
  return rows.length > 1 ? { block: { kind: 'table', style: 'glued', rows }, used: k - i } : null;
}
