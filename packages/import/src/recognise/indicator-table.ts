/**
 * The indicator table: 一级 | 二级 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 | 偏差原因
 * (and its provincial variants), merged level cells carried down, weights headed in level
 * names ("产出指标（50分）"), a 预算执行 row, wrapped names in PDF text.
 */
import { targetText, type Indicator, type Level1, type Level2 } from '@jixiao/core';
import { cellText, type Cell } from '../document/document.js';
import { isBlankCell } from '../parse-number.js';
import { BUDGET_EXECUTION_ROW, INDICATOR_COLUMNS, type IndicatorColumn } from '../vocab/table-vocab.js';
import type { Ctx } from '../assemble/draft.js';
import { aligned, distinct, headedWeight, mapHeader, num, okWeight, provCell } from './cells.js';
import { isSubHeader, refineIndicatorHeader, semanticColumns } from './indicator-columns.js';
import { findOrAddLevel1, parseSign } from './indicator-tree.js';
import type { Recogniser, RowView } from './recogniser.js';
import { liftLevel2Scores, type WeightSpans } from './level2-scores.js';
import { readTotalRow } from './total-row.js';

export interface IndicatorState {
  cols: Array<IndicatorColumn | null>;
  l1: number;
  l2: number;
  lastLeaf: Indicator | null;
  /** Level-1 indicators this table wrote to, and how many rows each leaf's weight cell spans. */
  touched: Set<Level1>;
  spans: WeightSpans;
}

/** A row's cells by column, for the header's columns or read from the right for short rows. */
interface Cols {
  at(k: IndicatorColumn): Cell | undefined;
  txt(k: IndicatorColumn): string;
}

function columnsOf(s: IndicatorState, row: RowView): Cols {
  const H = s.cols.length;
  const semantic = row.cells.length < H ? semanticColumns(row.cells, row.texts) : null;
  const at = (k: IndicatorColumn): Cell | undefined => {
    if (semantic) {
      const i = semantic[k];
      return i === undefined ? undefined : row.cells[i];
    }
    const j = s.cols.indexOf(k);
    return j < 0 ? undefined : row.cells[aligned(H, row.cells.length, j)];
  };
  const txt = (k: IndicatorColumn) => {
    const c = at(k);
    return c ? cellText(c).replace(/\u3000/g, ' ').trim() : '';
  };
  return { at, txt };
}

function prov(ctx: Ctx, path: string, c: Cell | undefined): void {
  if (c) provCell(ctx, path, c);
}

/**
 * A wrapped name in PDF text: the second line of a cell arrives as a row of its own (a short
 * row); in a table of cells, a row the page broke: its rest on the next page, under the 三级 name only.
 */
function continuesName(s: IndicatorState, row: RowView): boolean {
  const filled = row.texts.filter((t) => !isBlankCell(t));
  if (!s.lastLeaf || filled.length !== 1 || filled[0]!.length > 12) return false;
  if (/指标$|[（(]\d+分[）)]/.test(filled[0]!) || row.cells.some((c) => num(c))) return false;
  const short = row.cells.length < s.cols.length;
  if (!short && !(row.merges && !isBlankCell(columnsOf(s, row).txt('level3')))) return false;
  s.lastLeaf.name += filled[0]!.replace(/\s+/g, '');
  return true;
}

/** "预算执行率 | 10 | 10" inside the indicator table. */
function readBudgetRow(ctx: Ctx, c: Cols, headed: string | null): void {
  const be = ctx.ev.budgetExecution;
  const w = num(c.at('weight'));
  const s = num(c.at('score'));
  if (okWeight(w)) {
    be.weight = w.value;
    prov(ctx, 'budgetExecution.weight', c.at('weight'));
  } else if (headed) be.weight = headed;
  if (s && !s.percent) {
    be.selfScore = s.value;
    prov(ctx, 'budgetExecution.selfScore', c.at('score'));
  }
  const a = num(c.at('actual'));
  if (a?.percent) {
    be.statedRate = a.value;
    prov(ctx, 'budgetExecution.statedRate', c.at('actual'));
  }
}

