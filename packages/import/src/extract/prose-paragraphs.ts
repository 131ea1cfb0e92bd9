/** Paragraphs of running text, joined across PDF line breaks, in compact form with a map back. */
import { compactLine } from '../normalise-text.js';
import type { Block } from '../segment-blocks.js';

export interface Para {
  text: string;
  /** For each character of `text`: its line index and column in the normalised lines. */
  lineOf: number[];
  colOf: number[];
}

const SENTENCE_END = /[。！？；：:”"）)!?]$/;
export const HEADING_START = /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|第[一二三四五六七八九十]+(?:部分|章))/;

export function buildParagraphs(lines: string[], blocks: Block[], extra: Array<{ line: number; text: string }>): Para[] {
  const paras: Para[] = [];
  let cur: Para | null = null;
  const push = (line: number) => {
    const c = compactLine(lines[line]!);
    if (!cur) cur = { text: '', lineOf: [], colOf: [] };
    cur.text += c.text;
    for (const m of c.map) {
      cur.lineOf.push(line);
      cur.colOf.push(m);
    }
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
    push(b.line);
  }
  if (cur) paras.push(cur);
  for (const e of extra) {
    const c = compactLine(e.text);
    const line = lines[e.line] ?? '';
    const base = line.indexOf(e.text);
    paras.push({ text: c.text, lineOf: c.map.map(() => e.line), colOf: c.map.map((m) => (base >= 0 ? base + m : 0)) });
  }
  return paras;
}
