/** Small shared helpers for audit rules: labels, number formatting, stated-vs-recomputed judgements. */
import { Decimal, dec, decOrNull, formatDecimal, printedPlaces } from '../decimal/decimal.js';
import { divideIntervals, judgeStated, point, printedInterval, scaleInterval, type Interval, type Judgement } from '../decimal/judge-stated.js';
import type { Evaluation } from '../model/evaluation.js';
import type { AuditContext, FindingDraft } from './types.js';

/** Display form of a decimal for findings: half up, at least 2 places of precision, zeros trimmed. */
export function fmt(d: Decimal, places = 2): string {
  return formatDecimal(d, places);
}

/** A ratio (1 = 100%) as a percent figure string without the sign: 0.36666 → "36.67". */
export function pct(ratio: Decimal, places = 2): string {
  return formatDecimal(ratio.times(100), places);
}

/** The interval a printed amount stands for; whole numbers (counts, round amounts) are exact. */
export function amountInterval(s: string): Interval {
  return printedPlaces(s) > 0 ? printedInterval(s) : point(s);
}

/** part ÷ whole in percent, over the printed intervals; null when whole is not positive. */
export function percentOf(part: string, whole: string): Interval | null {
  const q = divideIntervals(amountInterval(part), amountInterval(whole));
  return q ? scaleInterval(q, 100) : null;
}

/** Sum of printed amounts as an interval. */
export function sumOfPrinted(parts: string[]): Interval {
  let lo = dec(0);
  let hi = dec(0);
  for (const p of parts) {
    const i = amountInterval(p);
    lo = lo.plus(i.lo);
    hi = hi.plus(i.hi);
  }
  return { lo, hi };
}

/** Places to show an expected figure with: the stated precision, but never fewer than 2. */
export function shownPlaces(stated: string): number {
  return Math.max(2, printedPlaces(stated));
}

/** reported / expected / difference strings of a judgement. */
export function figuresOf(stated: string, j: Judgement): Pick<FindingDraft, 'reported' | 'expected' | 'difference'> {
  const places = shownPlaces(stated);
  return { reported: stated, expected: fmt(j.expected, places), difference: fmt(j.difference, places) };
}

export { judgeStated, decOrNull, dec, printedPlaces };

/** "产出指标 › 数量指标 › 开展常规巡察" for a leaf; shorter for level-1/level-2. */
export function indicatorLabel(ev: Evaluation, i: number, j?: number, k?: number): string {
  const l1 = ev.indicators[i];
  if (!l1) return '绩效指标';
  const parts = [l1.name];
  if (j !== undefined) {
    const l2 = l1.children[j];
    if (l2) parts.push(l2.name);
    if (k !== undefined && l2?.children[k]) parts.push(l2.children[k]!.name);
  }
  return parts.join(' › ');
}

export interface LeafEntry {
  i: number;
  j: number;
  k: number;
  path: string;
  label: string;
  leaf: Evaluation['indicators'][number]['children'][number]['children'][number];
  level1: string;
  level2: string;
}

/** Every leaf indicator with its model path and indices. */
export function leavesOf(ev: Evaluation): LeafEntry[] {
  const out: LeafEntry[] = [];
  ev.indicators.forEach((l1, i) =>
    l1.children.forEach((l2, j) =>
      l2.children.forEach((leaf, k) =>
        out.push({
          i,
          j,
          k,
          path: `indicators.${i}.children.${j}.children.${k}`,
          label: indicatorLabel(ev, i, j, k),
          leaf,
          level1: l1.name,
          level2: l2.name,
        }),
      ),
    ),
  );
  return out;
}

/** `leavesOf` the context's evaluation, computed once per context (kept in `ctx.memo`). */
export function leavesIn(ctx: AuditContext): readonly LeafEntry[] {
  const memo = ctx.memo;
  if (memo === undefined) return leavesOf(ctx.evaluation);
  return (memo.leaves ??= leavesOf(ctx.evaluation));
}

export function isBlank(s: string | null | undefined): boolean {
  return s === null || s === undefined || s.replace(/[\s\u3000]/g, '') === '' || /^[—\-－]+$/.test(s.trim());
}

/** True when the evaluation carries any score at all (total, execution, level-1 or leaf). */
export function hasAnyScore(ev: Evaluation): boolean {
  if (ev.totals.statedScore !== null || ev.budgetExecution.selfScore !== null) return true;
  return ev.indicators.some(
    (l1) => l1.selfScore !== null || l1.children.some((l2) => l2.selfScore !== null || l2.children.some((x) => x.selfScore !== null)),
  );
}

/** True when some indicator-level score is stated (level-1, level-2 or leaf). */
export function hasIndicatorScores(ev: Evaluation): boolean {
  return ev.indicators.some(
    (l1) => l1.selfScore !== null || l1.children.some((l2) => l2.selfScore !== null || l2.children.some((x) => x.selfScore !== null)),
  );
}

export const FUND_FIELD_LABELS = {
  total: '年度资金总额',
  basic: '基本支出',
  project: '项目支出',
  personnel: '人员经费',
  operating: '公用经费',
} as const;

export const COLUMN_LABELS = { initial: '年初预算数', adjusted: '全年预算数', executed: '全年执行数' } as const;
export type Column = keyof typeof COLUMN_LABELS;
export const COLUMNS: Column[] = ['initial', 'adjusted', 'executed'];

export interface LabelledFigure {
  label: string;
  value: string;
}

/**
 * Judge a stated total against the sum of its stated parts (each within its printed
 * precision). Returns null when the total agrees within rounding. Unlike a percentage, a
 * sum has no "misrounded" middle ground: when no rounding of the parts reaches the total
 * (even by less than a unit, e.g. five parts to 0.01 against a total 0.03 off), it is wrong.
 */
export function sumDiscrepancy(total: string, parts: LabelledFigure[]): { judgement: Judgement; figures: Pick<FindingDraft, 'reported' | 'expected' | 'difference'>; formula: string } | null {
  // The total is judged at the precision of its finest part: "276.7" next to "265.45" stands for 276.70.
  const places = Math.max(2, ...parts.map((p) => printedPlaces(p.value)), printedPlaces(total));
  const j = judgeStated(padPlaces(total, places), sumOfPrinted(parts.map((p) => p.value)));
  if (j.verdict === 'consistent') return null;
  const sum = parts.reduce((s, p) => s.plus(dec(p.value)), dec(0));
  return {
    judgement: j,
    figures: { reported: total, expected: fmt(sum, places), difference: fmt(dec(total).minus(sum), places) },
    formula: `${parts.map((p) => `${p.label} ${p.value}`).join(' + ')} = ${fmt(sum, places)}`,
  };
}

export const CANNOT_TELL = '无法判断是分项还是合计填错，请核对原始数据';

/** Grade names compared by level: 优秀 = 优, 良好 = 良, 一般 = 中, 较差 = 差 (rules data). */
export function canonicalGrade(name: string, synonyms: Record<string, string>): string {
  const t = name.replace(/[“”"'‘’\s]/g, '');
  return synonyms[t] ?? t;
}

/** "10" → "10.00": a figure printed without decimals is exact, so judge it at `places`. */
export function padPlaces(s: string, places: number): string {
  const have = printedPlaces(s);
  if (have >= places) return s;
  return `${s}${have === 0 ? '.' : ''}${'0'.repeat(places - have)}`;
}
