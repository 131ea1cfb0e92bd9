/**
 * An indicator table printed one cell a line — a form copied out of a PDF, or a web page that
 * kept each cell as a paragraph: its column titles one a line (a title wrapped in its cell is
 * joined again: "年度" / "指标值"), then its cells. The rows are rebuilt from what the cells are:
 * a level-1 or level-2 name opens its row (a merged cell, printed once), a 三级 name opens a
 * leaf's, and the leaf's values follow in the header's order. A text layer drops empty cells, so
 * a leaf's values are placed only when there are as many as the header has value columns and its
 * 分值 and 得分 are numbers; a leaf that does not fit is left out with a note (never guessed),
 * and a template's empty lines ("指标2", "……") are skipped. A 合计 row ends the table.
 */
import type { Block, Cell, Row } from '../document/document.js';
import { isBlankCell, parseCellNumber } from '../parse-number.js';
import { indicatorTable } from '../recognise/indicator-table.js';
import { INDICATOR_COLUMNS, LEVEL1_NAME, TITLE_FIRST_HALF, TOTAL_ROW, type IndicatorColumn } from '../vocab/table-vocab.js';

type Para = Extract<Block, { kind: 'para' }>;

const MAX_TITLE = 16;
const MAX_CELLS = 400;
const LEVEL2_NAME =
  /^(?:数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|社会公众满意度|满意度)指标(?:[（(]\d+(?:\.\d+)?分[）)])?$/;
/** A template's line left unfilled: "指标2", "……". */
const PLACEHOLDER = /^(?:指标\d*|[…．.。·]+|—+|-+)$/;
/** Where the form goes on after the table. */
const AFTER_TABLE = /^(?:评价结论|存在问题|改进措施|项目负责人|财务负责人|填报人|单位负责人|联系电话|[一二三四五六七八九十]+、)/;

/** The first column of an indicator table: 一级指标 (or 三级指标 where the levels are not printed). */
const FIRST_TITLE = /^(?:一级指标|三级指标|指标名称)$/;

function columnOf(text: string): IndicatorColumn | null {
  const s = text.replace(/\s+/g, '');
  if (s === '' || s.length > MAX_TITLE) return null;
  return INDICATOR_COLUMNS.find((c) => c.re.test(s))?.key ?? null;
}

/** Consecutive paragraph blocks from i, up to MAX_CELLS (blank lines between them: empty cells, or a page's spacing). */
function paraRun(blocks: Block[], i: number): Para[] {
  const run: Para[] = [];
  for (let k = i; k < blocks.length && run.length < MAX_CELLS; k++) {
    const b = blocks[k]!;
    if (b.kind !== 'para' || (run.length > 0 && b.line - run[run.length - 1]!.line > 24)) break;
    run.push(b);
  }
  return run;
}

/** The column titles from the run's start: one a line, wrapped ones joined ("实际" + "完成值"). */
function headerOf(run: Para[]): { titles: Cell[]; cols: IndicatorColumn[]; next: number } | null {
  const titles: Cell[] = [];
  const cols: IndicatorColumn[] = [];
  let k = 0;
  while (k < run.length && run[k]!.text.length <= MAX_TITLE) {
    const t = run[k]!.text.trim();
    const next = run[k + 1]?.text.trim() ?? '';
    let col = columnOf(t);
    let width = 1;
    const joined = next !== '' && next.length <= MAX_TITLE ? columnOf(t + next) : null;
    // a title's first half ("年度", "实际"), or a title whose second half names it better ("年初" + "指标值")
    if (joined !== null && (col === null || TITLE_FIRST_HALF.test(t))) {
      col = joined;
      width = 2;
    }
    if (col === null) break;
    const from = run[k]!;
    titles.push({ parts: [run.slice(k, k + width).map((p) => p.text.trim()).join('')], line: from.line, start: 0, end: from.text.length });
    cols.push(col);
    k += width;
  }
  if (cols[0] !== 'level1' && cols[0] !== 'level3') return null;
  if (!cols.includes('level3') || !(cols.includes('weight') || cols.includes('score')) || cols.length < 4) return null;
  if (!indicatorTable.claim(titles.map((c) => c.parts[0]!))) return null;
  return { titles, cols, next: k };
}

