/**
 * Rounding-aware judgement of a stated figure against a recomputed one (the statcheck /
 * XBRL lesson: rounding is the main source of false alarms). A stated figure is judged
 * within the precision it was printed with:
 *
 * - `consistent`: the stated digits are the half-up rounding of the recomputed value
 *   (or, when inputs were themselves rounded, of some value they allow);
 * - `misrounded`: within one unit of the last printed digit, but the digits are wrong
 *   (typically truncated: 11 ÷ 30 = 36.666…% printed as 36.6%);
 * - `inconsistent`: further off than rounding can explain.
 */
import { Decimal, dec, printedPlaces, roundHalfUp, type DecimalInput } from './decimal.js';

export type Verdict = 'consistent' | 'misrounded' | 'inconsistent';

export interface Interval {
  lo: Decimal;
  hi: Decimal;
}

export function point(x: DecimalInput): Interval {
  const d = dec(x);
  return { lo: d, hi: d };
}

/**
 * One unit of the last printed digit, 10^−places, and half of it, for the places figures are
 * printed with (computed once: exact values, the same as dividing each time).
 */
const UNITS: readonly { unit: Decimal; half: Decimal }[] = Object.freeze(
  Array.from({ length: 16 }, (_, places) => computeUnit(places)),
);

function computeUnit(places: number): { unit: Decimal; half: Decimal } {
  const unit = dec(1).dividedBy(dec(10).pow(places));
  return { unit, half: unit.dividedBy(2) };
}

function unitOf(places: number): { unit: Decimal; half: Decimal } {
  return UNITS[places] ?? computeUnit(places);
}

/** The interval a printed figure stands for: "276.7" → [276.65, 276.75]. */
export function printedInterval(s: string): Interval {
  const d = dec(s);
  const { half } = unitOf(printedPlaces(s));
  return { lo: d.minus(half), hi: d.plus(half) };
}

export function midpoint(i: Interval): Decimal {
  return i.lo.plus(i.hi).dividedBy(2);
}

/** part ÷ whole over intervals (whole assumed positive). */
export function divideIntervals(part: Interval, whole: Interval): Interval | null {
  if (whole.lo.lessThanOrEqualTo(0)) return null;
  return { lo: part.lo.dividedBy(whole.hi), hi: part.hi.dividedBy(whole.lo) };
}

export function scaleInterval(i: Interval, k: DecimalInput): Interval {
  const f = dec(k);
  return { lo: i.lo.times(f), hi: i.hi.times(f) };
}

export function addIntervals(xs: Interval[]): Interval {
  let lo = dec(0);
  let hi = dec(0);
  for (const x of xs) {
    lo = lo.plus(x.lo);
    hi = hi.plus(x.hi);
  }
  return { lo, hi };
}

export interface Judgement {
  verdict: Verdict;
  /** The stated value as a decimal. */
  stated: Decimal;
  /** The best recomputed value (exact, or the midpoint of its interval). */
  expected: Decimal;
  /** The recomputed value rounded half up to the stated precision. */
  expectedAtPrecision: Decimal;
  /** stated − expected. */
  difference: Decimal;
  places: number;
}

/**
 * Judge `stated` (as printed) against `computed` (exact value or interval).
 */
export function judgeStated(stated: string, computed: Decimal | Interval): Judgement {
  const places = printedPlaces(stated);
  const s = dec(stated);
  const interval: Interval = computed instanceof Decimal ? { lo: computed, hi: computed } : computed;
  const expected = computed instanceof Decimal ? computed : midpoint(interval);
  const expectedAtPrecision = roundHalfUp(expected, places);
  const { unit, half } = unitOf(places);
  const difference = s.minus(expected);
  let verdict: Verdict;
  // The stated digits stand for [s − half, s + half); consistent if that overlaps the
  // interval. A printed input's interval is half-open too ([x − half, x + half)), so two
  // intervals that only touch at an end do not overlap: five parts printed to 0.01 add up
  // to less than their sum + 0.025, never to a total printed 0.03 higher.
  const statedLo = s.minus(half);
  const statedHi = s.plus(half);
  if (expectedAtPrecision.equals(s) || (statedLo.lessThan(interval.hi) && statedHi.greaterThan(interval.lo))) {
    verdict = 'consistent';
  } else {
    // distance from the stated value to the nearest point of the interval
    const dist = s.lessThan(interval.lo) ? interval.lo.minus(s) : s.minus(interval.hi);
    verdict = dist.lessThan(unit) ? 'misrounded' : 'inconsistent';
  }
  return { verdict, stated: s, expected, expectedAtPrecision, difference, places };
}

/** Is `a` within `places` rounding of `b` (both exact)? Convenience for equal-amount checks. */
export function sameAtPrecision(stated: string, exact: Decimal): boolean {
  return judgeStated(stated, exact).verdict === 'consistent';
}
