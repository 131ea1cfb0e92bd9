/**
 * Every stated percentage the model can recompute, with its recomputed value as an
 * interval (inputs judged within their printed precision). Shared by the accuracy rules
 * (inconsistent → error) and the rounding rule (misrounded → warning).
 */
import { dec } from '../decimal/decimal.js';
import { divideIntervals, judgeStated, point, scaleInterval, type Interval, type Judgement } from '../decimal/judge-stated.js';
import { amountInterval, fmt, percentOf } from './finding-helpers.js';
import { FUND_SOURCE_LABELS } from '../model/evaluation.js';
import { kindWeights } from '../profiles/kind-weights.js';
import { RULES_DATA } from './rules-data.js';
import type { AuditContext } from './types.js';

export type StatedPercentKind = 'share' | 'change' | 'staffing' | 'execution' | 'arrival' | 'scoreRate' | 'formula';

export interface StatedPercent {
  kind: StatedPercentKind;
  path: string;
  label: string;
  /** As printed, percent units without the sign. */
  stated: string;
  computed: Interval;
  /** The division in words, e.g. "11 ÷ 30". */
  formula: string;
  /** Original sentence, when known. */
  text: string | null;
  /** `stated` judged against `computed` (judgeStated), once for every rule that reads it. */
  judgement: Judgement;
  /**
   * Execution rates: the same division on the other budget base (typically the initial
   * budget), so a rule can say which base the stated rate was computed on.
   */
  alternative?: { computed: Interval; formula: string; base: 'adjusted' | 'initial' };
}

const BASE_LABEL = { adjusted: '全年预算数', initial: '年初预算数' } as const;

export function executionBase(ctx: AuditContext): { base: 'adjusted' | 'initial'; amount: string } | null {
  return rowBase(ctx.evaluation.funds.total, ctx.profile.execution.base);
}

export function baseLabel(base: 'adjusted' | 'initial'): string {
  return BASE_LABEL[base];
}

/**
 * The stated percentages of the context's evaluation, computed once per context (kept in
 * `ctx.memo`) since several rules read them.
 */
export function statedPercents(ctx: AuditContext): readonly StatedPercent[] {
  const memo = ctx.memo;
  if (memo === undefined) return computeStatedPercents(ctx);
  return (memo.statedPercents ??= computeStatedPercents(ctx));
}

