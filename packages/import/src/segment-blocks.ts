/**
 * Normalised lines → paragraphs and tables. Table shapes recognised:
 * - Word's plain-text export: one cell per line with a leading tab, extra paragraphs of a
 *   cell on following lines without a tab, rows separated by a blank line;
 * - tab-separated rows (also what our .docx/.xlsx/.pdf readers emit);
 * - Markdown pipe tables;
 * - loose rows from PDF/OCR text: a label followed only by numbers, or cells split by runs
 *   of two or more spaces.
 */

export interface Cell {
  /** Paragraphs of the cell, in order (usually one). */
  parts: string[];
  /** 0-based line index of the first paragraph, and the offsets of its text in that line. */
  line: number;
  start: number;
  end: number;
}

export interface Row {
  cells: Cell[];
  line: number;
}

export type Block =
  | { kind: 'para'; line: number; text: string }
  | { kind: 'table'; style: 'word' | 'tsv' | 'pipe' | 'loose'; rows: Row[] };

const WORD_CELL = /^\t[^\t]*$/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** A caption that starts a new table or annex: the previous table has ended. */
const TABLE_TITLE = /^附(?:件|表)\s*\d*[：:]?$|绩效(?:自评|评价)(?:表|报告)$|基础数据表$|^(?:填表人|填报人|单位负责人)[：:]/;
const HEADING_LIKE = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/;
const LOOSE_NUM = /^[≥≤><=]?(?:-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(?:%|分|万元|元)?$|^[—–\-/]{1,2}$/;
/** Words of column headers in general (base-data sheet, funds block, indicator table). */
const HEADERISH = /指标|分值|得分|预算数|执行数|执行率|完成值|指标值|原因|编制|在职|人数|控制率|决算数|规模|投资/;
const HEADER_WORDS = /^(?:指标|指标名称|一级指标|二级指标|三级指标|权重|分值|权重分值|得分|得分率|年初预算数|全年预算数|全年执行数|执行率|年度指标值|实际完成值|指标值|完成值|项目|金额|合计|偏差原因(?:分析)?(?:及改进措施)?|备注|计量单位|指标性质|指标方向)$/;

/** Blank line (a row break); a lone tab (an empty cell) or full-width spaces are not blank. */
export function isBlank(line: string): boolean {
  return /^[ \r]*$/.test(line);
}

export function cellText(cell: Cell): string {
  return joinParts(cell.parts);
}

export function joinParts(parts: string[]): string {
  let out = '';
  for (const raw of parts) {
    const p = raw.trim();
    if (p === '') continue;
    if (out === '') out = p;
    else if (/[\u3000-\u9fff\uff00-\uffef（）：；，。、]$/.test(out) || /^[\u3000-\u9fff\uff00-\uffef（）：；，。、]/.test(p)) out += p;
    else out += ' ' + p;
  }
  return out;
}

function cellFrom(line: string, lineIndex: number, from: number, to: number): Cell {
  const raw = line.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return { parts: [text], line: lineIndex, start: from + lead, end: from + lead + text.length };
}

function splitTsv(line: string, lineIndex: number): Cell[] {
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

function splitPipe(line: string, lineIndex: number): Cell[] {
  const first = line.indexOf('|');
  const last = line.lastIndexOf('|');
  const cells: Cell[] = [];
  let from = first + 1;
  for (let k = first + 1; k <= last; k++) {
    if (line[k] === '|' && line[k - 1] !== '\\') {
      cells.push(cellFrom(line, lineIndex, from, k));
      from = k + 1;
    }
  }
  return cells;
}

/** Cells of a loose row, or null if the line does not look like one. */
export function splitLoose(line: string, lineIndex: number): Cell[] | null {
  const t = line.trim();
  if (t.length === 0 || t.length > 160 || /[。；]/.test(t)) return null;
  const tokens: Array<{ s: string; i: number }> = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) tokens.push({ s: m[0], i: m.index });
  if (tokens.length < 3) return null;
  const headerish = tokens.filter((x) => HEADER_WORDS.test(x.s)).length;
  const header =
    (headerish >= 3 && headerish >= tokens.length * 0.6) ||
    (tokens.every((x) => x.s.length <= 14 && !LOOSE_NUM.test(x.s)) && tokens.filter((x) => HEADERISH.test(x.s)).length >= 2);
  // a row: the last two tokens are numbers (weight and score, budget and actual …)
  const n = tokens.length;
  const allNumbers = tokens.every((x) => LOOSE_NUM.test(x.s));
  const row = LOOSE_NUM.test(tokens[n - 1]!.s) && LOOSE_NUM.test(tokens[n - 2]!.s) && (allNumbers || !LOOSE_NUM.test(tokens[0]!.s));
  if (!header && !row) return null;
  return tokens.map((x) => ({ parts: [x.s], line: lineIndex, start: x.i, end: x.i + x.s.length }));
}

function isTsvLine(line: string): boolean {
  return /[^\t]\t|\t[^\t]*\t/.test(line) && !WORD_CELL.test(line);
}

export function segmentBlocks(lines: string[], removed: boolean[]): Block[] {
  const blocks: Block[] = [];
  const n = lines.length;
  let i = 0;
  const nextContent = (from: number): number => {
    let j = from;
    while (j < n && (removed[j] || isBlank(lines[j]!))) j++;
    return j;
  };
  while (i < n) {
    if (removed[i]) {
      i++;
      continue;
    }
    const line = lines[i]!;
    if (WORD_CELL.test(line)) {
      const r = readWordTable(lines, removed, i);
      blocks.push(r.block);
      i = r.next;
      continue;
    }
    if (isTsvLine(line) || (PIPE_ROW.test(line) && line.split('|').length >= 3)) {
      const pipe = PIPE_ROW.test(line);
      const rows: Row[] = [];
      while (i < n) {
        if (removed[i]) {
          i++;
          continue;
        }
        const l = lines[i]!;
        if (pipe ? PIPE_ROW.test(l) : isTsvLine(l)) {
          if (!(pipe && PIPE_SEPARATOR.test(l))) {
            rows.push({ cells: pipe ? splitPipe(l, i) : splitTsv(l, i), line: i });
          }
          i++;
          continue;
        }
        if (isBlank(l)) {
          const j = nextContent(i);
          if (j < n && j - i <= 2 && (pipe ? PIPE_ROW.test(lines[j]!) : isTsvLine(lines[j]!))) {
            i = j;
            continue;
          }
        }
        break;
      }
      blocks.push({ kind: 'table', style: pipe ? 'pipe' : 'tsv', rows });
      continue;
    }
    if (isBlank(line) || line.trim() === '') {
      i++;
      continue;
    }
    const loose = splitLoose(line, i);
    if (loose) {
      const rows: Row[] = [{ cells: loose, line: i }];
      let j = i + 1;
      while (j < n) {
        if (removed[j] || isBlank(lines[j]!)) {
          j++;
          continue;
        }
        const c = splitLoose(lines[j]!, j);
        if (!c) break;
        rows.push({ cells: c, line: j });
        j++;
      }
      // one loose row makes a table when it ends in numbers (a header alone does not)
      if (rows.length >= 2 || (rows.length === 1 && !loose.every((c) => HEADER_WORDS.test(c.parts[0]!)))) {
        blocks.push({ kind: 'table', style: 'loose', rows });
        i = j;
        continue;
      }
    }
    blocks.push({ kind: 'para', line: i, text: line.trim() });
    i++;
  }
  return absorbShortRows(blocks);
}

/**
 * A short line between two tables is a table row whose other cells were empty (PDF text and
 * spreadsheets drop empty cells): "其他资金：11.25", "1、公务用车购置和维护经费", "绩效指标".
 */
function absorbShortRows(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i]!;
    const prev = out[out.length - 1];
    if (b.kind === 'para' && prev?.kind === 'table') {
      let j = i;
      while (j < blocks.length && j - i < 6 && blocks[j]!.kind === 'para' && isShortRow((blocks[j] as { text: string }).text)) j++;
      const next = blocks[j];
      if (j > i && next?.kind === 'table') {
        for (let k = i; k < j; k++) {
          const p = blocks[k] as { kind: 'para'; line: number; text: string };
          prev.rows.push({ cells: splitWords(p.text, p.line), line: p.line });
        }
        prev.rows.push(...next.rows);
        i = j + 1;
        continue;
      }
    }
    // a header line (and its wrapped tail) just above a table belongs to it
    if (b.kind === 'table') {
      let k = out.length;
      while (k > 0 && out.length - k < 3 && out[k - 1]!.kind === 'para' && isShortRow((out[k - 1] as { text: string }).text)) k--;
      for (; k < out.length; k++) {
        const p = out[k] as { kind: 'para'; line: number; text: string };
        const head = splitLoose(p.text, p.line);
        if (head && head.every((c) => !/\d/.test(c.parts[0]!))) break;
      }
      if (k < out.length) {
        const taken = out.splice(k) as Array<{ kind: 'para'; line: number; text: string }>;
        const rows = taken.map((p, idx) => ({ cells: idx === 0 ? splitLoose(p.text, p.line)! : splitWords(p.text, p.line), line: p.line }));
        const merged: Block = { ...b, rows: [...rows, ...b.rows] };
        const before = out[out.length - 1];
        if (before?.kind === 'table' && before.style === b.style) before.rows.push(...merged.rows as Row[]);
        else out.push(merged);
        i++;
        continue;
      }
    }
    if (b.kind === 'table' && prev?.kind === 'table' && prev.style === b.style) {
      prev.rows.push(...b.rows);
      i++;
      continue;
    }
    out.push(b.kind === 'table' ? { ...b, rows: [...b.rows] } : b);
    i++;
  }
  return out;
}

