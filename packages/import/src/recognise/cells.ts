/** Helpers the table recognisers share: numbers in cells, labels, headed weights, column alignment. */
import { cellText, type Cell } from '../document/document.js';
import { parseCellNumber, yuanToWan, type PrintedNumber } from '../parse-number.js';
import { setProv, type Ctx } from '../assemble/draft.js';

/** The number a cell holds (its first non-empty paragraph), or null. */
export function num(c: Cell | undefined): PrintedNumber | null {
  return c ? parseCellNumber(c.parts.find((p) => p.trim() !== '') ?? '') : null;
}

export function provCell(ctx: Ctx, path: string, c: Cell): void {
  setProv(ctx, path, c.line, c.start, c.end);
}

/** An amount in 万元: converted when the table (or the number) is in 元. */
export function amountOf(ctx: Ctx, n: PrintedNumber, yuan: boolean): string {
  if (!(yuan || n.unit === '元')) return n.value;
  ctx.yuanTables = true;
  return yuanToWan(n.value);
}

export function okWeight(n: PrintedNumber | null): n is PrintedNumber {
  return n !== null && !n.percent && !n.value.startsWith('-') && Number(n.value) <= 100;
}

export function cleanLabel(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/^(?:其中|含)[：:]?/, '')
    .replace(/^(?:\d+|[一二三四五六七八九十]+)[、.．]/, '')
    .replace(/^[（(](?:\d+|[一二三四五六七八九十]+)[）)]/, '')
    .replace(/[：:]+$/, '');
}

/** "产出指标（50分）" → name and weight; "产出指标50分" too. */
export function headedWeight(s: string): { name: string; weight: string | null } {
  const t = s.replace(/[\s\u3000]+/g, '');
  const m = /^(.*?)[（(](\d+(?:\.\d+)?)分?[）)](.*)$/.exec(t);
  if (m) return { name: (m[1]! + m[3]!).trim(), weight: m[2]! };
  const m2 = /^(.*?)(\d+(?:\.\d+)?)分$/.exec(t);
  if (m2 && m2[1]) return { name: m2[1], weight: m2[2]! };
  return { name: t, weight: null };
}

/** Each header cell's column key by the first vocabulary entry that matches it. */
export function mapHeader<K extends string>(texts: string[], vocab: Array<{ key: K; re: RegExp }>): Array<K | null> {
  return texts.map((t) => {
    const s = t.replace(/[\s\u3000]+/g, '');
    if (s === '' || s.length > 24) return null;
    for (const v of vocab) if (v.re.test(s)) return v.key;
    return null;
  });
}

export function distinct<K>(cols: Array<K | null>): Set<K> {
  return new Set(cols.filter((c): c is K => c !== null));
}

/** Index in the row of header column j (rows may have extra leading cells, or miss some). */
export function aligned(headerLen: number, rowLen: number, j: number): number {
  if (rowLen >= headerLen) return j + (rowLen - headerLen);
  return j - (headerLen - rowLen);
}

export function texts(cells: Cell[]): string[] {
  return cells.map(cellText);
}

/** The first line at or after `fallback` (within 40 lines) that contains `text`. */
export function findLine(ctx: Ctx, text: string, fallback: number): number {
  for (let i = fallback; i < Math.min(ctx.lines.length, fallback + 40); i++) {
    if (ctx.lines[i]!.includes(text)) return i;
  }
  return fallback;
}
