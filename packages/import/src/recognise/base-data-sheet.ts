/**
 * The base-data sheet (基础数据表): rows under year columns (上年决算 | 本年预算 | 本年决算) —
 * 三公经费 and its parts, 项目支出 and 公用经费 with their lines, 政府采购, 预算调整, 结转结余.
 */
import { emptyBaseData, type YearTriple } from '@jixiao/core';
import type { Cell } from '../document/document.js';
import { isBlankCell, type PrintedNumber } from '../parse-number.js';
import { BASE_ROWS, type BaseRowKey, YUAN_HEAD } from '../vocab/table-vocab.js';
import type { Ctx } from '../assemble/draft.js';
import { aligned, amountOf, num, provCell } from './cells.js';
import type { Recogniser, RowView } from './recogniser.js';

type BaseCol = 'priorActual' | 'budget' | 'actual';
interface BaseState {
  cols: Array<BaseCol | null>;
  yuan: boolean;
  lastTop: BaseRowKey | null;
}
type Val = { k: BaseCol; n: PrintedNumber; c: Cell };

function valuesOf(s: BaseState, row: RowView): Val[] {
  const values: Val[] = [];
  s.cols.forEach((k, j) => {
    if (!k) return;
    const c = row.cells[aligned(s.cols.length, row.cells.length, j)];
    const n = num(c);
    if (n && c && !n.percent) values.push({ k, n, c });
  });
  return values;
}

function readKeyedRow(ctx: Ctx, s: BaseState, key: BaseRowKey, values: Val[]): void {
  const bd = (ctx.ev.baseData ??= emptyBaseData());
  if (key === 'procurement') {
    for (const v of values) {
      if (v.k === 'priorActual') continue;
      bd.procurement[v.k] = amountOf(ctx, v.n, s.yuan);
      provCell(ctx, `baseData.procurement.${v.k}`, v.c);
    }
    return;
  }
  if (key === 'basicBudgetAdjustment' || key === 'carryOverBalance') {
    const v = values.find((x) => x.k === 'actual') ?? values[values.length - 1]!;
    bd[key] = amountOf(ctx, v.n, s.yuan);
    provCell(ctx, `baseData.${key}`, v.c);
    return;
  }
  const [a, b] = key.split('.') as [string, string | undefined];
  const triple: YearTriple = b ? (bd.threePublic as Record<string, YearTriple>)[b]! : (bd as unknown as Record<string, YearTriple>)[a]!;
  for (const v of values) {
    triple[v.k] = amountOf(ctx, v.n, s.yuan);
    provCell(ctx, `baseData.${key}.${v.k}`, v.c);
  }
}

/** A line under 项目支出 or 公用经费 ("1、业务工作经费"). */
function readLine(ctx: Ctx, s: BaseState, label: string, values: Val[]): void {
  if (!s.lastTop || values.length === 0 || /^[…\.]+$/.test(label)) return;
  const bd = (ctx.ev.baseData ??= emptyBaseData());
  const list = s.lastTop === 'project' ? bd.projectLines : bd.operatingLines;
  const line = { name: label, priorActual: null, budget: null, actual: null } as YearTriple & { name: string };
  const idx = list.length;
  for (const v of values) {
    line[v.k] = amountOf(ctx, v.n, s.yuan);
    provCell(ctx, `baseData.${s.lastTop}Lines.${idx}.${v.k}`, v.c);
  }
  list.push(line);
}

export const baseDataSheet: Recogniser<BaseState> = {
  kind: 'base',
  claim(texts) {
    const compact = texts.map((t) => t.replace(/[\s\u3000]+/g, ''));
    const years = compact.map((t) => /^(\d{4})年度?(决算|预算|实际|执行)/.exec(t));
    const found = years.filter(Boolean);
    if (found.length < 2) return null;
    const maxYear = Math.max(...found.map((m) => Number(m![1])));
    const cols = years.map((m) => (!m ? null : m[2] === '预算' ? ('budget' as const) : Number(m[1]) < maxYear ? ('priorActual' as const) : ('actual' as const)));
    return { cols, yuan: compact.some((t) => YUAN_HEAD.test(t)), lastTop: null };
  },
  read(ctx, s, row) {
    const label = row.first;
    if (/厉行节约|节约保障措施/.test(label)) {
      const rest = row.texts.slice(row.firstIdx + 1).filter((t) => !isBlankCell(t)).join('；');
      if (rest) (ctx.ev.baseData ??= emptyBaseData()).savingsMeasures = rest;
      return;
    }
    const values = valuesOf(s, row);
    const key = BASE_ROWS.find((r) => r.re.test(label))?.key ?? null;
    ctx.ev.baseData ??= emptyBaseData();
    if (!key) return readLine(ctx, s, label, values);
    if (key === 'project' || key === 'operating') s.lastTop = key;
    else if (!key.startsWith('threePublic')) s.lastTop = null;
    if (values.length > 0) readKeyedRow(ctx, s, key, values);
  },
};
