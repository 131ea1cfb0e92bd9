/**
 * The funds table: 年度资金总额 and its 其中 rows (by source, by level, by nature) under
 * 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 — the project form's 项目资金 block,
 * the department form's budget-execution block and the transfer form's 资金投入情况.
 */
import type { AmountTriple, FundSource } from '@jixiao/core';
import type { Cell } from '../document/document.js';
import { isBlankCell, isMaskedCell, parseCellNumber, type PrintedNumber } from '../parse-number.js';
import { FUNDS_COLUMNS, FUNDS_ROWS, NOT_A_SOURCE_ROW, SOURCE_LIKE_ROW, type FundsColumn, type FundsRowKey, YUAN_HEAD } from '../vocab/table-vocab.js';
import type { Ctx } from '../assemble/draft.js';
import { amountOf, cleanLabel, distinct, mapHeader, num, okWeight, provCell } from './cells.js';
import type { Recogniser, RowView } from './recogniser.js';
import { assignValues } from './assign-values.js';

/** A label shaped like a row of the funds block (not a line of other text a PDF ran into the table). */
const FUNDS_ROW_LIKE = /^[\u4e00-\u9fa5（）()]{2,14}(?:项目|资金|支出|经费|拨款|补助|收入)$/;

/** The key of a 其中 row whose source is none of the known ones (kept as 其他 under its own label). */
const UNKNOWN_SOURCE = 'source:other' as const;

export interface FundsState {
  cols: Array<FundsColumn | null>;
  yuan: boolean;
  /** Rows with numbers read so far. */
  rows: number;
}

/** The row a label names; a note in brackets ("其他资金（包括以前年度结转资金）") does not count. */
export function fundsRowKey(label: string): FundsRowKey | null {
  const bare = label.replace(/[（(][^（）()]*[）)]/g, '') || label;
  for (const r of FUNDS_ROWS) if (r.re.test(bare)) return r.key;
  return null;
}

/** The model row a funds row label names, created on first use. */
export function fundsTarget(ctx: Ctx, key: FundsRowKey, label: string): { triple: AmountTriple; path: string } {
  const funds = ctx.ev.funds;
  if (key.startsWith('source:')) {
    const source = key.slice(7) as FundSource;
    // 其他 rows under labels of their own (上级补助, 乡镇配套 …) stay apart
    let idx = funds.bySource.findIndex((s) => s.source === source && (source !== 'other' || s.label === label));
    if (idx < 0) {
      funds.bySource.push({ source, label, initial: null, adjusted: null, executed: null, arrived: null, statedRate: null });
      idx = funds.bySource.length - 1;
    }
    return { triple: funds.bySource[idx]!, path: `funds.bySource.${idx}` };
  }
  const k = key as 'total' | 'basic' | 'personnel' | 'operating' | 'project';
  return { triple: funds[k], path: `funds.${k}` };
}

function setAmount(ctx: Ctx, s: FundsState, t: { triple: AmountTriple; path: string }, key: 'initial' | 'adjusted' | 'executed', n: PrintedNumber, c: Cell): void {
  if (n.percent) return;
  t.triple[key] = amountOf(ctx, n, s.yuan);
  provCell(ctx, `${t.path}.${key}`, c);
}

/** 分值 / 执行率 / 得分 / 到位率 on the total row: the budget-execution figures. */
function setExecution(ctx: Ctx, key: FundsColumn, n: PrintedNumber, c: Cell): void {
  const be = ctx.ev.budgetExecution;
  if (key === 'weight' && okWeight(n)) {
    be.weight = n.value;
    provCell(ctx, 'budgetExecution.weight', c);
  } else if (key === 'rate') {
    be.statedRate = n.value;
    provCell(ctx, 'budgetExecution.statedRate', c);
  } else if (key === 'arrivalRate' && n.percent) {
    be.statedArrivalRate = n.value;
    provCell(ctx, 'budgetExecution.statedArrivalRate', c);
  } else if (key === 'score' && !n.percent) {
    be.selfScore = n.value;
    provCell(ctx, 'budgetExecution.selfScore', c);
  }
}

type Target = { triple: AmountTriple & { arrived?: string | null; statedRate?: string | null }; path: string };

function setValue(ctx: Ctx, s: FundsState, key: FundsRowKey, t: Target, col: FundsColumn, n: PrintedNumber, c: Cell): void {
  if (col === 'initial' || col === 'adjusted' || col === 'executed') return setAmount(ctx, s, t, col, n, c);
  if (col === 'arrived' && 'arrived' in t.triple && !n.percent) {
    t.triple.arrived = amountOf(ctx, n, s.yuan);
    provCell(ctx, `${t.path}.arrived`, c);
  } else if (key === 'total') setExecution(ctx, col, n, c);
  else if (col === 'rate' && n.percent && 'statedRate' in t.triple) {
    t.triple.statedRate = n.value;
    provCell(ctx, `${t.path}.statedRate`, c);
  }
}

