/** Paragraphs of running text, joined across PDF line breaks, in compact form with a map back. */
import { compactLine } from '../normalise-text.js';
import type { Block } from '../document/document.js';

export interface Para {
  text: string;
  /** Pieces of `text` from one line each: where the piece starts in `text`, its line, and its compact map. */
  segStart: number[];
  segLine: number[];
  segMap: Array<number[] | null>;
  segBase: number[];
}

const SENTENCE_END = /[。！？；：:”"）)!?]$/;
export const HEADING_START = /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|第[一二三四五六七八九十]+(?:部分|章))/;

function segmentOf(p: Para, i: number): number {
  let lo = 0;
  let hi = p.segStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.segStart[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Line index (0-based) of character i of the paragraph text. */
export function lineAt(p: Para, i: number): number {
  return p.segLine[segmentOf(p, i)] ?? 0;
}

/** Column in its line of character i of the paragraph text. */
export function colAt(p: Para, i: number): number {
  const k = segmentOf(p, i);
  const map = p.segMap[k];
  const at = i - p.segStart[k]!;
  return (p.segBase[k] ?? 0) + (map ? (map[at] ?? 0) : at);
}

export function buildParagraphs(lines: string[], blocks: Block[], extra: Array<{ line: number; text: string }>): Para[] {
  const paras: Para[] = [];
  let cur: Para | null = null;
  const push = (line: number, text: string, base: number) => {
    const c = compactLine(text);
    if (!cur) cur = { text: '', segStart: [], segLine: [], segMap: [], segBase: [] };
    cur.segStart.push(cur.text.length);
    cur.segLine.push(line);
    cur.segMap.push(c.map);
    cur.segBase.push(base);
    cur.text += c.text;
  };
  for (const b of blocks) {
    if (b.kind !== 'para') {
      if (cur) paras.push(cur);
      cur = null;
      continue;
    }
    const t = b.text;
    if (cur) {
      const prev: Para = cur;
      const joinable = prev.text.length >= 25 && !SENTENCE_END.test(prev.text) && !HEADING_START.test(t);
      if (!joinable) {
        paras.push(prev);
        cur = null;
      }
    }
    push(b.line, lines[b.line]!, 0);
  }
  if (cur) paras.push(cur);
  for (const e of extra) {
    cur = null;
    const line = lines[e.line] ?? '';
    const base = line.indexOf(e.text);
    push(e.line, e.text, base >= 0 ? base : 0);
    paras.push(cur!);
  }
  return paras;
}