function computeStatedPercents(ctx: AuditContext): StatedPercent[] {
  const ev = ctx.evaluation;
  const out: StatedPercent[] = [];

  ev.claims.forEach((c, i) => {
    if (c.type !== 'share') return;
    const q = percentOf(c.part.value, c.whole.value);
    if (!q) return;
    out.push({
      kind: 'share',
      path: `claims.${i}`,
      label: `文中数据 › ${c.part.label}占${c.whole.label}的比例`,
      stated: c.percent,
      computed: q,
      formula: `${c.part.label} ${c.part.value} ÷ ${c.whole.label} ${c.whole.value}`,
      text: c.text,
      judgement: judgeStated(c.percent, q),
    });
  });

  ev.claims.forEach((c, i) => {
    if (c.type !== 'change') return;
    const p = changePercent(c);
    if (!p) return;
    out.push({
      kind: 'change',
      path: `claims.${i}`,
      label: `文中数据 › ${c.current.label}较上年${c.direction === 'up' ? '增长' : '下降'}的比例`,
      stated: c.percent,
      text: c.text,
      ...p,
      judgement: judgeStated(c.percent, p.computed),
    });
  });

  const st = ev.baseData?.staffing;
  if (st && st.statedControlRate !== null && st.authorized !== null && st.actual !== null && st.authorized > 0) {
    const computed = point(dec(st.actual).dividedBy(st.authorized).times(100));
    out.push({
      kind: 'staffing',
      path: 'baseData.staffing.statedControlRate',
      label: '基础数据表 › 在职人员控制率',
      stated: st.statedControlRate,
      computed,
      formula: `实际在职 ${st.actual} ÷ 编制 ${st.authorized}`,
      text: null,
      judgement: judgeStated(st.statedControlRate, computed),
    });
  }

  out.push(...executionPercents(ctx), ...arrivalPercents(ctx));

  const scoreRate = (path: string, label: string, stated: string | null, score: string | null, weight: string | null) => {
    if (stated === null || score === null || weight === null || dec(weight).isZero()) return;
    const computed = scaleInterval(divide(amountInterval(score), dec(weight)), 100);
    out.push({
      kind: 'scoreRate',
      path,
      label,
      stated,
      computed,
      formula: `得分 ${score} ÷ 分值 ${weight}`,
      text: null,
      judgement: judgeStated(stated, computed),
    });
  };
  const be = ev.budgetExecution;
  const kw = kindWeights(ctx.profile, ev.kind);
  scoreRate('budgetExecution.statedScoreRate', '预算执行 › 得分率', be.statedScoreRate, be.selfScore, be.weight ?? kw.budgetExecution);
  ev.indicators.forEach((l1, i) =>
    scoreRate(`indicators.${i}.statedScoreRate`, `${l1.name} › 得分率`, l1.statedScoreRate, l1.selfScore, l1.weight),
  );
  scoreRate(
    'totals.statedScoreRate',
    '总分 › 得分率',
    ev.totals.statedScoreRate,
    ev.totals.statedScore,
    ev.totals.statedWeight ?? kw.total,
  );

  for (const f of ctx.formulas) {
    if (f.stated === null || f.value === null || RULES_DATA.formulasWithOwnRule.includes(f.id)) continue;
    if (!/^-?\d+(\.\d+)?$/.test(f.stated)) continue;
    const computed = point(f.value.times(100));
    out.push({
      kind: 'formula',
      path: 'baseData',
      label: `基础数据表 › ${f.name}`,
      stated: f.stated,
      computed,
      formula: f.explanation,
      text: null,
      judgement: judgeStated(f.stated, computed),
    });
  }
  return out;
}

type ChangeClaim = Extract<AuditContext['evaluation']['claims'][number], { type: 'change' }>;

/**
 * The change in percent a change claim states, recomputed: |now − last year| ÷ last year, last year's
 * figure as stated or, when only the change in amount is, now ∓ that change. Null when last year's
 * figure is not positive (no percent of it) or the figures move the other way than the words say
 * (a different mistake, not judged here).
 */
export function changePercent(c: ChangeClaim): { computed: Interval; formula: string } | null {
  const now = amountInterval(c.current.value);
  const up = c.direction === 'up';
  let base: Interval;
  let change: Interval;
  let formula: string;
  if (c.previous) {
    base = amountInterval(c.previous.value);
    change = up ? minus(now, base) : minus(base, now);
    const diff = up ? `${c.current.value} − ${c.previous.value}` : `${c.previous.value} − ${c.current.value}`;
    formula = `(${diff}) ÷ 上年 ${c.previous.value}`;
  } else if (c.delta) {
    change = amountInterval(c.delta.value);
    base = up ? minus(now, change) : plus(now, change);
    formula = `${c.delta.label} ${c.delta.value} ÷ 上年（${c.current.value} ${up ? '−' : '+'} ${c.delta.value}）`;
  } else return null;
  // last year nothing, or the figures moving the other way: no percent to judge here
  if (!base.lo.greaterThan(0) || change.hi.lessThan(0)) return null;
  const q = divideIntervals({ lo: change.lo.lessThan(0) ? dec(0) : change.lo, hi: change.hi }, base);
  return q ? { computed: scaleInterval(q, 100), formula } : null;
}

const minus = (a: Interval, b: Interval): Interval => ({ lo: a.lo.minus(b.hi), hi: a.hi.minus(b.lo) });
const plus = (a: Interval, b: Interval): Interval => ({ lo: a.lo.plus(b.lo), hi: a.hi.plus(b.hi) });

