/** 楼堂馆所控制情况: 批复规模 | 实际规模 | 规模控制率 | 预算投资 | 实际投资 | 投资概算控制率. */
import { emptyBaseData } from '@jixiao/core';
import { aligned, amountOf, cleanLabel, num, provCell } from './cells.js';
import type { Recogniser } from './recogniser.js';

type BuildingCol = 'approvedSize' | 'actualSize' | 'statedSizeControlRate' | 'budgetInvestment' | 'actualInvestment' | 'statedInvestmentControlRate';
/** Tested in order. */
const BUILDING_COLUMNS: Array<{ key: BuildingCol; re: RegExp }> = [
  { key: 'statedSizeControlRate', re: /规模控制率/ },
  { key: 'statedInvestmentControlRate', re: /投资(?:概算)?控制率/ },
  { key: 'approvedSize', re: /批复规模/ },
  { key: 'actualSize', re: /实际规模/ },
  { key: 'budgetInvestment', re: /预算投资|投资概算(?!控制)/ },
  { key: 'actualInvestment', re: /实际投资/ },
];

export const buildingsTable: Recogniser<{ cols: Array<BuildingCol | null> }> = {
  kind: 'buildings',
  claim(texts) {
    const compact = texts.map((t) => t.replace(/[\s\u3000]+/g, ''));
    if (!compact.some((t) => /批复规模|投资概算/.test(t))) return null;
    return { cols: compact.map((t) => BUILDING_COLUMNS.find((b) => b.re.test(t))?.key ?? null) };
  },
  read(ctx, s, row) {
    const bd = (ctx.ev.baseData ??= emptyBaseData());
    const b: Record<BuildingCol | 'name', string | null> = {
      name: null, approvedSize: null, actualSize: null, statedSizeControlRate: null, budgetInvestment: null, actualInvestment: null, statedInvestmentControlRate: null,
    };
    const idx = bd.buildings.length;
    let any = false;
    s.cols.forEach((k, j) => {
      if (!k) return;
      const c = row.cells[aligned(s.cols.length, row.cells.length, j)];
      const n = num(c);
      if (!n || !c) return;
      const rate = k === 'statedSizeControlRate' || k === 'statedInvestmentControlRate';
      if (rate !== n.percent) return;
      b[k] = k === 'budgetInvestment' || k === 'actualInvestment' ? amountOf(ctx, n, false) : n.value;
      provCell(ctx, `baseData.buildings.${idx}.${k}`, c);
      any = true;
    });
    if (!any) return;
    if (!num(row.cells[row.firstIdx])) b.name = cleanLabel(row.texts[row.firstIdx]!) || null;
    bd.buildings.push(b as (typeof bd.buildings)[number]);
  },
};
