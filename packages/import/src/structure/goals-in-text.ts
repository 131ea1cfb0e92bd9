/**
 * Goals written in the report: a section's "绩效目标：…" with the targets written in it
 * ("…率达到 90%及以上"), and "年度整体绩效目标是…" sentences.
 */
import type { Goal } from '@jixiao/core';
import { compactLine } from '../normalise-text.js';
import { GOAL_SECTION, TARGET_VERB } from '../vocab/prose-vocab.js';
import { setProv, type Ctx } from '../assemble/draft.js';
import type { Heading } from './headings.js';

const TARGET_PIECE = new RegExp(`^\\s*([^，,。：:]{2,30}?)\\s*((?:${TARGET_VERB.source}\\s*)+\\d[^，,。]*)$`);

type Target = { name: string; target: string; line: number; start: number; end: number };

/** Targets in one line: "…率达到90%及以上；…". */
function targetsIn(line: string, li: number): Target[] {
  const out: Target[] = [];
  let offset = 0;
  for (const piece of line.split(/[；;]/)) {
    const pm = /\d/.test(piece) ? TARGET_PIECE.exec(piece.replace(/[。；;]\s*$/, '')) : null;
    if (pm && /\d/.test(pm[2]!) && !/分为|得分|为(?:优|良|中|差)/.test(piece)) {
      const target = pm[2]!.trim();
      const at = line.indexOf(target, offset);
      out.push({ name: pm[1]!.replace(/\s+/g, ''), target, line: li, start: at, end: at + target.length });
    }
    offset += piece.length + 1;
  }
  return out;
}

function pushGoal(ctx: Ctx, goal: Goal, expectedAt: { line: number; text: string } | null, targets: Target[]): void {
  const gi = ctx.ev.goals.length;
  ctx.ev.goals.push(goal);
  if (goal.expected && expectedAt) {
    const at = Math.max(0, ctx.lines[expectedAt.line]!.indexOf(goal.expected));
    setProv(ctx, `goals.${gi}.expected`, expectedAt.line, at, at + goal.expected.length);
  }
  targets.forEach((t, ti) => setProv(ctx, `goals.${gi}.targets.${ti}`, t.line, t.start, t.end));
}

function goalOfSection(ctx: Ctx, h: Heading, body: number[], inGoalSection: boolean): void {
  let expected: string | null = null;
  let expectedLine = -1;
  const targets: Target[] = [];
  for (const li of h.rest ? [h.line, ...body] : body) {
    const line = ctx.lines[li]!;
    const gm = /绩效目标\s*[：:]\s*(.+)$/.exec(line);
    if (gm && expected === null) {
      expected = gm[1]!.trim();
      expectedLine = li;
      continue;
    }
    targets.push(...targetsIn(line, li));
  }
  if (expected === null && targets.length === 0) {
    if (inGoalSection) ctx.ev.goals.push({ title: h.title, expected: null, achieved: null, targets: [] });
    return;
  }
  if (expected === null && body.length > 0 && !targets.some((t) => t.line === body[0])) {
    expected = ctx.lines[body[0]!]!.trim();
    expectedLine = body[0]!;
  }
  const goal: Goal = { title: `${h.number}${h.title}`, expected, achieved: null, targets: targets.map((t) => ({ name: t.name, target: t.target })) };
  pushGoal(ctx, goal, expected && expectedLine >= 0 ? { line: expectedLine, text: expected } : null, targets);
}

export function readGoalsInText(ctx: Ctx, headings: Heading[], paraLines: number[], bodies: number[][]): void {
  const goalSectionLevels: number[] = [];
  headings.forEach((h, k) => {
    while (goalSectionLevels.length && goalSectionLevels[goalSectionLevels.length - 1]! >= h.level) goalSectionLevels.pop();
    const inGoalSection = goalSectionLevels.length > 0;
    if (GOAL_SECTION.test(h.title) && !/完成|实现/.test(h.title)) {
      goalSectionLevels.push(h.level);
      return;
    }
    goalOfSection(ctx, h, bodies[k]!, inGoalSection);
  });
  // "年度整体绩效目标是推动…。"
  for (const li of paraLines) {
    if (!ctx.lines[li]!.includes('目标')) continue;
    const m = /(?:^|[，。；：,])((?:年度)?(?:部门)?(?:整体|总体)?绩效目标)(?:是|为)([^。；]{4,80})[。；]?/.exec(compactLine(ctx.lines[li]!).text);
    if (!m || /^[，,]/.test(m[2]!)) continue;
    const gi = ctx.ev.goals.length;
    ctx.ev.goals.push({ title: m[1]!, expected: m[2]!.trim(), achieved: null, targets: [] });
    setProv(ctx, `goals.${gi}.expected`, li, 0, ctx.lines[li]!.length);
  }
}
