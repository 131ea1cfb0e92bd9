/**
 * A report on several projects lists them as numbered items — "1、烈士纪念设施维修项目：预算35.3
 * 万元，全年实际支付35.3万元，使用率100%。2、…" — each read as a project of its own (its name,
 * budget, spending and rate); its text is not the report's own funds.
 */
import type { Para } from './paragraphs.js';
import type { ProseCtx } from './prose-context.js';
import { tokenise, type Tok } from './tokenise.js';
import { PROJECT_EXECUTION_RATE, EXECUTION_RATE, PROSE_BUDGET_WORD, PROSE_SPENT_WORD } from '../vocab/prose-vocab.js';

export interface ProjectItem {
  name: string;
  para: Para;
  /** The item's span in the paragraph text. */
  start: number;
  end: number;
  budget: Tok | null;
  spent: Tok | null;
  rate: Tok | null;
}

/** "N、<name>项目：" — an item that names a project, then its figures. */
const ITEM = /(?<![\d.])(\d{1,2})\s*、\s*([^，,。；;：:、]{2,40}?(?:项目|工程|经费|资金))\s*[：:]/g;

function wordBefore(text: string, t: Tok, re: RegExp): boolean {
  const window = text.slice(Math.max(0, t.index - 16), t.index);
  re.lastIndex = 0;
  return re.test(window.slice(Math.max(0, window.search(/[^，,；;：:]*$/))));
}

function readItem(para: Para, name: string, start: number, end: number): ProjectItem {
  const text = para.text;
  const toks = tokenise(text.slice(start, end)).map((t) => ({ ...t, index: t.index + start }));
  const money = toks.filter((t) => t.amount !== null && !t.delta);
  const budget = money.find((t) => wordBefore(text, t, PROSE_BUDGET_WORD)) ?? null;
  const spent = money.find((t) => t !== budget && wordBefore(text, t, PROSE_SPENT_WORD)) ?? null;
  const rate = toks.find((t) => t.percent && (EXECUTION_RATE.test(t.label) || PROJECT_EXECUTION_RATE.test(t.label))) ?? null;
  return { name, para, start, end, budget, spent, rate };
}

function itemsIn(para: Para): ProjectItem[] {
  const marks = [...para.text.matchAll(ITEM)].map((m) => ({ at: m.index + m[0].indexOf(m[1]!), name: m[2]!.trim(), n: Number(m[1]) }));
  return marks.map((m, k) => readItem(para, m.name, m.at, k + 1 < marks.length ? marks[k + 1]!.at : para.text.length));
}

/** The numbered project items of the section's prose: at least two, numbered 1, 2, … with figures. */
export function findProjectItems(p: ProseCtx, paras: Para[]): ProjectItem[] {
  const found = paras.flatMap(itemsIn).filter((it) => it.budget || it.spent);
  if (found.length < 2 || new Set(found.map((it) => it.name)).size < found.length) return [];
  for (const it of found) {
    const spans = p.itemSpans.get(it.para) ?? [];
    spans.push([it.start, it.end]);
    p.itemSpans.set(it.para, spans);
  }
  return found;
}
