/** Tables whose cells are delimited: tab-separated rows and Markdown pipe rows. */
import { cellFrom, isBlank, type Block, type Cell, type Row } from '../document/document.js';
import { WORD_CELL } from './word-table.js';

/** A Markdown-ish pipe row: "| a | b |", or without its leading pipe as some sites print it ("a | b |"). */
export const PIPE_ROW = /^\s*\|.*\|\s*$|^[^|]+\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function isTsvLine(line: string): boolean {
  return /[^\t]\t|\t[^\t]*\t/.test(line) && !WORD_CELL.test(line);
}

export function isPipeLine(line: string): boolean {
  return PIPE_ROW.test(line) && line.split('|').length >= 3;
}

export function splitTsv(line: string, lineIndex: number): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  for (let k = 0; k <= line.length; k++) {
    if (k === line.length || line[k] === '\t') {
      cells.push(cellFrom(line, lineIndex, from, k));
      from = k + 1;
    }
  }
  return cells;
}

export function splitPipe(line: string, lineIndex: number): Cell[] {
  const first = line.indexOf('|');
  const last = line.lastIndexOf('|');
  const cells: Cell[] = [];
  // a first cell printed before the first pipe
  if (line.slice(0, first).trim() !== '') cells.push(cellFrom(line, lineIndex, 0, first));
  let from = first + 1;
  for (let k = first + 1; k <= last; k++) {
    if (line[k] === '|' && line[k - 1] !== '\\') {
      cells.push(cellFrom(line, lineIndex, from, k));
      from = k + 1;
    }
  }
  return cells;
}

/** Rows of a tab- or pipe-delimited table from line `start`; one or two blank lines inside are allowed. */
export function readDelimited(lines: string[], removed: boolean[], start: number): { block: Block; next: number } {
  const pipe = PIPE_ROW.test(lines[start]!);
  const isRow = (l: string) => (pipe ? PIPE_ROW.test(l) : isTsvLine(l));
  const rows: Row[] = [];
  let i = start;
  while (i < lines.length) {
    if (removed[i]) {
      i++;
      continue;
    }
    const l = lines[i]!;
    if (isRow(l)) {
      if (!(pipe && PIPE_SEPARATOR.test(l))) rows.push({ cells: pipe ? splitPipe(l, i) : splitTsv(l, i), line: i });
      i++;
      continue;
    }
    if (!isBlank(l)) break;
    let j = i;
    while (j < lines.length && (removed[j] || isBlank(lines[j]!))) j++;
    if (!(j < lines.length && j - i <= 2 && isRow(lines[j]!))) break;
    i = j;
  }
  return { block: { kind: 'table', style: pipe ? 'pipe' : 'tsv', rows }, next: i };
}
