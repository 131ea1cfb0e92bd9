/**
 * The funds table: 年度资金总额 and its 其中 rows (by source, by level, by nature) under
 * 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 — the project form's 项目资金 block,
 * the department form's budget-execution block and the transfer form's 资金投入情况.
 */
import type { AmountTriple, FundSource } from '@jixiao/core';
import type { Cell } from '../document/document.js';
import { isBlankCell, parseCellNumber, type PrintedNumber } from '../parse-number.js';
import { FUNDS_COLUMNS, FUNDS_ROWS, type FundsColumn, type FundsRowKey } from '../vocab/table-vocab.js';
import type { Ctx } from '../assemble/draft.js';
import { amountOf, cleanLabel, distinct, mapHeader, num, okWeight, provCell } from './cells.js';
import type { Recogniser, RowView } from './recogniser.js';

export interface FundsState {
  cols: Array<FundsColumn | null>;
  yuan: boolean;
}

const YUAN_HEAD = /[（(]\s*元\s*[）)]|单位[：:]\s*元(?!\S*万)/;

export function fundsRowKey(label: string): FundsRowKey | null {
  for (const r of FUNDS_ROWS) if (r.re.test(label)) return r.key;
  return null;
}

/** The model row a funds row label names, created on first use. */
export function fundsTarget(ctx: Ctx, key: FundsRowKey, label: string): { triple: AmountTriple; path: string } {
  const funds = ctx.ev.funds;
  if (key.startsWith('source:')) {
    const source = key.slice(7) as FundSource;
    let idx = funds.bySource.findIndex((s) => s.source === source);
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

/** 分值 / 执行率 / 得分 on the total row: the budget-execution score. */
function setExecution(ctx: Ctx, key: FundsColumn, n: PrintedNumber, c: Cell): void {
  const be = ctx.ev.budgetExecution;
  if (key === 'weight' && okWeight(n)) {
    be.weight = n.value;
    provCell(ctx, 'budgetExecution.weight', c);
  } else if (key === 'rate') {
    be.statedRate = n.value;
    provCell(ctx, 'budgetExecution.statedRate', c);
  } else if (key === 'score' && !n.percent) {
    be.selfScore = n.value;
    provCell(ctx, 'budgetExecution.selfScore', c);
  }
}

/** The row's label: the last text cell before its first number. */
function labelIndex(row: RowView): number {
  let labelIdx = -1;
  for (let i = 0; i < row.cells.length; i++) {
    if (isBlankCell(row.texts[i]!)) continue;
    if (num(row.cells[i])) break;
    labelIdx = i;
  }
  return labelIdx;
}

function readLabelledRow(ctx: Ctx, s: FundsState, row: RowView, labelIdx: number): void {
  const label = cleanLabel(row.texts[labelIdx]!);
  const key = fundsRowKey(label);
  if (!key) return;
  const target = fundsTarget(ctx, key, label);
  const headerKeys = s.cols.map((k, j) => ({ k, j })).filter((x): x is { k: FundsColumn; j: number } => x.k !== null);
  const sameShape = s.cols.length === row.cells.length;
  const after = row.cells.slice(labelIdx + 1);
  headerKeys.forEach((hk, idx) => {
    const c = sameShape ? row.cells[hk.j] : after[idx];
    const n = num(c);
    if (!n || !c) return;
    if (hk.k === 'initial' || hk.k === 'adjusted' || hk.k === 'executed') setAmount(ctx, s, target, hk.k, n, c);
    else if (key === 'total') setExecution(ctx, hk.k, n, c);
  });
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
  claim(texts) {
    const cols = mapHeader(texts, FUNDS_COLUMNS);
    const fk = distinct(cols);
    const amountCols = (['initial', 'adjusted', 'executed', 'rate'] as const).filter((k) => fk.has(k)).length;
    const compact = texts.map((t) => t.replace(/[\s\u3000]+/g, ''));
    if (amountCols < 2 || compact.some((t) => /^\d{4}年/.test(t))) return null;
    return { cols, yuan: compact.some((t) => YUAN_HEAD.test(t)) };
  },
  read(ctx, s, row) {
    const labelIdx = labelIndex(row);
    const hasNumbers = row.cells.some((c, i) => i > labelIdx && num(c) !== null);
    if (labelIdx >= 0 && hasNumbers) return readLabelledRow(ctx, s, row, labelIdx);
    readKeyValueCells(ctx, s, row);
  },
};
