/** What the prose readers share for one section: claims without duplicates, provenance into paragraphs, sentence spans. */
import type { Claim } from '@jixiao/core';
import { setProv, type Ctx } from '../assemble/draft.js';
import { colAt, lineAt, type Para } from './paragraphs.js';

const SENTENCE_BREAK = /[。！？!?]/;

export interface ProseCtx {
  ctx: Ctx;
  claimKeys: Set<string>;
  /** Prose fills only the funds slots the tables left empty; this says whether there were funds tables at all. */
  fundsFromTables: boolean;
  /** A project or transfer: its prose speaks of the project as a whole ("项目预算数…" is the total). */
  projectKind: boolean;
  /** Spans of paragraph text that describe one project of several (read by `project-list.ts`), by paragraph. */
  itemSpans: Map<Para, Array<[number, number]>>;
}

/** Whether position `at` of the paragraph lies in a span that describes one of several projects. */
export function inItem(p: ProseCtx, para: Para, at: number): boolean {
  return (p.itemSpans.get(para) ?? []).some(([a, b]) => at >= a && at < b);
}

export function provAt(p: ProseCtx, path: string, para: Para, start: number, end: number): void {
  const s = Math.max(0, Math.min(start, para.text.length - 1));
  const e = Math.max(s, Math.min(end, para.text.length) - 1);
  const line = lineAt(para, s);
  const startCol = colAt(para, s);
  const endCol = lineAt(para, e) === line ? colAt(para, e) + 1 : (p.ctx.lines[line]?.length ?? startCol);
  setProv(p.ctx, path, line, startCol, endCol);
}

export function addClaim(p: ProseCtx, claim: Claim, key: string, para: Para, start: number, end: number): void {
  if (p.claimKeys.has(key)) return;
  p.claimKeys.add(key);
  const idx = p.ctx.ev.claims.length;
  p.ctx.ev.claims.push(claim);
  provAt(p, `claims.${idx}`, para, start, end);
}

/** The sentence around position `at`: [start, end). */
export function sentenceSpan(text: string, at: number): [number, number] {
  let a = at;
  while (a > 0 && !SENTENCE_BREAK.test(text[a - 1]!)) a--;
  let b = at;
  while (b < text.length && !SENTENCE_BREAK.test(text[b]!)) b++;
  return [a, b];
}

export function sentenceStart(text: string, at: number): number {
  return sentenceSpan(text, at)[0];
}

/** A quotable piece of the text, without leading clause marks. */
export function excerpt(text: string, a: number, b: number): string {
  return text.slice(Math.max(0, a), Math.min(text.length, b)).replace(/^[，,；;。\s]+/, '');
}

export function lastIndexOfAny(text: string, chars: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (chars.includes(text[i]!)) return i;
  return -1;
}

export function clauseEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && !/[，,；;]/.test(text[i]!)) i++;
  return i;
}

export function iso(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}