/** Cells of a short line inside a table: its words (PDF text keeps cells apart by spaces). */
function splitWords(text: string, line: number): Cell[] {
  const cells: Cell[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) cells.push({ parts: [m[0]], line, start: m.index, end: m.index + m[0].length });
  return cells.length ? cells : [{ parts: [text], line, start: 0, end: text.length }];
}

function isShortRow(text: string): boolean {
  // captions ("各项指标得分情况", "…如下：") introduce a table; they are not rows of one
  return text.length <= 40 && !/[。；]/.test(text) && !/^附(?:件|表)|绩效(?:自评|评价)(?:表|报告)$|基础数据表$|(?:情况|表|如下|统计|明细)[：:]?$/.test(text);
}

function readWordTable(lines: string[], removed: boolean[], start: number): { block: Block; next: number } {
  const n = lines.length;
  const rows: Row[] = [];
  let row: Row | null = null;
  let cell: Cell | null = null;
  let contCount = 0;
  let i = start;
  const endRow = () => {
    if (row && row.cells.length > 0) rows.push(row);
    row = null;
    cell = null;
  };
  const wordCellWithin = (from: number): boolean => {
    let seen = 0;
    for (let j = from; j < n && seen < 8; j++) {
      if (removed[j]) continue;
      const l = lines[j]!;
      if (WORD_CELL.test(l)) return true;
      if (isBlank(l)) continue;
      if (HEADING_LIKE.test(l) && seen > 0) return false;
      if (TABLE_TITLE.test(l.trim())) return false;
      seen++;
    }
    return false;
  };
  while (i < n) {
    if (removed[i]) {
      i++;
      continue;
    }
    const line = lines[i]!;
    if (WORD_CELL.test(line)) {
      if (!row) row = { cells: [], line: i };
      cell = cellFrom(line, i, 1, line.length);
      row.cells.push(cell);
      contCount = 0;
      i++;
      continue;
    }
    if (isBlank(line)) {
      let j = i;
      while (j < n && (removed[j] || isBlank(lines[j]!))) j++;
      if (j >= n) {
        i = j;
        break;
      }
      if (WORD_CELL.test(lines[j]!)) {
        endRow();
        i = j;
        continue;
      }
      if (cell && wordCellWithin(j)) {
        i = j;
        continue;
      }
      i = j;
      break;
    }
    // a line without the leading tab: another paragraph of the current cell
    if (cell && contCount < 8 && (contCount < 2 || wordCellWithin(i + 1))) {
      (cell as Cell).parts.push(line.trim());
      contCount++;
      i++;
      continue;
    }
    break;
  }
  endRow();
  return { block: { kind: 'table', style: 'word', rows }, next: i };
}
