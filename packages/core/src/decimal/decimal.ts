/**
 * Exact decimal arithmetic for money, ratios and scores. Binary floats never take part
 * in a comparison; rounding (四舍五入, half up) happens only in `formatDecimal`, i.e.
 * when a figure is displayed or printed.
 */
import { Decimal as DecimalJs } from 'decimal.js';

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export type DecimalInput = string | number | Decimal;

export function dec(x: DecimalInput): Decimal {
  return new Decimal(x);
}

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

/** Number of digits after the decimal point as printed: "36.6" → 1, "100" → 0. */
export function printedPlaces(s: string): number {
  const m = /\.(\d+)$/.exec(s.trim());
  return m ? m[1]!.length : 0;
}

/** Half-up rounding to `places` decimals. */
export function roundHalfUp(d: Decimal, places: number): Decimal {
  return d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/**
 * Display form: half up to `places` decimals, trailing zeros trimmed unless `fixed`.
 * 9.7947 → "9.79"; 10 → "10"; with fixed: "10.00".
 */
export function formatDecimal(d: Decimal, places = 2, fixed = false): string {
  const r = roundHalfUp(d, places);
  if (fixed) return r.toFixed(places);
  const text = r.toFixed(places);
  // Trailing zeros of the fraction only: with no decimal point, "10" stays "10".
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

export function formatPercent(ratio: Decimal, places = 2): string {
  return `${formatDecimal(ratio.times(100), places)}%`;
}

export function minDec(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

export function maxDec(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}

export function clamp(d: Decimal, lo: Decimal, hi: Decimal): Decimal {
  return maxDec(lo, minDec(d, hi));
}

export function sumDec(xs: Iterable<Decimal>): Decimal {
  let s = ZERO;
  for (const x of xs) s = s.plus(x);
  return s;
}

/** Parse a stated decimal string; null for null/empty/invalid. */
export function decOrNull(s: string | null | undefined): Decimal | null {
  if (s === null || s === undefined) return null;
  const t = s.trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return new Decimal(t);
}
