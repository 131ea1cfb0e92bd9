/**
 * "其中…" lists: the parts of the amount they follow, made a sum claim (and the parts of a part,
 * given in brackets or as "占基本支出的…" shares, a sum claim of their own).
 */
import { dec, type Claim } from '@jixiao/core';
import type { Para } from './paragraphs.js';
import { addClaim, sentenceStart, type ProseCtx } from './prose-context.js';
import { cleanLabel, sameLabel, type Tok } from './tokenise.js';
import { NATURE_LABELS, SHARE_OF, SHARE_RATIO, TOTALISH } from '../vocab/prose-vocab.js';

/** Where the total of a "其中" list may stand: its own sentence, or the one before when 其中 opens the sentence. */
function anchorWindow(text: string, q: number): number {
  const own = sentenceStart(text, q);
  if (text.slice(own, q).replace(/[\s，,：:]/g, '') !== '') return own;
  return own > 0 ? sentenceStart(text, own - 1) : own;
}

/** The amount a "其中" list or an "占比" refers to: the last level amount before the nearest preceding "其中". */
export function anchorBefore(text: string, toks: Tok[], part: Tok): Tok | null {
  const q = text.lastIndexOf('其中', part.index);
  if (q < 0 || q < sentenceStart(text, part.index)) return null;
  const from = anchorWindow(text, q);
  for (let j = toks.indexOf(part) - 1; j >= 0; j--) {
    const x = toks[j]!;
    if (x.index >= q) continue;
    if (x.index < from) return null;
    if (x.amount !== null && !x.delta && !x.inParen && !x.percent) return x;
  }
  return null;
}

function cleanLabelLen(label: string): number {
  return label.replace(/^[，,；;：:\s]+/, '').length;
}

interface Part {
  t: Tok;
  subs: Tok[];
}

/** The list's direct parts, each with the parts of it given in brackets or as its shares. */
function directParts(toks: Tok[], inList: Tok[], anchor: Tok): Part[] {
  const direct: Part[] = [];
  for (const t of inList) {
    if (t.inParen) {
      direct[direct.length - 1]?.subs.push(t);
      continue;
    }
    // "…，占基本支出的74.28%" after it makes it a part of another part; a share of something
    // else entirely ("项目支出…，占总支出的22.01%" after "基本支出…，其中…") ends the list
    const after = toks[toks.indexOf(t) + 1];
    const share = after && after.percent && !SHARE_RATIO.test(after.label) ? SHARE_OF.exec(after.label) : null;
    if (share && share[1]) {
      const owner = direct.find((d) => sameLabel(d.t.label, share[1]!));
      if (owner && !sameLabel(anchor.label, share[1]!)) {
        owner.subs.push(t);
        continue;
      }
      const anchorIsTotal = TOTALISH.test(share[1]!) && !NATURE_LABELS.some((n) => n.re.test(cleanLabel(anchor.label)));
      if (!owner && !sameLabel(anchor.label, share[1]!) && !anchorIsTotal) break;
    }
    direct.push({ t, subs: [] });
  }
  return direct;
}

/** The list ends where a clause without any number stands between two of its amounts (the text moved on). */
function listRun(text: string, inList: Tok[]): Tok[] {
  const run = inList.slice(0, 1);
  for (let k = 1; k < inList.length; k++) {
    const a = inList[k - 1]!;
    const b = inList[k]!;
    const between = text.slice(a.index + a.length, b.index);
    const middle = between.split(/[，,；;]/).slice(1, -1);
    if (between.length > 80 || middle.some((seg) => seg.trim() !== '' && !/\d/.test(seg))) break;
    run.push(b);
  }
  return run;
}

/** Parts after the first run of them that adds up to the total exactly are not its parts. */
function upToTotal(total: Tok, direct: Part[]): Part[] {
  if (dec(total.amount!).isZero()) return direct;
  let sum = dec(0);
  for (let k = 0; k < direct.length; k++) {
    sum = sum.plus(dec(direct[k]!.t.amount!));
    if (k >= 1 && sum.eq(dec(total.amount!))) return direct.slice(0, k + 1);
  }
  return direct;
}

function sumClaim(total: Tok, parts: Tok[], text: string): Claim {
  return {
    type: 'sum',
    total: { label: cleanLabel(total.label), value: total.amount! },
    parts: parts.map((x) => ({ label: cleanLabel(x.label), value: x.amount! })),
    text,
  };
}

function readList(p: ProseCtx, para: Para, toks: Tok[], q: number): void {
  const text = para.text;
  // the total: the last level amount before 其中, in its sentence (or the one before)
  const from0 = anchorWindow(text, q);
  let anchor: Tok | null = null;
  for (const t of toks) {
    if (t.index >= q) break;
    if (t.index >= from0 && t.amount !== null && !t.delta && !t.inParen) anchor = t;
  }
  if (!anchor) return;
  // the list runs to the end of the sentence, or to the next 其中
  let end = q;
  while (end < text.length && !/[。！？!?]/.test(text[end]!)) end++;
  const next = text.indexOf('其中', q + 2);
  if (next >= 0 && next < end) end = next;
  const inList = listRun(text, toks.filter((t) => t.index > q && t.index < end && t.amount !== null && !t.delta));
  if (inList.length === 0) return;
  // mixed budget/execution amounts side by side: a columnar statement, not a sum
  if (inList.some((t) => /预算|调整|安排/.test(t.label)) && inList.some((t) => /完成|执行|支付/.test(t.label))) return;
  const direct = upToTotal(anchor, directParts(toks, inList, anchor));
  const start = anchor.index - cleanLabelLen(anchor.label);
  if (direct.length >= 2) {
    addClaim(p, sumClaim(anchor, direct.map((d) => d.t), text.slice(start, end)), `sum:${anchor.amount}:${direct.map((d) => d.t.amount).sort().join('+')}`, para, start, end);
  }
  for (const d of direct) {
    if (d.subs.length < 2) continue;
    const s = d.t.index - cleanLabelLen(d.t.label);
    const last = d.subs[d.subs.length - 1]!;
    addClaim(p, sumClaim(d.t, d.subs, text.slice(s, last.index + last.length)), `sum:${d.t.amount}:${d.subs.map((x) => x.amount).sort().join('+')}`, para, s, end);
  }
}

export function readSums(p: ProseCtx, para: Para, toks: Tok[]): void {
  let from = 0;
  for (;;) {
    const q = para.text.indexOf('其中', from);
    if (q < 0) return;
    from = q + 2;
    readList(p, para, toks, q);
  }
}
