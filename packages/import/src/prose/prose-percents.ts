/**
 * Percentages in prose: the execution rate, shares of a whole ("占总支出的77.99%", "占比"),
 * rates over counts ("共29个…完成率100%"); each made a checkable claim.
 */
import type { Para } from './paragraphs.js';
import { addClaim, excerpt, inItem, provAt, sentenceSpan, type ProseCtx } from './prose-context.js';
import { anchorBefore } from './prose-sums.js';
import { cleanLabel, groupOutsideBrackets, sameLabel, type Tok } from './tokenise.js';
import {
  COUNT_UNITS,
  ARRIVAL_RATE,
  EXECUTION_RATE,
  PROJECT_EXECUTION_RATE,
  NATURE_LABELS,
  RATE_WORD,
  SCOPE_BASIC,
  SCOPE_PROJECT,
  SCOPE_SKIP,
  SHARE_OF,
  SHARE_RATIO,
  TOTALISH,
  TOTAL_COUNT,
  TOTAL_AMOUNT_LABELS,
} from '../vocab/prose-vocab.js';

interface At {
  p: ProseCtx;
  para: Para;
  toks: Tok[];
  k: number;
  t: Tok;
  sa: number;
}

/** The nearest token before the percentage, in its sentence and after any other percentage, that `pred` accepts. */
function prevSame(a: At, pred: (x: Tok) => boolean): Tok | null {
  for (let j = a.k - 1; j >= 0; j--) {
    const x = a.toks[j]!;
    if (x.index < a.sa || x.percent) return null;
    if (pred(x)) return x;
  }
  return null;
}

/** The whole a share refers to: a same-named amount before the part, the total of its "其中" list, or the unit's total. */
function wholeOf(a: At, part: Tok, target: string): { label: string; value: string } | null {
  if (target) {
    for (let j = a.toks.indexOf(part) - 1; j >= 0; j--) {
      const x = a.toks[j]!;
      if (x.amount === null || x.delta || x.percent) continue;
      if (sameLabel(x.label, target)) return { label: cleanLabel(target) || cleanLabel(x.label), value: x.amount };
    }
  }
  // "占比" or "占总支出的": the total a "其中" list hangs from, unless that total is itself one
  // kind of spending (基本支出 …), or else the unit's total spending
  const anchor = anchorBefore(a.para.text, a.toks, part);
  const totalish = target === '' || TOTALISH.test(target);
  const anchorIsPart = anchor !== null && target !== '' && NATURE_LABELS.some((n) => n.re.test(cleanLabel(anchor.label)));
  if (anchor && totalish && !anchorIsPart) return { label: target ? cleanLabel(target) : cleanLabel(anchor.label), value: anchor.amount! };
  const total = a.p.ctx.ev.funds.total.executed;
  if (target !== '' && TOTALISH.test(target) && total !== null && !SCOPE_BASIC.test(a.t.group) && !SCOPE_PROJECT.test(a.t.group.replace(/项目支出/g, ''))) {
    return { label: cleanLabel(target), value: total };
  }
  return null;
}

function readShare(a: At, shareOf: RegExpExecArray | null): void {
  const part = prevSame(a, (x) => x.amount !== null && !x.delta);
  if (!part) return;
  const whole = wholeOf(a, part, shareOf ? shareOf[1]! : '');
  if (!whole) return;
  const end = a.t.index + a.t.length;
  const from = part.index - part.label.length;
  const claim = { type: 'share' as const, part: { label: cleanLabel(part.label), value: part.amount! }, whole, percent: a.t.value, text: excerpt(a.para.text, from, end) };
  addClaim(a.p, claim, `share:${part.amount}:${whole.value}:${a.t.value}`, a.para, from, end);
}

/** "项目支出执行数…，调整预算…，执行率…": a scope's rate as the share of its two amounts. */
function readScopedRate(a: At): void {
  const groupStart = a.t.index - a.t.group.length;
  let part: Tok | null = null;
  let whole: Tok | null = null;
  for (let j = a.k - 1; j >= 0; j--) {
    const x = a.toks[j]!;
    if (x.index < groupStart) break;
    if (x.amount === null || x.delta) continue;
    const l = cleanLabel(x.label);
    if (!part && TOTAL_AMOUNT_LABELS.some((f) => f.field === 'executed' && f.re.test(l))) part = x;
    else if (!whole && TOTAL_AMOUNT_LABELS.some((f) => f.field === 'adjusted' && f.re.test(l))) whole = x;
  }
  if (!part || !whole) return;
  const end = a.t.index + a.t.length;
  const claim = {
    type: 'share' as const,
    part: { label: cleanLabel(part.label), value: part.amount! },
    whole: { label: cleanLabel(whole.label), value: whole.amount! },
    percent: a.t.value,
    text: excerpt(a.para.text, groupStart, end),
  };
  addClaim(a.p, claim, `share:${part.amount}:${whole.amount}:${a.t.value}`, a.para, groupStart, end);
}

