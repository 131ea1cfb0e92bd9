/** Display helpers: numbers arrive as decimal strings; round half up only here, for display. */
import { dec, formatDecimal, type Decimal } from '@jixiao/core';

export function toDec(v: string | number | null | undefined): Decimal | null {
  if (v === null || v === undefined || v === '') return null;
  try {
    const d = dec(typeof v === 'number' ? String(v) : v.trim());
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

export function fmt(v: string | number | null | undefined, places = 2): string {
  if (v === null || v === undefined || v === '') return '—';
  const d = toDec(v);
  return d ? formatDecimal(d, places) : String(v);
}

/** An amount in 万元 as tables print it: two places, always (1305 → "1305.00"). */
export function fmtMoney(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  const d = toDec(v);
  return d ? formatDecimal(d, 2, true) : String(v);
}

/** A ratio (1 = 100%) as a percentage. */
export function fmtRate(v: string | number | null | undefined, places = 2): string {
  if (v === null || v === undefined || v === '') return '—';
  const d = toDec(v);
  return d ? `${formatDecimal(d.times(100), places)}%` : String(v);
}

/** Both present and different as decimals (never via floats). */
export function differentDec(a: string | number | null | undefined, b: string | number | null | undefined): boolean {
  const x = toDec(a);
  const y = toDec(b);
  return !!(x && y && !x.equals(y));
}

/** For charts only (echarts needs numbers); never used to compare. */
export function chartNumber(v: string | number | null | undefined): number | null {
  const d = toDec(v);
  return d ? d.toNumber() : null;
}

export function fmtTime(v: string | null | undefined): string {
  if (!v) return '';
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toLocaleString('zh-CN', { hour12: false });
}
