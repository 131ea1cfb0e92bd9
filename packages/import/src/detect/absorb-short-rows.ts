/**
 * Text tables lose rows whose other cells were empty (PDF text and spreadsheets drop empty
 * cells): a short line between two tables is a row of them ("其他资金：11.25",
 * "1、公务用车购置和维护经费"); a header line just above a table belongs to it; two tables of
 * the same style in a row are one.
 */
import { wordCells, type Block, type Row } from '../document/document.js';
import { splitLoose } from './loose-rows.js';
import { isShortRow } from '../vocab/table-vocab.js';

type Para = Extract<Block, { kind: 'para' }>;
type Table = Extract<Block, { kind: 'table' }>;

function shortRowCells(p: Para): Row {
  const cells = wordCells(p.text, p.line);
  return { cells: cells.length ? cells : [{ parts: [p.text], line: p.line, start: 0, end: p.text.length }], line: p.line };
}

/** Short paragraphs between two tables: rows of the first, followed by the second's rows; else 0. */
function bridge(blocks: Block[], i: number, prev: Table): number {
  let j = i;
  while (j < blocks.length && j - i < 6 && blocks[j]!.kind === 'para' && isShortRow((blocks[j] as Para).text)) j++;
  const next = blocks[j];
  if (j === i || next?.kind !== 'table') return 0;
  for (let k = i; k < j; k++) prev.rows.push(shortRowCells(blocks[k] as Para));
  prev.rows.push(...next.rows);
  return j + 1 - i;
}

/** A header line (and its wrapped tail) just above table `b`: taken into it; true when done. */
function takeHeaderAbove(out: Block[], b: Table): boolean {
  let k = out.length;
  while (k > 0 && out.length - k < 3 && out[k - 1]!.kind === 'para' && isShortRow((out[k - 1] as Para).text)) k--;
  for (; k < out.length; k++) {
    const p = out[k] as Para;
    const head = splitLoose(p.text, p.line);
    if (head && head.every((c) => !/\d/.test(c.parts[0]!))) break;
  }
  if (k >= out.length) return false;
  const taken = out.splice(k) as Para[];
  const rows = taken.map((p, idx) => (idx === 0 ? { cells: splitLoose(p.text, p.line)!, line: p.line } : shortRowCells(p)));
  const merged: Table = { ...b, rows: [...rows, ...b.rows] };
  const before = out[out.length - 1];
  if (before?.kind === 'table' && before.style === b.style) before.rows.push(...merged.rows);
  else out.push(merged);
  return true;
}

export function absorbShortRows(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i]!;
    const prev = out[out.length - 1];
    if (b.kind === 'para' && prev?.kind === 'table' && prev.style !== 'grid') {
      const used = bridge(blocks, i, prev);
      if (used > 0) {
        i += used;
        continue;
      }
    }
    if (b.kind === 'table' && b.style !== 'grid' && takeHeaderAbove(out, b)) {
      i++;
      continue;
    }
    if (b.kind === 'table' && prev?.kind === 'table' && prev.style === b.style && b.style !== 'grid') {
      prev.rows.push(...b.rows);
      i++;
      continue;
    }
    out.push(b.kind === 'table' ? { ...b, rows: [...b.rows] } : b);
    i++;
  }
  return out;
}