/** A level-1 name in the row: the budget-execution row ('budget'), a new level 1, or the same one. */
function readLevel1Cell(ctx: Ctx, s: IndicatorState, c: Cols): 'budget' | void {
  const l1Text = c.txt('level1');
  if (isBlankCell(l1Text)) return;
  const { name, weight } = headedWeight(l1Text);
  if (BUDGET_EXECUTION_ROW.test(name) && !/指标$/.test(name.replace(BUDGET_EXECUTION_ROW, ''))) {
    readBudgetRow(ctx, c, weight);
    s.l1 = -1;
    return 'budget';
  }
  const cur = s.l1 >= 0 ? ctx.ev.indicators[s.l1] : undefined;
  if (cur && cur.name === name) return;
  s.l1 = findOrAddLevel1(ctx.ev.indicators, name);
  s.l2 = -1;
  if (weight) {
    ctx.ev.indicators[s.l1]!.weight = weight;
    prov(ctx, `indicators.${s.l1}.weight`, c.at('level1'));
  }
  prov(ctx, `indicators.${s.l1}`, c.at('level1'));
}

function readLevel2Cell(ctx: Ctx, s: IndicatorState, l1: Level1, c: Cols): void {
  const l2Text = c.txt('level2');
  if (isBlankCell(l2Text)) return;
  const { name, weight } = headedWeight(l2Text);
  // the level-2 name printed again on each row of its group (cells not merged): the same group
  const prev = s.l2 >= 0 ? l1.children[s.l2] : undefined;
  if (prev && prev.name === name && (weight === null || prev.weight === weight)) return;
  l1.children.push({ name, weight, selfScore: null, children: [] });
  s.l2 = l1.children.length - 1;
  prov(ctx, `indicators.${s.l1}.children.${s.l2}`, c.at('level2'));
  if (weight) prov(ctx, `indicators.${s.l1}.children.${s.l2}.weight`, c.at('level2'));
}

/** A level-1 row with its own weight and score and nothing below it: the level-1 score. True when read. */
function readLevel1Score(ctx: Ctx, s: IndicatorState, l1: Level1, c: Cols): boolean {
  if (isBlankCell(c.txt('level1')) || ['level2', 'level3', 'target', 'actual'].some((k) => !isBlankCell(c.txt(k as IndicatorColumn)))) return false;
  const w = num(c.at('weight'));
  const sc = num(c.at('score'));
  if (okWeight(w)) {
    l1.weight ??= w.value;
    prov(ctx, `indicators.${s.l1}.weight`, c.at('weight'));
  }
  if (sc && !sc.percent) {
    l1.selfScore = sc.value;
    prov(ctx, `indicators.${s.l1}.selfScore`, c.at('score'));
  }
  return okWeight(w) || sc !== null;
}

/** A cell holding a number, perhaps with its own sign or unit ("2400", "≥95", "100万元"). */
const PLAIN_FIGURE = /^([≥≤<>=]?)(-?\d+(?:\.\d+)?)(%|[\p{Script=Han}A-Za-z/]{1,6})?$/u;

/**
 * The target or actual as a reader states it when 指标性质 and 计量单位 have columns of their
 * own ("≥ | 2400 | 份" → "≥2400份", actual "3200" → "3200份"), as core's `targetText` prints a
 * planned target: a cell's own sign and unit win; a cell with words is kept as printed.
 */
function withSignAndUnit(text: string | null, sign: Indicator['sign'], unit: string | null, withSign: boolean): string | null {
  const m = text === null ? null : PLAIN_FIGURE.exec(text.replace(/\s+/g, ''));
  const addSign = withSign && sign !== null && sign !== 'qualitative' && !m?.[1];
  if (!m || sign === 'qualitative' || (!addSign && (m[3] || !unit))) return text;
  const u = m[3] ?? (unit && /^(?:%|百分比|百分率)$/.test(unit) ? '%' : unit);
  return addSign ? targetText({ sign, value: m[2]!, unitOfMeasure: u }) : `${m[1]}${m[2]}${u ?? ''}`;
}

function leafOf(l2: Level2, c: Cols): Indicator {
  const w = num(c.at('weight'));
  const s = num(c.at('score'));
  const l3Text = c.txt('level3');
  const targetCell = c.txt('target');
  const blankOr = (k: IndicatorColumn) => (isBlankCell(c.txt(k)) ? null : c.txt(k));
  const rv = num(c.at('reviewerScore'));
  const sign = parseSign(c.txt('sign'));
  const unit = blankOr('unit');
  return {
    id: null,
    name: isBlankCell(l3Text) ? l2.name : l3Text.replace(/\s+/g, ''),
    target: withSignAndUnit(blankOr('target'), sign, unit, true),
    initialTarget: withSignAndUnit(blankOr('initialTarget'), sign, unit, true),
    sign,
    unitOfMeasure: unit,
    actual: withSignAndUnit(blankOr('actual'), sign, unit, false),
    qualitativeLevel: null,
    weight: okWeight(w) ? w.value : null,
    selfScore: s && !s.percent ? s.value : null,
    reviewerScore: rv && !rv.percent ? rv.value : null,
    deviationReason: blankOr('reason'),
    core: /是|√|✓/.test(c.txt('core')),
    notApplicable: /^(?:——|—|\/|不适用)$/.test(targetCell.replace(/\s/g, '')) && !okWeight(w),
  };
}