const isNumber = (t: string) => {
  const n = parseCellNumber(t.trim());
  return n !== null && !n.percent;
};

function cellOf(p: Para): Cell {
  return { parts: [p.text.trim()], line: p.line, start: 0, end: p.text.length };
}

const blank = (line: number): Cell => ({ parts: [''], line, start: 0, end: 0 });

export interface CellLinesTable {
  block: Block;
  /** Blocks used, from i. */
  used: number;
  notes: string[];
}

interface BodyCell {
  p: Para;
  t: string;
  /** Blocks it stands for (a level name wrapped in two is one cell), and the line of its last. */
  n: number;
  end: number;
}

/** The line step between a run's cells when most of them have one blank line between (a web page's paragraphs), else null. */
function doubleSpaced(paras: Para[]): number | null {
  let two = 0;
  for (let k = 1; k < paras.length; k++) if (paras[k]!.line - paras[k - 1]!.line === 2) two++;
  return paras.length >= 8 && two >= (paras.length - 1) * 0.6 ? 2 : null;
}

/**
 * The cells after the header; a level name wrapped in its cell ("经济效益" / "指标") joined again. Where
 * the cells stand one blank line apart, an empty cell left only more blank lines ("A", "", " ", "", "B"):
 * each two more is an empty cell, kept as a printed blank so the values stay in their columns.
 */
function bodyCells(paras: Para[]): BodyCell[] {
  const cells: BodyCell[] = [];
  const step = doubleSpaced(paras);
  for (const p of paras) {
    const t = p.text.trim();
    const prev = cells[cells.length - 1];
    if (step && prev) {
      const extra = p.line - prev.end - step;
      for (let e = 0; extra > 0 && extra % step === 0 && e < extra / step; e++) {
        const line = prev.end + step * (e + 1);
        cells.push({ p: { kind: 'para', line, text: '—' }, t: '—', n: 0, end: line });
      }
    }
    const last = cells[cells.length - 1];
    if (t === '指标' && last && (LEVEL2_NAME.test(`${last.t}指标`) || LEVEL1_NAME.test(last.t))) {
      last.t += t;
      last.p = { ...last.p, text: last.t };
      last.n++;
      last.end = p.line;
      continue;
    }
    cells.push({ p, t, n: 1, end: p.line });
  }
  return cells;
}

/** What each cell is: a level name, the table's end (合计, what the form says after it), or a leaf with its values. */
function readerOf(cells: BodyCell[], cols: IndicatorColumn[]) {
  const at = (k: IndicatorColumn) => cols.indexOf(k);
  // the columns a leaf's values fill, in order (the reason, if any, may follow them)
  const values = cols.map((c, j) => ({ c, j })).filter(({ c }) => c !== 'level1' && c !== 'level2' && c !== 'level3' && c !== 'reason');
  const isLevel2 = (k: number) => k < cells.length && LEVEL2_NAME.test(cells[k]!.t);
  const level = (k: number): 1 | 2 | null => {
    const t = cells[k]!.t;
    if (t.length > 14 || !t.includes('指标')) return null;
    // "满意度指标" over "服务对象满意度指标", "成本指标" over "经济成本指标": level 1
    if (LEVEL1_NAME.test(t) && (!isLevel2(k) || isLevel2(k + 1))) return 1;
    return isLevel2(k) ? 2 : null;
  };
  const isTotal = (k: number) => k < cells.length && TOTAL_ROW.test(cells[k]!.t.replace(/\s+/g, ''));
  const ends = (k: number) => k >= cells.length || AFTER_TABLE.test(cells[k]!.t) || isTotal(k);
  const structural = (k: number) => ends(k) || level(k) !== null;
  /** The leaf whose name is cell k, when its values fit the header: the cells, and the index after them. */
  const leafAt = (k: number): { vals: Array<{ j: number; p: Para }>; next: number } | null => {
    if (structural(k) || isNumber(cells[k]!.t) || PLACEHOLDER.test(cells[k]!.t)) return null;
    const vals: Array<{ j: number; p: Para }> = [];
    for (let v = 0; v < values.length; v++) {
      const x = k + 1 + v;
      if (x >= cells.length || structural(x)) return null;
      vals.push({ j: values[v]!.j, p: cells[x]!.p });
    }
    // 分值 and 得分 are numbers (or a printed blank: a score not filled in)
    for (const k2 of ['weight', 'score'] as const) {
      const v = vals.find((x) => x.j === at(k2));
      if (v && !isNumber(v.p.text) && !(k2 === 'score' && isBlankCell(v.p.text.trim()))) return null;
    }
    return { vals, next: k + 1 + values.length };
  };
  /** After a leaf's score: its reason (a sentence or a printed blank), not the next leaf's name. */
  const isReason = (k: number) =>
    at('reason') >= 0 && k < cells.length && !structural(k) && (/[，。；,;]/.test(cells[k]!.t) || cells[k]!.t.length > 25 || isBlankCell(cells[k]!.t));
  return { at, level, isTotal, ends, structural, leafAt, isReason };
}

