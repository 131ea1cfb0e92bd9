/** Display formatting of computed figures: half up, only here (never before). */
import { formatDecimal, type Decimal } from '@jixiao/core';

/** 万元 amounts: up to 2 decimals, trailing zeros trimmed ("276.7"). */
export function fmtAmount(d: Decimal | null): string {
  return d === null ? '——' : formatDecimal(d, 2);
}

/** A ratio (1 = 100%) as a percentage with up to 2 decimals ("77.99%", "100%"). */
export function fmtPercent(r: Decimal | null): string {
  return r === null ? '——' : `${formatDecimal(r.times(100), 2)}%`;
}

export function fmtScore(d: Decimal | null, places = 2): string {
  return d === null ? '——' : formatDecimal(d, places);
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]!}十${ones === 0 ? '' : CN_DIGITS[ones]!}`;
}

export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}
