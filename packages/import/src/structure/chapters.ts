/** Chapters of the report (headings with their bodies), then the goals and the evaluation team written in them. */
import type { Block } from '../document/document.js';
import { setProv, type Ctx } from '../assemble/draft.js';
import { findHeadings, type Heading } from './headings.js';
import { readGoalsInText } from './goals-in-text.js';
import { readTeam } from './team.js';

/** For each heading, the paragraph lines after it and before the next heading (paraLines sorted). */
export function bodiesOf(headings: Heading[], paraLines: number[]): number[][] {
  let cursor = 0;
  return headings.map((h, k) => {
    const stop = k + 1 < headings.length ? headings[k + 1]!.line : Number.MAX_SAFE_INTEGER;
    while (cursor < paraLines.length && paraLines[cursor]! <= h.line) cursor++;
    let end = cursor;
    while (end < paraLines.length && paraLines[end]! < stop) end++;
    return paraLines.slice(cursor, end);
  });
}

export function readChapters(ctx: Ctx, blocks: Block[]): void {
  const lines = ctx.lines;
  const paraLines: number[] = [];
  for (const b of blocks) if (b.kind === 'para') paraLines.push(b.line);
  const headings = findHeadings(lines, paraLines);
  const headingLines = new Set(headings.map((h) => h.line));
  const bodies = bodiesOf(headings, paraLines);
  headings.forEach((h, k) => {
    const body = h.rest ? [h.rest] : [];
    for (const li of bodies[k]!) if (!headingLines.has(li)) body.push(lines[li]!.trim());
    const idx = ctx.ev.chapters.length;
    ctx.ev.chapters.push({ level: h.level, number: h.number, title: h.title, body: body.length ? body.join('\n') : null });
    const at = lines[h.line]!.indexOf(h.number.slice(0, 1));
    setProv(ctx, `chapters.${idx}`, h.line, Math.max(0, at), lines[h.line]!.length);
  });
  readGoalsInText(ctx, headings, paraLines, bodies);
  readTeam(ctx, headings, paraLines);
}
