/**
 * A score breakdown in prose, for a report that prints no indicator table ("其中：预算执行率得分9.8分，
 * 产出指标得分45分，效益指标（30分）得27.7分…"): each level-1 indicator, or budget execution, with its
 * score and, when bracketed after its name, its full marks. Read only from a sentence that gives two parts
 * or more, so a lone "产出指标得分45分" in a discussion is not taken for the breakdown.
 */
import type { Para } from './paragraphs.js';
import { provAt, sentenceSpan, type ProseCtx } from './prose-context.js';
import { LEVEL1_SCORE_PART } from '../vocab/prose-vocab.js';
import { findOrAddLevel1 } from '../recognise/indicator-tree.js';

interface Part {
  name: string;
  weight: string | null;
  score: string;
  start: number;
  end: number;
  weightAt: number;
  scoreAt: number;
}

const BUDGET_EXECUTION = /^(?:预算|资金)执行/;

function partsOf(text: string): Part[][] {
  const bySentence = new Map<number, Part[]>();
  for (const m of text.matchAll(LEVEL1_SCORE_PART)) {
    const [whole, name, weight, score] = m as unknown as [string, string, string | undefined, string];
    if (Number(score) > 100 || (weight !== undefined && Number(score) > Number(weight))) continue;
    const sentence = sentenceSpan(text, m.index)[0];
    const list = bySentence.get(sentence) ?? [];
    list.push({
      name: BUDGET_EXECUTION.test(name) ? name : name.replace(/指标$/, '') + '指标',
      weight: weight ?? null,
      score,
      start: m.index,
      end: m.index + whole.length,
      weightAt: weight === undefined ? -1 : m.index + whole.indexOf(weight, name.length),
      scoreAt: m.index + whole.lastIndexOf(score),
    });
    bySentence.set(sentence, list);
  }
  return [...bySentence.values()].filter((list) => list.length >= 2);
}

export function readLevel1Scores(p: ProseCtx, para: Para): void {
  const text = para.text;
  if (!text.includes('得') && !text.includes('评分')) return;
  for (const parts of partsOf(text)) {
    for (const part of parts) {
      if (BUDGET_EXECUTION.test(part.name)) {
        const be = p.ctx.ev.budgetExecution;
        if (be.selfScore !== null) continue;
        be.selfScore = part.score;
        provAt(p, 'budgetExecution.selfScore', para, part.scoreAt, part.scoreAt + part.score.length);
        if (part.weight !== null && be.weight === null) {
          be.weight = part.weight;
          provAt(p, 'budgetExecution.weight', para, part.weightAt, part.weightAt + part.weight.length);
        }
        continue;
      }
      const list = p.ctx.ev.indicators;
      const idx = findOrAddLevel1(list, part.name);
      const l1 = list[idx]!;
      if (l1.selfScore !== null) continue;
      l1.selfScore = part.score;
      provAt(p, `indicators.${idx}`, para, part.start, part.end);
      provAt(p, `indicators.${idx}.selfScore`, para, part.scoreAt, part.scoreAt + part.score.length);
      if (part.weight !== null && l1.weight === null) {
        l1.weight = part.weight;
        provAt(p, `indicators.${idx}.weight`, para, part.weightAt, part.weightAt + part.weight.length);
      }
    }
  }
}
