/**
 * A transfer's regional table (区域绩效目标): one row per county or unit that received the
 * money — 地区 | 下达资金 | 到位资金 | 执行数 | 执行率 — and its 合计 row, which is the
 * transfer's total. The regions themselves have no place in the model: a note says so.
 */
import { FUNDS_COLUMNS, type FundsColumn } from '../vocab/table-vocab.js';
import { aligned, amountOf, mapHeader, num, provCell } from './cells.js';
import type { Recogniser } from './recogniser.js';

interface RegionalState {
  cols: Array<FundsColumn | null>;
  regions: number;
}

const REGION_HEAD = /^(?:地区|区域|县[（(]市、?区[）)]|县市区|市州|区县|地方|资金使用单位|分配地区)(?:名称)?$/;

export const regionalTable: Recogniser<RegionalState> = {
  kind: 'regional',
  ownTotals: true,
  claim(texts) {
    const compact = texts.map((t) => t.replace(/[\s\u3000]+/g, ''));
    if (!compact.some((t) => REGION_HEAD.test(t))) return null;
    const cols = mapHeader(texts, FUNDS_COLUMNS).map((c, i) => (REGION_HEAD.test(compact[i]!) ? null : c));
    const amounts = cols.filter((c) => c === 'adjusted' || c === 'arrived' || c === 'executed').length;
    return amounts >= 2 ? { cols, regions: 0 } : null;
  },
  read(ctx, s, row) {
    if (!/^(?:合计|总计|小计)$/.test(row.first)) {
      s.regions++;
      return;
    }
    const total = ctx.ev.funds.total;
    s.cols.forEach((col, j) => {
      const c = row.cells[aligned(s.cols.length, row.cells.length, j)];
      const n = num(c);
      if (!c || !n) return;
      if ((col === 'adjusted' || col === 'arrived' || col === 'executed') && !n.percent) {
        total[col] = amountOf(ctx, n, false);
        provCell(ctx, `funds.total.${col}`, c);
      } else if (col === 'rate' && n.percent) {
        ctx.ev.budgetExecution.statedRate = n.value;
        provCell(ctx, 'budgetExecution.statedRate', c);
      }
    });
  },
  finish(ctx, s) {
    if (s.regions > 0) ctx.notes.push(`区域表中 ${s.regions} 个地区的分项未单独保存，只读取了合计行`);
  },
};
