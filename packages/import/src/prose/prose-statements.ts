/** What the text says of the year as a whole ("运转正常，暂无问题", "已按照计划完成目标"), made claims the auditor checks against the figures. */
import type { Para } from './paragraphs.js';
import { addClaim, excerpt, lastIndexOfAny, type ProseCtx } from './prose-context.js';
import { STATEMENT_PHRASES } from '../vocab/prose-vocab.js';

/** A word each statement has (a cheap test before the phrases). */
const STATEMENT_HINT = /问题|正常|良好|顺利|目标|指标/;

export function readStatements(p: ProseCtx, para: Para): void {
  const text = para.text;
  if (!STATEMENT_HINT.test(text)) return;
  for (const { says, re } of STATEMENT_PHRASES) {
    const m = re.exec(text);
    if (!m) continue;
    const start = Math.max(0, lastIndexOfAny(text, '，,；;。：:', m.index) + 1);
    let end = m.index + m[0].length;
    while (end < text.length && end - m.index < 40 && !/[，,；;。]/.test(text[end]!)) end++;
    addClaim(p, { type: 'statement', says, text: excerpt(text, start, end) }, `statement:${says}`, para, m.index, m.index + m[0].length);
  }
}
