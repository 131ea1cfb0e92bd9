/** Words of a run of text lines as tokens with their place, for tables whose layout was lost. */
import { isBlankCell, isMaskedCell, parseCellNumber } from '../parse-number.js';

export interface Token {
  text: string;
  line: number;
  start: number;
  end: number;
}

/** Whitespace-separated words of lines [from, to); "100 %" is one token. */
export function tokensOf(lines: string[], lineIndexes: number[]): Token[] {
  const out: Token[] = [];
  for (const i of lineIndexes) {
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(lines[i]!)) !== null) {
      const prev = out[out.length - 1];
      if (prev && prev.line === i && /^[%％]$/.test(m[0]) && /\d$/.test(prev.text)) {
        prev.text += m[0];
        prev.end = m.index + m[0].length;
        continue;
      }
      out.push({ text: m[0], line: i, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

/** "(万元)", "（元）": the unit of a column. */
export function isUnitToken(t: string): boolean {
  return /^[（(](?:万元|元|%|％)[）)]$/.test(t);
}

/** "(A)", "(D/C×100%)": the letter or formula of the column before it. */
export function isColumnNote(t: string): boolean {
  return /^[（(][A-Z](?:[/÷][A-Z])?(?:[×*]100%)?[）)]$/.test(t);
}

/** A value: a number, or a printed blank ("—", "-", "/"). */
export function isValueToken(t: string): boolean {
  return parseCellNumber(t) !== null || (t.length <= 2 && isBlankCell(t)) || isMaskedCell(t);
}
