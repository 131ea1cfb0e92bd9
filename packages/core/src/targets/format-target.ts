/** Canonical text of a parsed target: "≥95%", "≤90万元", "≥3次", "90%-95%", "增强". */
import type { Decimal } from '../decimal/decimal.js';
import type { ParsedTarget, TargetSign } from './types.js';

export const SIGN_SYMBOL: Record<TargetSign, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' };

function plain(d: Decimal): string {
  return d.isZero() ? '0' : d.toFixed();
}

export function formatTarget(t: ParsedTarget): string {
  if (t.kind === 'qualitative') return t.level;
  if (t.kind === 'unparseable') return t.raw;
  const pct = t.percent ? '%' : '';
  const unit = t.unit ?? '';
  if (t.upper !== null) return `${plain(t.value)}${pct}-${plain(t.upper)}${pct}${unit}`;
  return `${SIGN_SYMBOL[t.sign]}${plain(t.value)}${pct}${unit}`;
}

/** The number with its unit, without the sign: "95%", "90万元". */
export function formatTargetValue(value: Decimal, t: { percent: boolean; unit: string | null }): string {
  return `${plain(value)}${t.percent ? '%' : ''}${t.unit ?? ''}`;
}
