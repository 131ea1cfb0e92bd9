/**
 * Word's plain-text export of a table: one cell per line with a leading tab, further
 * paragraphs of a cell on the following lines without a tab, rows separated by a blank line.
 */
import { cellFrom, isBlank, type Block, type Cell, type Row } from '../document/document.js';

export const WORD_CELL = /^\t[^\t]*$/;
const HEADING_LIKE = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/;
/** A caption that starts a new table or annex: the previous table has ended. */
const TABLE_TITLE = /^附(?:件|表)\s*\d*[：:]?$|绩效(?:自评|评价)(?:表|报告)$|基础数据表$|^(?:填表人|填报人|单位负责人)[：:]/;

interface WordState {
  rows: Row[];
  row: Row | null;
  cell: Cell | null;
  contCount: number;
}

/** Is another Word cell line near (within 8 text lines, not past a heading or a caption)? */
function wordCellWithin(lines: string[], removed: boolean[], from: number): boolean {
  let seen = 0;
  for (let j = from; j < lines.length && seen < 8; j++) {
    if (removed[j]) continue;
    const l = lines[j]!;
    if (WORD_CELL.test(l)) return true;
    if (isBlank(l)) continue;
    if (HEADING_LIKE.test(l) && seen > 0) return false;
    if (TABLE_TITLE.test(l.trim())) return false;
    seen++;
  }
  return false;
}

function endRow(s: WordState): void {
  if (s.row && s.row.cells.length > 0) s.rows.push(s.row);
  s.row = null;
  s.cell = null;
}

/** After a blank run: the next line index to read, or -1 when the table has ended there. */
function afterBlank(lines: string[], removed: boolean[], i: number, s: WordState): { next: number; ended: boolean } {
  let j = i;
  while (j < lines.length && (removed[j] || isBlank(lines[j]!))) j++;
  if (j >= lines.length) return { next: j, ended: true };
  if (WORD_CELL.test(lines[j]!)) {
    endRow(s);
    return { next: j, ended: false };
  }
  if (s.cell && wordCellWithin(lines, removed, j)) return { next: j, ended: false };
  return { next: j, ended: true };
}

export function readWordTable(lines: string[], removed: boolean[], start: number): { block: Block; next: number } {
  const s: WordState = { rows: [], row: null, cell: null, contCount: 0 };
  let i = start;
  while (i < lines.length) {
    if (removed[i]) {
      i++;
      continue;
    }
    const line = lines[i]!;
    if (WORD_CELL.test(line)) {
      s.row ??= { cells: [], line: i };
      s.cell = cellFrom(line, i, 1, line.length);
      s.row.cells.push(s.cell);
      s.contCount = 0;
      i++;
      continue;
    }
    if (isBlank(line)) {
      const r = afterBlank(lines, removed, i, s);
      i = r.next;
      if (r.ended) break;
      continue;
    }
    // a line without the leading tab: another paragraph of the current cell
    if (s.cell && s.contCount < 8 && (s.contCount < 2 || wordCellWithin(lines, removed, i + 1))) {
      s.cell.parts.push(line.trim());
      s.contCount++;
      i++;
      continue;
    }
    break;
  }
  endRow(s);
  return { block: { kind: 'table', style: 'word', rows: s.rows }, next: i };
}
