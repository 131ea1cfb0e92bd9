/**
 * The rule profile's formulas written as Excel formulas, so an officer can change a
 * figure in Excel and see scores, totals and the grade move. Cell references are passed in.
 */
import { dec, roundHalfUp, type Decimal, type Profile, type ScoredIndicator } from '@jixiao/core';

/** =executed ÷ base, blank when the base is missing or zero. */
export function executionRateFormula(executed: string, base: string): string {
  return `IF(N(${base})>0,${executed}/${base},"")`;
}

/** weight × min(rate, cap). */
export function executionScoreFormula(profile: Profile, weight: string, rate: string, stated: string | null = null): string {
  return `IF(${rate}="",${stated ?? '""'},${weight}*MIN(${rate},${profile.execution.cap}))`;
}

/** part ÷ whole, blank when whole is missing or zero. */
export function shareFormula(part: string, whole: string): string {
  return `IF(AND(ISNUMBER(${part}),N(${whole})>0),${part}/${whole},"")`;
}

/**
 * The score formula of a quantitative indicator (target and actual numeric), mirroring
 * core's scoreIndicator, or null when the indicator is not scored by formula
 * (qualitative, unreadable, not applicable). `t` is the target cell (or, for a range,
 * the lower end as a constant); ranges pass their upper end as a constant.
 */
export function indicatorScoreFormula(profile: Profile, ind: ScoredIndicator, w: string, t: string, a: string): string | null {
  if (ind.status === 'not_applicable') return null;
  if (ind.target?.kind !== 'quantitative' || ind.actual?.kind !== 'quantitative') return null;
  const factor = ind.weight && ind.effectiveWeight && !ind.weight.equals(ind.effectiveWeight) && !ind.weight.isZero() ? `*${ind.effectiveWeight.dividedBy(ind.weight).toString()}` : '';
  const W = factor ? `(${w}${factor})` : w;
  const A = `MAX(0,${a})`;
  const reverse = (x: string) =>
    profile.reverse.formula === 'target_over_actual'
      ? `IF(${x}>0,${W}*${x}/${A},0)`
      : `IF(${x}>0,MAX(0,${W}*(1-(${A}-${x})/${x})),0)`;
  if (ind.target.upper !== null) {
    const lo = ind.target.value.toString();
    const hi = ind.target.upper.toString();
    return `IF(${A}<${lo},${W}*${A}/${lo},IF(${A}<=${hi},${W},${reverse(hi)}))`;
  }
  switch (ind.target.sign) {
    case '>=':
    case '>':
      return `IF(${t}>0,MIN(${W},${W}*${A}/${t}),${W})`;
    case '=':
      return `IF(${t}>0,MIN(${W},${W}*${A}/${t}),IF(${t}<0,${W},IF(${A}<=0,${W},0)))`;
    case '<=':
    case '<':
      return `IF(${A}<=${t},${W},${reverse(t)})`;
  }
}

/** Nested IF over the profile's grade bands (highest first, lower bounds inclusive). */
export function gradeFormula(profile: Profile, total: string): string {
  const x = `ROUND(${total},6)`;
  const grades = profile.grades;
  let f = '""';
  for (let i = grades.length - 1; i >= 0; i--) {
    const g = grades[i]!;
    f = i === grades.length - 1 && dec(g.min).isZero() ? `"${g.name}"` : `IF(${x}>=${g.min},"${g.name}",${f})`;
  }
  return `IF(ISNUMBER(${total}),${f},"")`;
}

/**
 * A formula's cached result, rounded half up to the places its cell's number format shows
 * (so a reader that does not recalculate sees 84.96, never 84.96100960632887).
 */
export function cachedNumber(d: Decimal | null, places: number): number | string {
  return d === null ? '' : Number(roundHalfUp(d, places).toString());
}

/** A ratio shown as "0.00%": four places of the ratio. */
export function cachedRatio(d: Decimal | null): number | string {
  return cachedNumber(d, 4);
}
