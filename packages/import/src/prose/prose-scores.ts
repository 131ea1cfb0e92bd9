/** The total self-score, the grade and the grade bands stated in prose. */
import type { Para } from './paragraphs.js';
import { addClaim, excerpt, lastIndexOfAny, provAt, sentenceSpan, type ProseCtx } from './prose-context.js';
import { readGradeBands } from './grade-bands.js';
import { GRADE_HINT, GRADE_PHRASE, SCORE_FIELD, SCORE_PHRASE } from '../vocab/prose-vocab.js';

/** Grade bands are written "…分为优", "得分≥85", "75≤得分", "[90,100]". */
const BAND_HINT = /分(?:（含）|\(含\))?(?:以[上下])?(?:的)?为|得分[≥>≤<]|[≤<]得分|[\[［]\d+[,，]\d+[\]］]/;

export function readScores(p: ProseCtx, para: Para): void {
  const text = para.text;
  if (!text.includes('分')) return;
  for (const m of text.matchAll(SCORE_PHRASE)) {
    if (/[≥≤<>]/.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
    // "产出指标自评得分40分" is an indicator's score, not the total
    const clause = text.slice(Math.max(0, lastIndexOfAny(text, '，,；;。：:', m.index) + 1), m.index);
    if (/指标|执行率/.test(clause)) continue;
    if (/^(?:为|以[上下])/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    const value = m[1]!;
    if (Number(value) > 100) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    const totals = p.ctx.ev.totals;
    if (totals.statedScore === null) {
      totals.statedScore = value;
      provAt(p, 'totals.statedScore', para, start, end);
    }
    const clauseStart = Math.max(sentenceSpan(text, start)[0], lastIndexOfAny(text, '，,；;', start) + 1);
    addClaim(p, { type: 'figure', field: 'selfScore', value, text: excerpt(text, clauseStart, end) }, `figure:selfScore:${value}`, para, start, end);
  }
}

/** "自评总分: 95", "自评总分（分） 95" in a form printed as text. */
export function readScoreField(p: ProseCtx, para: Para): void {
  const totals = p.ctx.ev.totals;
  if (totals.statedScore !== null || !/[:：]|分[）)]/.test(para.text)) return;
  for (const m of para.text.matchAll(SCORE_FIELD)) {
    if (Number(m[1]) > 100) continue;
    totals.statedScore = m[1]!;
    provAt(p, 'totals.statedScore', para, m.index, m.index + m[0].length);
    return;
  }
}

export function readGrades(p: ProseCtx, para: Para): void {
  const text = para.text;
  if (!GRADE_HINT.test(text)) return;
  for (const m of text.matchAll(GRADE_PHRASE)) {
    const value = m[1]!;
    const start = m.index;
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 3);
    if (/^[、，,]?(?:[良中差]|良好|一般|较差)/.test(after)) continue; // a list of grades, not a statement
    const totals = p.ctx.ev.totals;
    if (totals.statedGrade === null) {
      totals.statedGrade = value;
      provAt(p, 'totals.statedGrade', para, start, end);
    }
    const clauseStart = Math.max(0, lastIndexOfAny(text, '，,；;。', start) + 1);
    const quoteEnd = /^[”"」’']/.test(after) ? 1 : 0;
    addClaim(p, { type: 'figure', field: 'grade', value, text: excerpt(text, clauseStart, end + quoteEnd) }, `figure:grade:${value}`, para, start, end);
  }
}

export function readBands(p: ProseCtx, para: Para): void {
  const bands = BAND_HINT.test(para.text) ? readGradeBands(para.text) : null;
  if (!bands) return;
  const claim = { type: 'gradeBands' as const, bands: bands.bands, text: excerpt(para.text, bands.start, bands.end) };
  addClaim(p, claim, `bands:${JSON.stringify(bands.bands)}`, para, bands.start, bands.end);
}
