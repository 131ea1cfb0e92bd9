/** 指标 | 权重分值 | 得分 | 得分率: the level-1 score table of a department report, and its 总分 row. */
import type { PrintedNumber } from '../parse-number.js';
import type { Cell } from '../document/document.js';
import { BUDGET_EXECUTION_ROW, SCORE_TABLE_HEAD } from '../vocab/table-vocab.js';
import type { Ctx } from '../assemble/draft.js';
import { aligned, distinct, headedWeight, num, okWeight, provCell } from './cells.js';
import { findOrAddLevel1 } from './indicator-tree.js';
import type { Recogniser, RowView } from './recogniser.js';

type ScoreCol = 'label' | 'weight' | 'score' | 'rate';
interface ScoreState {
  cols: Array<ScoreCol | null>;
}
type Vals = Partial<Record<'weight' | 'score' | 'rate', { n: PrintedNumber; c: Cell }>>;

function colOf(t: string): ScoreCol | null {
  if (SCORE_TABLE_HEAD.rate.test(t)) return 'rate';
  if (SCORE_TABLE_HEAD.label.test(t)) return 'label';
  if (SCORE_TABLE_HEAD.weight.test(t)) return 'weight';
  if (SCORE_TABLE_HEAD.score.test(t)) return 'score';
  return null;
}

function values(s: ScoreState, row: RowView): Vals {
  const vals: Vals = {};
  for (let i = row.firstIdx + 1; i < row.cells.length; i++) {
    const n = num(row.cells[i]);
    if (!n) continue;
    const key = s.cols[aligned(s.cols.length, row.cells.length, i)];
    const k = key === 'weight' || key === 'score' || key === 'rate' ? key : n.percent ? 'rate' : null;
    if (k && !vals[k]) vals[k] = { n, c: row.cells[i]! };
  }
  return vals;
}

function readBudgetExecution(ctx: Ctx, vals: Vals): void {
  const be = ctx.ev.budgetExecution;
  if (vals.weight && okWeight(vals.weight.n)) {
    be.weight = vals.weight.n.value;
    provCell(ctx, 'budgetExecution.weight', vals.weight.c);
  }
  if (vals.score && !vals.score.n.percent) {
    be.selfScore = vals.score.n.value;
    provCell(ctx, 'budgetExecution.selfScore', vals.score.c);
  }
  if (vals.rate) {
    be.statedScoreRate = vals.rate.n.value;
    provCell(ctx, 'budgetExecution.statedScoreRate', vals.rate.c);
  }
}

function readLevel1(ctx: Ctx, vals: Vals, row: RowView): void {
  const { name, weight } = headedWeight(row.texts[row.firstIdx]!);
  const idx = findOrAddLevel1(ctx.ev.indicators, name);
  const l1 = ctx.ev.indicators[idx]!;
  const p = `indicators.${idx}`;
  if (vals.weight && okWeight(vals.weight.n)) {
    l1.weight = vals.weight.n.value;
    provCell(ctx, `${p}.weight`, vals.weight.c);
  } else if (weight) l1.weight = weight;
  if (vals.score && !vals.score.n.percent) {
    l1.selfScore = vals.score.n.value;
    provCell(ctx, `${p}.selfScore`, vals.score.c);
  }
  if (vals.rate) {
    l1.statedScoreRate = vals.rate.n.value;
    provCell(ctx, `${p}.statedScoreRate`, vals.rate.c);
  }
  if (!ctx.ev.provenance[p]) provCell(ctx, p, row.cells[row.firstIdx]!);
}

export const scoreSummary: Recogniser<ScoreState> = {
  kind: 'score',
  claim(texts) {
    const compact = texts.map((t) => t.replace(/[\s\u3000]+/g, ''));
    if (compact.filter((t) => t !== '').length > 7) return null;
    const cols = compact.map(colOf);
    const sk = distinct(cols);
    return sk.has('label') && sk.has('weight') && sk.has('score') ? { cols } : null;
  },
  read(ctx, s, row) {
    const vals = values(s, row);
    if (BUDGET_EXECUTION_ROW.test(row.first)) return readBudgetExecution(ctx, vals);
    if (vals.weight || vals.score) readLevel1(ctx, vals, row);
  },
  total(ctx, s, row) {
    const totals = ctx.ev.totals;
    for (let i = row.firstIdx + 1; i < row.cells.length; i++) {
      const n = num(row.cells[i]);
      if (!n) continue;
      const key = s.cols[aligned(s.cols.length, row.cells.length, i)] ?? null;
      const k = key ?? (n.percent ? 'rate' : null);
      const c = row.cells[i]!;
      if (k === 'weight') {
        totals.statedWeight = n.value;
        provCell(ctx, 'totals.statedWeight', c);
      } else if (k === 'score') {
        totals.statedScore = n.value;
        provCell(ctx, 'totals.statedScore', c);
      } else if (k === 'rate') {
        totals.statedScoreRate = n.value;
        provCell(ctx, 'totals.statedScoreRate', c);
      }
    }
  },
};
