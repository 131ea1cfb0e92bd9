/**
 * One document of blocks — what every reader produces and everything downstream reads
 * (recognisers never look at the source format). Paragraphs and tables (rows × cells,
 * merged cells kept as spans), each with provenance: the line of `lines` it was read from
 * (0-based here, 1-based in the model's provenance) and the offsets within that line.
 *
 * `lines` are the normalised text of the document as a reader sees it: for .txt the file's
 * own lines (one output line per input line, so line numbers match the file), for PDF the
 * text lines of its pages, for .docx/.xlsx/HTML one line per paragraph and per table row
 * (cells separated by tabs) — rendered from the blocks, never parsed back into them.
 */

export interface Cell {
  /** Paragraphs of the cell, in order (usually one). */
  parts: string[];
  /** 0-based line index of the first paragraph, and the offsets of its text in that line. */
  line: number;
  start: number;
  end: number;
  /** Spans of a merged cell, on its anchor cell (tables read from .docx, .xlsx, HTML). */
  colSpan?: number;
  rowSpan?: number;
  /** An empty cell that a merged cell to its left or above covers. */
  covered?: boolean;
}

export interface Row {
  cells: Cell[];
  line: number;
  /** Every cell stands under its header column, blanks included (a row rebuilt cell by cell). */
  placed?: true;
}

/**
 * How a table reached us: Word's plain-text export (`word`), tab-separated (`tsv`),
 * Markdown pipes (`pipe`), loose OCR/PDF rows (`loose`), a table flattened into one line of
 * text (`stream`), cells run together without separators (`glued`), or straight from the
 * cells of a .docx/.xlsx/HTML table (`grid`).
 */
export type TableStyle = 'word' | 'tsv' | 'pipe' | 'loose' | 'stream' | 'glued' | 'grid';

export type Block =
  | { kind: 'para'; line: number; text: string; sheet?: string }
  | { kind: 'table'; style: TableStyle; rows: Row[]; sheet?: string; /** Rows a text layer left that could not be placed under the columns (not read). */ unreadRows?: number };

export interface DocumentOfBlocks {
  /** The file name (no folder), for provenance. */
  file: string | null;
  format: string;
  /** Normalised lines; cells and paragraphs point into them. */
  lines: string[];
  /** Lines that were pure debris (page numbers, bookmarks …), blanked in `lines`. */
  removed: boolean[];
  /** The page each line is on (PDF), when known. */
  pages: number[] | null;
  blocks: Block[];
}

/** Blank line (a row break); a lone tab (an empty cell) or full-width spaces are not blank. */
export function isBlank(line: string): boolean {
  return /^[ \r]*$/.test(line);
}

export function cellText(cell: Cell): string {
  return joinParts(cell.parts);
}

const WIDE_END = /[\u3000-\u9fff\uff00-\uffef（）：；，。、]$/;
const WIDE_START = /^[\u3000-\u9fff\uff00-\uffef（）：；，。、]/;

/** The paragraphs of a cell as one text: CJK pieces joined directly, others with a space. */
export function joinParts(parts: string[]): string {
  let out = '';
  for (const raw of parts) {
    const p = raw.trim();
    if (p === '') continue;
    if (out === '') out = p;
    else if (WIDE_END.test(out) || WIDE_START.test(p)) out += p;
    else out += ' ' + p;
  }
  return out;
}

/** A cell covering `[from, to)` of line `lineIndex`, trimmed. */
export function cellFrom(line: string, lineIndex: number, from: number, to: number): Cell {
  const raw = line.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return { parts: [text], line: lineIndex, start: from + lead, end: from + lead + text.length };
}

/** The whitespace-separated words of a line as cells (PDF text keeps cells apart by spaces). */
export function wordCells(text: string, line: number, offset = 0): Cell[] {
  const cells: Cell[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) cells.push({ parts: [m[0]], line, start: offset + m.index, end: offset + m.index + m[0].length });
  return cells;
}
