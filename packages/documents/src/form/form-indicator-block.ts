/**
 * The indicator block of a project / transfer 自评表: 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 |
 * 分值 | 得分 | 偏差原因分析及改进措施 (or a province's columns), level cells merged down, then
 * 总分 (a live sum where it gives the stated total) and the grade. Targets and actuals are
 * printed as written; with 指标性质 / 计量单位 columns they are split into sign, number and unit.
 * Scores stated per 二级 (or 一级) indicator only are printed in merged cells over its rows.
 */
import { dec, decOrNull, sumDec, type Indicator, type Level1, type Level2, type ScoredIndicator } from '@jixiao/core';
import type { IndicatorColumn } from '../templates/template-schema.js';
import { numberCell, statedFormulaCell } from './form-cells.js';
import { addr, fileNumber, fixedFormat, parseAddr } from './form-grid.js';
import { colLetter } from '../xlsx/sheet-writer.js';
import type { FormContext } from './build-form-grid.js';
import type { FundsCells } from './form-funds-block.js';

export const FORM_COLUMN_LABELS: Record<IndicatorColumn, string> = {
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  sign: '指标性质',
  initialTarget: '年初指标值',
  target: '年度指标值',
  unitOfMeasure: '计量单位',
  actual: '实际完成值',
  weight: '分值',
  score: '得分',
  scoreRate: '得分系数',
  core: '是否核心指标',
  deviation: '偏差原因分析及改进措施',
};

const SIGN_TEXT: Record<string, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<', qualitative: '定性' };

export interface IndicatorCells {
  headerRow: number;
  /** Model path of each printed weight/score owner → its score cell. */
  scores: Record<string, string>;
  total: string | null;
  totalWeight: string | null;
  grade: string | null;
}

/** Who carries the weight and score on a block of rows: the leaf, else its level 2, else its level 1. */
type Owner = { path: string; weight: string | null; score: string | null; rows: number };

const hasFigures = (x: { weight: string | null; selfScore: string | null }) => x.weight !== null || x.selfScore !== null;

export function buildIndicatorBlock(ctx: FormContext, top: number, funds: FundsCells): { next: number; cells: IndicatorCells } {
  const { b, spec, ev } = ctx;
  const cols = spec.indicators.columns;
  const col = (c: IndicatorColumn) => 2 + cols.indexOf(c);
  const lastCol = (c: IndicatorColumn) => (c === cols[cols.length - 1] ? ctx.ncols : col(c));
  const put = (r: number, c: IndicatorColumn, v: string | number | null, o: Parameters<typeof b.put>[3] = {}) => {
    if (!cols.includes(c)) return;
    b.put(r, col(c), v, { ...o, colSpan: lastCol(c) - col(c) + 1 });
  };
  cols.forEach((c) => put(top, c, spec.indicators.columnLabels[c] ?? FORM_COLUMN_LABELS[c], { bold: true, wrap: 'soft' }));
  const cells: IndicatorCells = { headerRow: top, scores: {}, total: null, totalWeight: null, grade: null };
  const byPath = new Map(ctx.fig.score.indicators.map((i) => [i.path, i]));
  let r = top + 1;
  const first = r;
  ev.indicators.forEach((l1, i) => {
    const l1Start = r;
    const l1Owner = !l1.children.some((l2) => hasFigures(l2) || l2.children.some(hasFigures)) && hasFigures(l1);
    const l2s = l1.children.length > 0 ? l1.children : [null];
    l2s.forEach((l2, j) => {
      const l2Start = r;
      const l2Owner = !l1Owner && l2 !== null && !l2.children.some(hasFigures) && hasFigures(l2);
      const leaves = l2 && l2.children.length > 0 ? l2.children : [null];
      leaves.forEach((leaf, k) => {
        const path = `indicators.${i}.children.${j}.children.${k}`;
        for (const c of cols) if (c !== 'level1' && c !== 'level2') put(r, c, '');
        if (leaf) leafRow(ctx, r, leaf, byPath.get(path), put);
        if (leaf && !l1Owner && !l2Owner) writeOwner(ctx, r, { path, weight: leaf.weight, score: leaf.notApplicable ? null : leaf.selfScore, rows: 1 }, byPath.get(path), cells, put, leaf.notApplicable);
        r++;
      });
      if (l2Owner && l2) writeOwner(ctx, l2Start, { path: `indicators.${i}.children.${j}`, weight: l2.weight, score: l2.selfScore, rows: r - l2Start }, undefined, cells, put, false);
      put(l2Start, 'level2', l2?.name ?? '', { rowSpan: r - l2Start });
    });
    if (l1Owner) writeOwner(ctx, l1Start, { path: `indicators.${i}`, weight: l1.weight, score: l1.selfScore, rows: r - l1Start }, undefined, cells, put, false);
    put(l1Start, 'level1', level1Label(ctx, l1), { rowSpan: r - l1Start });
  });
  const next = totalRows(ctx, r, first, funds, cells, col);
  b.put(top, 1, spec.indicators.label, { bold: true, rowSpan: next - top, wrap: 'soft' });
  return { next, cells };
}

function level1Label(ctx: FormContext, l1: Level1): string {
  const w = decOrNull(l1.weight);
  return ctx.spec.indicators.level1Weight && w !== null ? `${l1.name}（${w.toString()}分）` : l1.name;
}

type Put = (r: number, c: IndicatorColumn, v: string | number | null, o?: Parameters<FormContext['b']['put']>[3]) => void;

