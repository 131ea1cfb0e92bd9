/**
 * What kind of self-evaluation a section is — 部门整体 (department), 项目支出 (project) or
 * 转移支付 (transfer) — from the words of its title and opening lines, its header fields and
 * its tables; the words are data (`vocab/kind-vocab.ts`). Only when nothing names the kind
 * do the tables decide (a base-data sheet is a department's, a form with 本年财政拨款 a project's).
 */
import type { EvaluationKind } from '@jixiao/core';
import { compactLine } from '../normalise-text.js';
import { KIND_WORDS } from '../vocab/kind-vocab.js';
import type { TableScan } from '../recognise/read-tables.js';
import type { Ctx } from './draft.js';

export function kindOf(text: string): EvaluationKind | null {
  for (const k of KIND_WORDS) if (k.re.test(text)) return k.kind;
  return null;
}

/** The first few lines of the section with text (its heading area). */
function openingLines(ctx: Ctx, n: number): string[] {
  const out: string[] = [];
  for (let i = ctx.from; i < ctx.to && out.length < n; i++) {
    const t = compactLine(ctx.lines[i]!.trim()).text;
    if (t !== '' && !/^SOURCE:/i.test(t)) out.push(t.slice(0, 160));
  }
  return out;
}

/** When no words name the kind: what the tables and header say. */
function kindFromContent(ctx: Ctx, scan: TableScan): EvaluationKind {
  const ev = ctx.ev;
  const levels = ev.funds.bySource.some((s) => ['central', 'provincial', 'municipal', 'county', 'local'].includes(s.source));
  if (ev.project && (levels || ev.funds.total.arrived !== null || ev.budgetExecution.statedArrivalRate !== null)) return 'transfer';
  if (ev.project || ev.funds.bySource.some((s) => s.source === 'current_appropriation' || s.source === 'carry_over')) return 'project';
  if (ev.baseData || scan.seen.has('base') || scan.seen.has('staffing') || ev.funds.basic.executed !== null) return 'department';
  const text = ctx.lines.slice(ctx.from, ctx.to).join('');
  const projects = text.match(/项目/g)?.length ?? 0;
  return projects >= 3 && projects > (text.match(/部门|单位/g)?.length ?? 0) ? 'project' : 'department';
}

export function detectKind(ctx: Ctx, title: { line: number; text: string } | null, scan: TableScan): void {
  const ev = ctx.ev;
  const fromTitle = title ? kindOf(compactLine(title.text).text) : null;
  let kind = fromTitle;
  for (const line of fromTitle ? [] : openingLines(ctx, 10)) {
    kind = kindOf(line);
    if (kind) break;
  }
  if (ev.project && kind === 'department') kind = null; // a project's header block outweighs a department's name in its title
  ev.kind = kind ?? kindFromContent(ctx, scan);
}