function readExecutionRate(a: At): void {
  const group = groupOutsideBrackets(a.t.group);
  const scope = SCOPE_BASIC.test(group) ? 'basic' : !a.p.projectKind && SCOPE_PROJECT.test(group) ? 'project' : 'total';
  if (scope !== 'total' || SCOPE_SKIP.test(a.t.group)) return readScopedRate(a);
  const be = a.p.ctx.ev.budgetExecution;
  const start = a.t.index;
  const end = start + a.t.length;
  if (be.statedRate === null) {
    be.statedRate = a.t.value;
    provAt(a.p, 'budgetExecution.statedRate', a.para, start, end);
  }
  addClaim(a.p, { type: 'figure', field: 'executionRate', value: a.t.value, text: excerpt(a.para.text, a.sa, end) }, `figure:executionRate:${a.t.value}`, a.para, start, end);
}

/** "资金到位率100%": the stated arrival rate (the auditor holds it against 到位数 ÷ budget). */
function readArrivalRate(a: At): void {
  const be = a.p.ctx.ev.budgetExecution;
  if (be.statedArrivalRate !== null || SCOPE_SKIP.test(a.t.group)) return;
  be.statedArrivalRate = a.t.value;
  provAt(a.p, 'budgetExecution.statedArrivalRate', a.para, a.t.index, a.t.index + a.t.length);
}

/** "共有29个…，已完成29个，完成率100%": a rate over two stated counts of the same thing. */
function readCountRate(a: At): void {
  const part = prevSame(a, (x) => x.unit !== null && COUNT_UNITS.has(x.unit));
  if (!part) return;
  let whole: Tok | null = null;
  for (let j = a.toks.indexOf(part) - 1; j >= 0; j--) {
    const x = a.toks[j]!;
    if (x.index < a.sa) break;
    if (x.unit === part.unit && TOTAL_COUNT.test(x.label)) {
      whole = x;
      break;
    }
  }
  if (!whole) return;
  const wl = cleanLabel(whole.label);
  const pl = cleanLabel(part.label);
  if (!(pl.includes(wl.slice(-2)) || /^(?:已|其中|均已|共已)/.test(pl))) return;
  const wholeLabel = wl.replace(/^.*?(?:共有|共计|合计|总计|累计|共)/, '').replace(/^向.*?(?:移交|报送|提交)/, (m) => m.replace(/^向.*?(?=移交|报送|提交)/, ''));
  const from = whole.index - whole.label.length;
  const end = a.t.index + a.t.length;
  const claim = { type: 'share' as const, part: { label: pl, value: part.value }, whole: { label: wholeLabel || wl, value: whole.value }, percent: a.t.value, text: excerpt(a.para.text, from, end) };
  addClaim(a.p, claim, `share:${part.value}:${whole.value}:${a.t.value}`, a.para, from, end);
}

export function readPercents(p: ProseCtx, para: Para, toks: Tok[]): void {
  const text = para.text;
  toks.forEach((t, k) => {
    if (!t.percent || t.delta) return;
    if (/[×*]$/.test(text.slice(0, t.index)) || text.slice(t.index + t.length, t.index + t.length + 1) === '=') return; // "×100%" in a formula
    const a: At = { p, para, toks, k, t, sa: sentenceSpan(text, t.index)[0] };
    const ratio = SHARE_RATIO.test(t.label);
    const shareOf = ratio ? null : SHARE_OF.exec(t.label);
    if (shareOf || ratio) return readShare(a, shareOf);
    if (inItem(p, para, t.index)) return;
    if (EXECUTION_RATE.test(t.label) || (p.projectKind && PROJECT_EXECUTION_RATE.test(t.label))) return readExecutionRate(a);
    if (ARRIVAL_RATE.test(t.label)) return readArrivalRate(a);
    if (RATE_WORD.test(t.label)) readCountRate(a);
  });
}
