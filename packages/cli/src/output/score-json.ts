/** Decimal → string for JSON output of a ScoreResult (no floats leave the program). */
import type { ScoreResult } from '@jixiao/core';

export function scoreResultToJson(r: ScoreResult): unknown {
  return JSON.parse(JSON.stringify(r, (_k, v: unknown) => (isDecimal(v) ? v.toString() : v)));
}

function isDecimal(v: unknown): v is { toString(): string } {
  return typeof v === 'object' && v !== null && typeof (v as { toFixed?: unknown }).toFixed === 'function' && 'd' in v && 'e' in v;
}