function writeOwner(ctx: FormContext, r: number, o: Owner, scored: ScoredIndicator | undefined, cells: IndicatorCells, put: Put, notApplicable: boolean): void {
  const cols = ctx.spec.indicators.columns;
  const c = (k: IndicatorColumn) => 2 + cols.indexOf(k);
  const span = { rowSpan: o.rows };
  const w = numberCell(ctx.b, r, c('weight'), decOrNull(o.weight));
  w.rowSpan = o.rows;
  if (notApplicable) put(r, 'score', '不适用', span);
  else {
    const s = numberCell(ctx.b, r, c('score'), decOrNull(o.score));
    s.rowSpan = o.rows;
    const range = scored?.computedRange;
    if (range && o.score !== null) {
      const places = ctx.fig.profile.rounding.places;
      s.range = {
        min: fileNumber(range.min, places),
        max: fileNumber(range.max, places),
        message: `该定性指标得分应在 ${range.min.toDecimalPlaces(places).toString()} 至 ${range.max.toDecimalPlaces(places).toString()} 之间`,
      };
    }
  }
  cells.scores[o.path] = addr(r, c('score'));
  if (cols.includes('scoreRate')) {
    const wa = addr(r, c('weight'));
    const sa = addr(r, c('score'));
    const ws = decOrNull(o.weight);
    const ss = decOrNull(o.score);
    const ratio = ws !== null && ss !== null && !ws.isZero() ? ss.dividedBy(ws) : null;
    put(r, 'scoreRate', ratio === null ? '' : fileNumber(ratio, 2), { ...span, formula: `IF(AND(ISNUMBER(${sa}),N(${wa})>0),${sa}/${wa},"")`, numFmt: fixedFormat(2), text: ratio === null ? '' : undefined });
  }
}

/** The text cells of one leaf row. */
function leafRow(ctx: FormContext, r: number, leaf: Indicator, scored: ScoredIndicator | undefined, put: Put): void {
  const cols = ctx.spec.indicators.columns;
  const split = cols.includes('sign') || cols.includes('unitOfMeasure');
  const t = scored?.target ?? null;
  const a = scored?.actual ?? null;
  const simple = split && t?.kind === 'quantitative' && t.upper === null;
  const unit = leaf.unitOfMeasure ?? (t?.kind === 'quantitative' ? (t.percent ? '%' : t.unit) : null);
  put(r, 'level3', leaf.name, { align: 'left', wrap: true });
  put(r, 'sign', leaf.sign ? SIGN_TEXT[leaf.sign]! : t?.kind === 'quantitative' ? SIGN_TEXT[t.sign]! : '定性');
  put(r, 'initialTarget', leaf.initialTarget ?? leaf.target ?? '', { wrap: true });
  put(r, 'target', simple && t?.kind === 'quantitative' ? withUnit(t.value.toString(), cols.includes('unitOfMeasure') ? null : unit) : (leaf.target ?? ''), { wrap: true });
  put(r, 'unitOfMeasure', cols.includes('unitOfMeasure') ? (unit ?? '') : '');
  const actualSplit = cols.includes('unitOfMeasure') && a?.kind === 'quantitative' && (a.percent ? '%' : a.unit) === unit;
  put(r, 'actual', actualSplit && a?.kind === 'quantitative' ? a.value.toString() : (leaf.actual ?? ''), { wrap: true });
  put(r, 'core', leaf.core ? '是' : '否');
  put(r, 'deviation', leaf.deviationReason ?? '', { align: 'left', wrap: true });
}

function withUnit(value: string, unit: string | null): string {
  return unit ? `${value}${unit}` : value;
}

/** 总分 (weight and score as live sums where they give the stated figures) and the grade row. */
function totalRows(ctx: FormContext, r: number, first: number, funds: FundsCells, cells: IndicatorCells, col: (c: IndicatorColumn) => number): number {
  const { b, spec, ev, fig } = ctx;
  const wc = col('weight');
  const sc = col('score');
  b.span(r, 2, wc - 1, spec.totalLabel, { bold: true });
  const last = r - 1;
  const range = (c: number) => (last >= first ? `SUM(${colLetter(c)}${first}:${colLetter(c)}${last})` : '0');
  const withExec = fig.weights.totalIncludesBudgetExecution;
  const sumOf = (c: number, exec: string | null) => [withExec && exec ? `N(${exec})` : null, range(c)].filter(Boolean).join('+');
  // The values the sum formula adds: every number in the column's rows (a formula's cached value is the stated figure it gives).
  const valuesIn = (c: number, exec: string | null) => {
    const execCell = withExec && exec ? b.get(parseAddr(exec).row, parseAddr(exec).col) : undefined;
    const xs = [...b.list().filter((x) => x.col === c && x.row >= first && x.row <= last), ...(execCell ? [execCell] : [])];
    return sumDec(xs.flatMap((x) => (typeof x.value === 'number' ? [dec(String(x.value))] : [])));
  };
  statedFormulaCell(b, r, wc, { stated: ev.totals.statedWeight, computed: valuesIn(wc, funds.executionWeight), expr: sumOf(wc, funds.executionWeight), guard: null, places: fig.profile.rounding.places, what: '总分值', bold: true });
  statedFormulaCell(b, r, sc, { stated: ev.totals.statedScore, computed: valuesIn(sc, funds.executionScore), expr: sumOf(sc, funds.executionScore), guard: null, places: fig.profile.rounding.places, what: '总分', bold: true });
  cells.totalWeight = addr(r, wc);
  cells.total = addr(r, sc);
  for (let c = sc + 1; c <= ctx.ncols; c++) b.put(r, c, '');
  r++;
  const grade = ev.totals.statedGrade;
  if (spec.grade.show === 'always' || (spec.grade.show === 'whenStated' && grade)) {
    b.span(r, 2, wc - 1, spec.grade.label, { bold: true });
    b.span(r, wc, ctx.ncols, grade ?? '', { bold: true });
    cells.grade = addr(r, wc);
    r++;
  }
  return r;
}
