/**
 * A 三公经费 table of a department report (outside the base-data sheet): rows 因公出国（境）费,
 * 公务用车购置及运行维护费 (购置 / 运行维护), 公务接待费 and 合计, under budget and actual columns
 * (预算数 | 决算数 / 实际支出数, with the prior year's actual where printed).
 */
import { emptyBaseData, type YearTriple } from '@jixiao/core';
import { BASE_ROWS } from '../vocab/table-vocab.js';
import { aligned, amountOf, num, provCell } from './cells.js';
import type { Recogniser } from './recogniser.js';

type Col = 'priorActual' | 'budget' | 'actual';
interface ThreePublicState {
  cols: Array<Col | null>;
  yuan: boolean;
}

function colOf(t: string): Col | null {
  if (/上年|上一年/.test(t) && /决算|实际|支出/.test(t)) return 'priorActual';
  if (/预算/.test(t)) return 'budget';
  if (/决算|实际|支出数|执行数/.test(t)) return 'actual';
  return null;
}

export const threePublicTable: Recogniser<ThreePublicState> = {
  kind: 'threePublic',
  ownTotals: true,
  claim(texts) {
    const compact = texts.map((t) => t.replace(/[\s\u3000]+/g, ''));
    if (!compact.some((t) => /三公/.test(t) && t.length <= 16)) return null;
    const cols = compact.map((t) => (/三公/.test(t) ? null : colOf(t)));
    return cols.includes('budget') || cols.includes('actual') ? { cols, yuan: compact.some((t) => /[（(]元[）)]/.test(t)) } : null;
  },
  read(ctx, s, row) {
    const label = /^(?:合计|小计|总计)$/.test(row.first) ? '“三公”经费合计' : row.first;
    const key = BASE_ROWS.find((r) => r.key.startsWith('threePublic') && r.re.test(label))?.key;
    if (!key) return;
    const part = key.split('.')[1]!;
    const bd = (ctx.ev.baseData ??= emptyBaseData());
    const triple = (bd.threePublic as Record<string, YearTriple>)[part]!;
    s.cols.forEach((col, j) => {
      const c = row.cells[aligned(s.cols.length, row.cells.length, j)];
      const n = num(c);
      if (!col || !c || !n || n.percent) return;
      triple[col] = amountOf(ctx, n, s.yuan);
      provCell(ctx, `baseData.threePublic.${part}.${col}`, c);
    });
  },
};
