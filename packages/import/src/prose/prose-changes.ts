/**
 * Changes on last year in percent, in one sentence ("收入1050万元，较上年1000万元增长5%", "“三公”经费支出
 * 10万元，较上年减少2万元，下降16.67%"): the amount now, last year's amount or the change in amount, which
 * way, and the percent — a `change` claim the auditor recomputes. The percent must follow a word of change
 * (增长, 下降, 增幅 …) after the comparison (较上年, 比2022年, 同比), and the amount now must stand before it.
 */
import type { Para } from './paragraphs.js';
import { cleanLabel, type Tok } from './tokenise.js';
import { addClaim, excerpt, sentenceSpan, type ProseCtx } from './prose-context.js';
import { CHANGE_COMPARISON, CHANGE_PERCENT_LABEL, CHANGE_UP, CHANGE_VERB_END } from '../vocab/prose-vocab.js';

function lastComparison(text: string, from: number, to: number): { at: number; end: number } | null {
  let hit: { at: number; end: number } | null = null;
  const re = new RegExp(CHANGE_COMPARISON.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) hit = { at: m.index, end: m.index + m[0].length };
  return hit;
}

export function readChanges(p: ProseCtx, para: Para, toks: Tok[]): void {
  const text = para.text;
  if (!text.includes('%') && !text.includes('％')) return;
  for (const pt of toks) {
    if (!pt.percent || pt.inParen) continue;
    const verb = CHANGE_PERCENT_LABEL.exec(pt.label.trim());
    if (!verb) continue;
    const [sa] = sentenceSpan(text, pt.index);
    const cmp = lastComparison(text, sa, pt.index);
    if (!cmp) continue;
    const money = (t: Tok) => t.amount !== null && !t.percent && !t.inParen;
    const current = toks.filter((t) => money(t) && t.index >= sa && t.index < cmp.at).pop();
    if (!current) continue;
    const between = toks.filter((t) => money(t) && t.index > cmp.at && t.index < pt.index);
    const previous = between.find((t) => /^(?:的|为)?$/.test(text.slice(cmp.end, t.index).trim()));
    const delta = between.find((t) => t !== previous && CHANGE_VERB_END.test(t.label.trim()));
    if (!previous && !delta) continue;
    const direction = CHANGE_UP.test(verb[0]) ? 'up' : 'down';
    // a change in amount named the other way than the percent ("增加…，下降…"): not one change
    if (delta && CHANGE_UP.test(CHANGE_VERB_END.exec(delta.label.trim())![0]) !== (direction === 'up')) continue;
    const label = cleanLabel(current.label).replace(/^[，,、：:]+/, '') || '本年';
    addClaim(
      p,
      {
        type: 'change',
        current: { label, value: current.amount! },
        previous: previous ? { label: '上年', value: previous.amount! } : null,
        delta: delta ? { label: direction === 'up' ? '增加' : '减少', value: delta.amount! } : null,
        direction,
        percent: pt.value,
        text: excerpt(text, current.index - current.label.length, pt.index + pt.length),
      },
      `change:${current.amount}:${previous?.amount ?? ''}:${delta?.amount ?? ''}:${pt.value}`,
      para,
      current.index,
      pt.index + pt.length,
    );
  }
}
