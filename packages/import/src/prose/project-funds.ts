/**
 * The funds of a project or transfer stated only in prose: its budget (预算, 安排, 下达, 批复,
 * 投入, 项目资金共计 — "全年/实际/调整后" making it the adjusted one, with an earlier plain one the
 * initial), what arrived (到位资金), what was spent (支出, 执行, 支付, 使用), or an amount "全部执行到位" (both). The word nearest
 * before an amount decides. Not the total: parts (after 其中, in brackets, one of several
 * levels of government), per-head standards (生均, 单价), changes (调减), pre-allocations.
 */
import type { Para } from './paragraphs.js';
import { inItem, provAt, sentenceStart, type ProseCtx } from './prose-context.js';
import type { Tok } from './tokenise.js';
import {
  GENERIC_PREFIX,
  NOT_SPENDING,
  PROSE_ADJUSTED,
  PROSE_ARRIVED_IN_FULL,
  PROSE_ARRIVED_WORD,
  PROSE_BUDGET_WORD,
  PROSE_PROJECT_FUNDS,
  PROSE_INITIAL,
  PROSE_LEVEL,
  PROSE_NOT_BUDGET,
  PROSE_PER_UNIT,
  PROSE_SPENT_IN_FULL,
  PROSE_SPENT_WORD,
} from '../vocab/prose-vocab.js';

type WordKind = 'budget' | 'spent' | 'arrived';

export interface StatedAmount {
  kind: WordKind | 'both';
  /** "200万元已全部到位": the amount (a budget) arrived in full too. */
  arrivedInFull: boolean;
  value: string;
  adjusted: boolean;
  initial: boolean;
  level: string | null;
  para: Para;
  tok: Tok;
}

/** Which word wins where two end at the same place ("到位" is a budget word too; "拨付" one of spending). */
const RANK: Record<WordKind, number> = { budget: 0, spent: 1, arrived: 2 };

/** The nearest budget, arrival or spending word before `at` in `window`, by its position. */
function nearestWord(window: string): { kind: WordKind; at: number; word: string } | null {
  let best: { kind: WordKind; at: number; word: string } | null = null;
  const words = [['budget', PROSE_BUDGET_WORD], ['budget', PROSE_PROJECT_FUNDS], ['spent', PROSE_SPENT_WORD], ['arrived', PROSE_ARRIVED_WORD]] as const;
  for (const [kind, re] of words) {
    for (const m of window.matchAll(re)) {
      const end = m.index + m[0].length;
      if (!best || end > best.at || (end === best.at && RANK[kind] > RANK[best.kind])) best = { kind, at: end, word: m[0] };
    }
  }
  return best;
}

/** Words that may stand before the verb without making the amount an item's ("我校2022年财政安排…"). */
const PROJECT_GENERIC = /我[\u4e00-\u9fa5]|按|共计|合计|累计|实际|全年|年初|调整后|下达|安排|到位|已|将|共|均|为|的/g;

/** "培训费实际支出2万元" is one item's spending; a name ending in 项目/资金/经费/转移支付/专项 is the project's own. */
function namesAnItem(label: string, word: string | null): boolean {
  const at = word ? label.lastIndexOf(word) : -1;
  const before = (at >= 0 ? label.slice(0, at) : label).replace(/^[，,；;：:\s]+/, '');
  if (/(?:项目|资金|经费|工程|转移支付|专项)$/.test(before)) return false;
  return /[\u4e00-\u9fa5]{2,}/.test(before.replace(GENERIC_PREFIX, '').replace(PROJECT_GENERIC, ''));
}

/** The amount's own clause, and the one before it ("按生均1000元安排，共计239万元"). */
function clausesBefore(text: string, t: Tok): { own: string; prev: string } {
  const from = Math.max(sentenceStart(text, t.index), t.index - 60);
  const window = text.slice(from, t.index);
  const cut = window.search(/[^，,；;：:]*$/);
  const before = window.slice(0, Math.max(0, cut - 1));
  return { own: window.slice(cut), prev: before.slice(Math.max(0, before.search(/[^，,；;：:]*$/))) };
}

function statedAmount(p: ProseCtx, para: Para, t: Tok): StatedAmount | null {
  if (t.amount === null || t.delta || t.inParen || inItem(p, para, t.index) || PROSE_PER_UNIT.test(t.label) || /^0(?:\.0+)?$/.test(t.amount)) return null;
  const text = para.text;
  const { own, prev } = clausesBefore(text, t);
  if (`${prev}${own}`.includes('其中') || NOT_SPENDING.test(t.label)) return null;
  const after = text.slice(t.index + t.length, t.index + t.length + 12);
  const inFull = PROSE_SPENT_IN_FULL.test(after);
  const arrivedInFull = !inFull && PROSE_ARRIVED_IN_FULL.test(after);
  const near = nearestWord(own) ?? (own.length <= 6 ? nearestWord(prev) : null);
  if (!near && !inFull) return null;
  if (!inFull && near!.kind === 'budget' && PROSE_NOT_BUDGET.test(own + prev)) return null;
  if (namesAnItem(t.label, near?.word ?? null)) return null;
  const lead = near ? (nearestWord(own) ? own : prev + own) : own;
  const level = PROSE_LEVEL.exec(own)?.[0] ?? null;
  return { kind: inFull ? 'both' : near!.kind, arrivedInFull, value: t.amount, adjusted: PROSE_ADJUSTED.test(lead), initial: PROSE_INITIAL.test(lead), level, para, tok: t };
}

export function collectAmounts(p: ProseCtx, para: Para, toks: Tok[], out: StatedAmount[]): void {
  for (const t of toks) {
    const a = statedAmount(p, para, t);
    if (a) out.push(a);
  }
}

/** Level amounts are parts when two or more levels are stated apart. */
function totals(list: StatedAmount[]): StatedAmount[] {
  const levels = new Set(list.filter((a) => a.level !== null).map((a) => a.level));
  return levels.size >= 2 ? list.filter((a) => a.level === null) : list;
}

function setTotal(p: ProseCtx, key: 'initial' | 'adjusted' | 'executed' | 'arrived', a: StatedAmount | undefined): void {
  const total = p.ctx.ev.funds.total;
  if (!a || total[key] !== null) return;
  total[key] = a.value;
  provAt(p, `funds.total.${key}`, a.para, a.tok.index, a.tok.index + a.tok.length);
}

/** After the section's prose was read: the project's total funds from what it stated. */
export function applyProjectAmounts(p: ProseCtx, stated: StatedAmount[]): void {
  const list = totals(stated);
  const budgets = list.filter((a) => a.kind === 'budget' || a.kind === 'both');
  const inFull = list.find((a) => a.kind === 'both');
  const explicitInitial = budgets.find((a) => a.initial);
  const qualified = [...budgets].reverse().find((a) => a.adjusted && !a.initial);
  const plain = budgets.find((a) => !a.initial && !a.adjusted && a.kind === 'budget');
  const adjusted = qualified ?? inFull ?? plain ?? budgets.find((a) => !a.initial);
  setTotal(p, 'adjusted', adjusted);
  const earlier = plain && adjusted !== plain && budgets.indexOf(plain) < budgets.indexOf(adjusted!) && plain.value !== adjusted!.value ? plain : undefined;
  setTotal(p, 'initial', explicitInitial ?? (qualified ? earlier : undefined));
  setTotal(p, 'executed', list.find((a) => a.kind === 'spent' || a.kind === 'both'));
  setTotal(p, 'arrived', list.find((a) => a.kind === 'arrived') ?? list.find((a) => a.arrivedInFull && a.kind === 'budget'));
}