/** The indicator table printed one cell a line whose header starts at block i, or null. */
export function cellLinesTableAt(blocks: Block[], i: number): CellLinesTable | null {
  const first = blocks[i];
  // the header's first title, alone on its line
  if (first?.kind !== 'para' || !FIRST_TITLE.test(first.text.trim())) return null;
  const run = paraRun(blocks, i);
  const head = headerOf(run);
  if (!head) return null;
  const cells = bodyCells(run.slice(head.next));
  const r = readerOf(cells, head.cols);
  const newRow = (line: number): Cell[] => Array.from({ length: head.cols.length }, () => blank(line));
  const rows: Row[] = [{ cells: head.titles, line: head.titles[0]!.line }];
  const notes: string[] = [];
  let l1: Para | null = null;
  let l2: Para | null = null;
  let k = 0;
  while (!r.ends(k)) {
    const lv = r.level(k);
    if (lv !== null) {
      if (lv === 1) [l1, l2] = [cells[k]!.p, null];
      else l2 = cells[k]!.p;
      k++;
      continue;
    }
    const leaf = r.leafAt(k);
    if (!leaf) {
      const t = cells[k]!.t;
      if (!PLACEHOLDER.test(t) && !isNumber(t) && t.length <= 40) notes.push(`指标“${t}”一行的数值与表头对不上（文字版丢掉了空格子），未读取`);
      // on to the next cell that opens a row
      for (k++; k < cells.length && !r.structural(k) && !r.leafAt(k); k++);
      continue;
    }
    const line = cells[k]!.p.line;
    const row = newRow(line);
    row[r.at('level3')] = cellOf(cells[k]!.p);
    if (l1 && r.at('level1') >= 0) row[r.at('level1')] = cellOf(l1);
    if (l2 && r.at('level2') >= 0) row[r.at('level2')] = cellOf(l2);
    [l1, l2] = [null, null];
    for (const { j, p } of leaf.vals) row[j] = cellOf(p);
    k = leaf.next;
    if (r.isReason(k)) {
      // (a template's "……" is no reason)
      if (!PLACEHOLDER.test(cells[k]!.t)) row[r.at('reason')] = cellOf(cells[k]!.p);
      k++;
    }
    rows.push({ cells: row, line, placed: true });
  }
  // the 合计 row: its numbers are the total weight and score
  if (r.isTotal(k)) {
    const row = newRow(cells[k]!.p.line);
    row[0] = cellOf(cells[k]!.p);
    k++;
    for (const col of ['weight', 'score'] as const) if (k < cells.length && isNumber(cells[k]!.t) && r.at(col) >= 0) row[r.at(col)] = cellOf(cells[k++]!.p);
    rows.push({ cells: row, line: row[0]!.line, placed: true });
  }
  if (rows.length < 2) return null;
  const used = head.next + cells.slice(0, k).reduce((a, c) => a + c.n, 0);
  const block: Block = notes.length > 0 ? { kind: 'table', style: 'stream', rows, unreadRows: notes.length } : { kind: 'table', style: 'stream', rows };
  return { block, used, notes };
}
