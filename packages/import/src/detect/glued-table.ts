/**
 * A funds table whose cells were run together: a header line of column titles without
 * separators ("全年预算数(A)全年执行数(B)预算执行率(B/A)"), then rows of a label and a run of
 * digits ("年度资金总额:40004000100%") split by `split-glued.ts`, and rows with a label only.
 */
import type { Block, Cell, Row } from '../document/document.js';
import { fundsRowKey, fundsTable } from '../recognise/funds-table.js';
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

/** The titles run together from `from` in t, as far as they go (at least two), and where they end. */
function gluedHeaderFrom(t: string, from: number): { titles: string[]; end: number } | null {
  const titles: string[] = [];
  let i = from;
  for (;;) {
    const term = GLUED_HEADER_TERMS.find((x) => t.startsWith(x, i));
    if (!term) break;
    const note = NOTE.exec(t.slice(i + term.length))?.[0] ?? '';
    titles.push(term + note);
    i += term.length + note.length;
  }
  return titles.length >= 2 ? { titles, end: i } : null;
}

/** Where a title may start a header run together in a line. */
const GLUED_TERM = new RegExp(GLUED_HEADER_TERMS.join('|'), 'g');

/** A row in a line: a label and its run of digits ("其中:中央补助194.9194.9100%"). */
const ROW_IN_LINE = /\s*((?:其中[：:])?[^\d%％\s]{2,30}?)[：:]?\s*(\d[\d.,]*[%％]?)/y;

/**
 * A whole form run together in one line, as document sites give a .docx ("…项目资金(万元)全年预算数(A)
 * 全年执行数(B)执行率(B/A)年度资金总额194.9194.9100%其中:中央补助194.9194.9100%其他资金年度总体目标…"):
 * the titles, then each label with its run of digits, while the labels name funds rows. The line
 * keeps its paragraph (its other text is read as prose), after the table (so a cut in it is still seen).
 */
export function gluedTableInLine(lines: string[], p: Para): Block | null {
  const t = p.text;
  if (t.length <= 80 || /\s{2}/.test(t) || !/执行(?:数|率|资金)/.test(t)) return null;
  for (const m of t.matchAll(GLUED_TERM)) {
    const head = gluedHeaderFrom(t, m.index);
    if (!head || !fundsTable.claim(head.titles)) continue;
    const cols = head.titles.map(columnOf).filter((c): c is FundsColumn => c !== null);
    const rows: Row[] = [{ cells: [{ parts: [''], line: p.line, start: 0, end: 0 }, ...head.titles.map((x) => ({ parts: [x], line: p.line, start: 0, end: 0 }))], line: p.line }];
    ROW_IN_LINE.lastIndex = head.end;
    let r: RegExpExecArray | null;
    while (rows.length <= 12 && (r = ROW_IN_LINE.exec(t)) !== null) {
      if (!fundsRowKey(r[1]!.replace(/^其中[：:]/, ''))) break;
      const row = gluedRow({ kind: 'para', line: p.line, text: `${r[1]}${r[2]}` }, lines[p.line]!, cols);
      if (!row || row.cells.length < 2) break;
      rows.push(row);
    }
    return rows.length > 1 ? { kind: 'table', style: 'glued', rows } : null;
  }
  return null;
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
