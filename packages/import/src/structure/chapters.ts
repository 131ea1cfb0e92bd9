/** Chapters of the report (headings with their bodies), then the goals and the evaluation team written in them. */
import type { Block } from '../document/document.js';
import { setProv, type Ctx } from '../assemble/draft.js';
import { findHeadings, type Heading } from './headings.js';
import { readGoalsInText } from './goals-in-text.js';
import { readTeam } from './team.js';

/** The paragraph lines after heading k and before the next heading. */
export function bodyLines(headings: Heading[], k: number, paraLines: number[]): number[] {
  const h = headings[k]!;
  const stop = k + 1 < headings.length ? headings[k + 1]!.line : Number.MAX_SAFE_INTEGER;
  return paraLines.filter((li) => li > h.line && li < stop);
}

export function readChapters(ctx: Ctx, blocks: Block[]): void {
  const lines = ctx.lines;
  const paraLines: number[] = [];
  for (const b of blocks) if (b.kind === 'para') paraLines.push(b.line);
  const headings = findHeadings(lines, paraLines);
  const headingLines = new Set(headings.map((h) => h.line));
  headings.forEach((h, k) => {
    const body = h.rest ? [h.rest] : [];
    for (const li of bodyLines(headings, k, paraLines)) if (!headingLines.has(li)) body.push(lines[li]!.trim());
    const idx = ctx.ev.chapters.length;
    ctx.ev.chapters.push({ level: h.level, number: h.number, title: h.title, body: body.length ? body.join('\n') : null });
    const at = lines[h.line]!.indexOf(h.number.slice(0, 1));
    setProv(ctx, `chapters.${idx}`, h.line, Math.max(0, at), lines[h.line]!.length);
  });
  readGoalsInText(ctx, headings, paraLines);
  readTeam(ctx, headings, paraLines);
}