type Row = AuditContext['evaluation']['funds']['total'];

/** The base a row's execution rate divides by: the profile's base, else the other when it is blank or 0. */
function rowBase(row: Row, preferred: 'adjusted' | 'initial'): { base: 'adjusted' | 'initial'; amount: string } | null {
  const other = preferred === 'adjusted' ? 'initial' : 'adjusted';
  for (const b of [preferred, other] as const) {
    const a = row[b];
    if (a !== null && !dec(a).isZero()) return { base: b, amount: a };
  }
  return null;
}

function executionPercent(ctx: AuditContext, row: Row, stated: string, path: string, label: string): StatedPercent | null {
  const base = rowBase(row, ctx.profile.execution.base);
  if (row.executed === null || base === null) return null;
  const q = percentOf(row.executed, base.amount);
  if (!q) return null;
  const otherBase = base.base === 'adjusted' ? 'initial' : 'adjusted';
  const otherAmount = row[otherBase];
  const alt = otherAmount !== null && !dec(otherAmount).isZero() ? percentOf(row.executed, otherAmount) : null;
  return {
    kind: 'execution',
    path,
    label,
    stated,
    computed: q,
    formula: `全年执行数 ${row.executed} ÷ ${baseLabel(base.base)} ${base.amount}`,
    text: null,
    judgement: judgeStated(stated, q),
    ...(alt ? { alternative: { computed: alt, formula: `全年执行数 ${row.executed} ÷ ${baseLabel(otherBase)} ${otherAmount}`, base: otherBase } } : {}),
  };
}

/**
 * 执行率 as printed: the budget-execution rate, the total row's own 执行率 when the form
 * prints a different figure there, and each 其中 row's.
 */
function executionPercents(ctx: AuditContext): StatedPercent[] {
  const f = ctx.evaluation.funds;
  const out: Array<StatedPercent | null> = [];
  const main = ctx.evaluation.budgetExecution.statedRate;
  if (main !== null) out.push(executionPercent(ctx, f.total, main, 'budgetExecution.statedRate', '预算执行率'));
  if (f.total.statedRate !== null && f.total.statedRate !== main) {
    out.push(executionPercent(ctx, f.total, f.total.statedRate, 'funds.total.statedRate', '年度资金总额 › 执行率'));
  }
  f.bySource.forEach((r, i) => {
    if (r.statedRate === null) return;
    const name = r.label ?? FUND_SOURCE_LABELS[r.source];
    out.push(executionPercent(ctx, r, r.statedRate, `funds.bySource.${i}.statedRate`, `${name} › 执行率`));
  });
  return out.filter((p): p is StatedPercent => p !== null);
}

/** 资金到位率 = 资金到位数 ÷ 全年预算数（下达数）. */
function arrivalPercents(ctx: AuditContext): StatedPercent[] {
  const t = ctx.evaluation.funds.total;
  const stated = ctx.evaluation.budgetExecution.statedArrivalRate;
  if (stated === null || t.arrived === null || t.adjusted === null) return [];
  const q = percentOf(t.arrived, t.adjusted);
  if (!q) return [];
  return [
    {
      kind: 'arrival',
      path: 'budgetExecution.statedArrivalRate',
      label: '资金到位率',
      stated,
      computed: q,
      formula: `资金到位数 ${t.arrived} ÷ 全年预算数 ${t.adjusted}`,
      text: null,
      judgement: judgeStated(stated, q),
    },
  ];
}

function divide(i: Interval, by: ReturnType<typeof dec>): Interval {
  return { lo: i.lo.dividedBy(by), hi: i.hi.dividedBy(by) };
}

/** "36.67" for an interval's midpoint at 2 places (or the stated precision if finer). */
export function shownPercent(i: Interval, places = 2): string {
  return fmt(i.lo.plus(i.hi).dividedBy(2), places);
}
