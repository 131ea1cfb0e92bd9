/** The evaluation team under its heading: "组长：张三 局长", one member per line. */
import { TEAM_HEADING, TEAM_ROLE } from '../vocab/prose-vocab.js';
import { setProv, type Ctx } from '../assemble/draft.js';
import type { Heading } from './headings.js';

export function readTeam(ctx: Ctx, headings: Heading[], paraLines: number[]): void {
  const lines = ctx.lines;
  let from = -1;
  for (const h of headings) if (TEAM_HEADING.test(h.title)) from = h.line;
  if (from < 0) for (const li of paraLines) if (TEAM_HEADING.test(lines[li]!) && lines[li]!.trim().length <= 40) from = li;
  if (from < 0) return;
  let role: string | null = null;
  let misses = 0;
  for (const li of paraLines) {
    if (li <= from) continue;
    let t = lines[li]!.trim().replace(/\u3000/g, ' ');
    const rm = TEAM_ROLE.exec(t);
    if (rm) {
      role = rm[1]!.replace(/\s+/g, '');
      t = t.slice(rm[0].length);
    }
    const m = /^([\u4e00-\u9fa5](?:\s?[\u4e00-\u9fa5]){1,3}?)(?:\s+|[，,、])(\S.{1,40})$/.exec(t);
    if (!m || /\d{4}\s*年/.test(t)) {
      if (++misses >= 2) break;
      continue;
    }
    misses = 0;
    const i = ctx.ev.team.length;
    ctx.ev.team.push({ name: m[1]!.replace(/\s+/g, ''), role, title: m[2]!.trim(), unit: null });
    const at = lines[li]!.indexOf(m[1]!);
    setProv(ctx, `team.${i}`, li, Math.max(0, at), lines[li]!.length);
  }
}