/** The row's label: the last text cell before its first number. */
function labelIndex(row: RowView): number {
  let labelIdx = -1;
  for (let i = 0; i < row.cells.length; i++) {
    if (isBlankCell(row.texts[i]!)) continue;
    if (num(row.cells[i]) || isMaskedCell(row.texts[i]!)) break;
    labelIdx = i;
  }
  return labelIdx;
}

/** The row's value cells (numbers and printed blanks) with the header column each belongs to. */
function placed(s: FundsState, row: RowView, labelIdx: number): Array<{ col: FundsColumn; c: Cell }> {
  if (s.cols.length === row.cells.length) {
    return s.cols.flatMap((col, j) => (col !== null && j > labelIdx ? [{ col, c: row.cells[j]! }] : []));
  }
  const cols = s.cols.filter((k): k is FundsColumn => k !== null);
  const slot = (t: string) => (isBlankCell(t) && t.trim() !== '') || isMaskedCell(t);
  const cells = row.cells.slice(labelIdx + 1).filter((c, i) => num(c) !== null || slot(row.texts[labelIdx + 1 + i]!));
  const at = assignValues(cols, cells.map(num));
  if (!at) return [];
  return cells.flatMap((c, i) => (at[i]! >= 0 ? [{ col: cols[at[i]!]!, c }] : []));
}

function readLabelledRow(ctx: Ctx, s: FundsState, row: RowView, labelIdx: number): void {
  const label = labelIdx >= 0 ? cleanLabel(row.texts[labelIdx]!) : '';
  // a first row of numbers without its label (printed after them, or lost): the total
  let key = labelIdx < 0 ? (s.rows === 0 ? 'total' : null) : fundsRowKey(label);
  if (!key && s.rows > 0 && SOURCE_LIKE_ROW.test(label) && !NOT_A_SOURCE_ROW.test(label)) {
    key = UNKNOWN_SOURCE;
    ctx.notes.push(`资金表“${label}”一行不是已知的资金来源，按“其他”记录（保留原行名）`);
  }
  s.rows++;
  if (!key) {
    // 人员类/运转类/特定目标类项目 (the classes of projects since 2022), 结余资金 …: said, not guessed
    if (s.rows > 1 && FUNDS_ROW_LIKE.test(label)) ctx.notes.push(`资金表“${label}”一行不是资金来源或基本支出、项目支出等类别，未读取`);
    return;
  }
  if (labelIdx < 0) ctx.notes.push('资金表第一行数字没有行名（行名不在数字旁），按“年度资金总额”读取');
  const target = fundsTarget(ctx, key, label);
  const cells = placed(s, row, labelIdx);
  if (cells.length === 0 && row.cells.length !== s.cols.length) ctx.notes.push(`资金表“${label || '年度资金总额'}”一行的数字与表头对不上，未读取`);
  for (const { col, c } of cells) {
    const n = num(c);
    if (n) setValue(ctx, s, key, target, col, n, c);
  }
}

/** "其中：一般公共预算：265.45" — label and amount in one cell. */
function readKeyValueCells(ctx: Ctx, s: FundsState, row: RowView): void {
  row.cells.forEach((c, i) => {
    const kv = /^(.*?[^\d.,])[：:]\s*(-?[\d,]+(?:\.\d+)?)\s*(万元|元)?$/.exec(row.texts[i]!.replace(/[\u3000]/g, ' ').trim());
    if (!kv) return;
    const label = cleanLabel(kv[1]!);
    const key = fundsRowKey(label);
    const n = parseCellNumber(kv[2]! + (kv[3] ?? ''));
    if (!key || !n) return;
    const at = c.parts[0]!.lastIndexOf(kv[2]!);
    const cc: Cell = at >= 0 ? { ...c, start: c.start + at, end: c.start + at + kv[2]!.length } : c;
    setAmount(ctx, s, fundsTarget(ctx, key, label), 'executed', n, cc);
  });
}

export const fundsTable: Recogniser<FundsState> = {
  kind: 'funds',
  ownTotals: true,
  claim(texts) {
    const cols = mapHeader(texts, FUNDS_COLUMNS);
    const fk = distinct(cols);
    const amountCols = (['initial', 'adjusted', 'executed', 'rate'] as const).filter((k) => fk.has(k)).length;
    const compact = texts.map((t) => t.replace(/[\s\u3000]+/g, ''));
    if (amountCols < 2 || compact.some((t) => /^\d{4}年/.test(t))) return null;
    return { cols, yuan: compact.some((t) => YUAN_HEAD.test(t)), rows: 0 };
  },
  read(ctx, s, row) {
    const labelIdx = labelIndex(row);
    const hasNumbers = row.cells.some((c, i) => i > labelIdx && (num(c) !== null || isMaskedCell(row.texts[i]!)));
    if (hasNumbers) return readLabelledRow(ctx, s, row, labelIdx);
    readKeyValueCells(ctx, s, row);
  },
};