function readLeaf(ctx: Ctx, s: IndicatorState, l1: Level1, c: Cols, merges: boolean): void {
  const hasLeaf = ['level3', 'target', 'actual'].some((k) => !isBlankCell(c.txt(k as IndicatorColumn))) || num(c.at('weight')) || num(c.at('score'));
  if (!hasLeaf) return;
  if (s.l2 < 0) {
    l1.children.push({ name: l1.name, weight: null, selfScore: null, children: [] });
    s.l2 = l1.children.length - 1;
  }
  const l2 = l1.children[s.l2]!;
  const ind = leafOf(l2, c);
  const k = l2.children.length;
  l2.children.push(ind);
  s.lastLeaf = ind;
  s.touched.add(l1);
  const wc = c.at('weight');
  // rows the weight cell spans: 0 when covered by the one above, -1 when the table kept no merges (text)
  if (wc) s.spans.set(ind, !merges ? -1 : wc.covered ? 0 : (wc.rowSpan ?? 1));
  const p = `indicators.${s.l1}.children.${s.l2}.children.${k}`;
  prov(ctx, p, c.at('level3') ?? c.at('weight'));
  if (ind.target) prov(ctx, `${p}.target`, c.at('target'));
  if (ind.actual) prov(ctx, `${p}.actual`, c.at('actual'));
  if (ind.weight) prov(ctx, `${p}.weight`, c.at('weight'));
  if (ind.selfScore) prov(ctx, `${p}.selfScore`, c.at('score'));
  if (ind.deviationReason) prov(ctx, `${p}.deviationReason`, c.at('reason'));
}

export const indicatorTable: Recogniser<IndicatorState> = {
  kind: 'indicators',
  claim(texts) {
    const cols = mapHeader(texts, INDICATOR_COLUMNS);
    const ik = distinct(cols);
    const levels = ik.has('level1') || ik.has('level3');
    // with targets and actuals (the national tables), or weights and scores only (the 2013 department framework)
    const figures = ((ik.has('target') || ik.has('actual')) && (ik.has('weight') || ik.has('score'))) || (ik.has('weight') && ik.has('score'));
    // or targets and actuals under all three levels, unscored (中央对地方转移支付区域绩效自评表)
    const unscored = ik.has('level1') && ik.has('level3') && ik.has('target') && ik.has('actual');
    return (levels && figures) || unscored ? { cols, l1: -1, l2: -1, lastLeaf: null, touched: new Set(), spans: new Map() } : null;
  },
  finish(ctx, s) {
    liftLevel2Scores(ctx, s.touched, s.spans);
  },
  /**
   * 合计 in a row rebuilt under the header's columns: the 分值 column's number is the total weight, the
   * 得分 column's the score (either may be blank). Other tables' total rows: by their numbers.
   */
  total(ctx, s, row) {
    const c = row.placed && row.cells.length === s.cols.length ? columnsOf(s, row) : null;
    const weight = c ? num(c.at('weight')) : null;
    const score = c ? num(c.at('score')) : null;
    if (!weight && !score) return readTotalRow(ctx, row);
    if (weight && !weight.percent) {
      ctx.ev.totals.statedWeight = weight.value;
      prov(ctx, 'totals.statedWeight', c!.at('weight'));
    }
    if (score && !score.percent) {
      ctx.ev.totals.statedScore = score.value;
      prov(ctx, 'totals.statedScore', c!.at('score'));
    }
  },
  subHeader(s, texts) {
    if (!isSubHeader(texts)) return false;
    refineIndicatorHeader(s.cols, texts);
    return true;
  },
  read(ctx, s, row) {
    if (continuesName(s, row)) return;
    s.lastLeaf = null;
    const c = columnsOf(s, row);
    if (readLevel1Cell(ctx, s, c) === 'budget') return;
    if (s.l1 < 0) {
      if (isBlankCell(c.txt('level2')) && isBlankCell(c.txt('level3'))) return;
      s.l1 = findOrAddLevel1(ctx.ev.indicators, '未标明一级指标');
    }
    const l1 = ctx.ev.indicators[s.l1]!;
    readLevel2Cell(ctx, s, l1, c);
    if (readLevel1Score(ctx, s, l1, c)) return;
    readLeaf(ctx, s, l1, c, row.merges);
  },
};
