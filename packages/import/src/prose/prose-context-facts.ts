/**
 * Other facts of the prose: year-on-year comparisons, the reason for a budget adjustment,
 * staffing (编制, 在职), and the evaluation period.
 */
import { emptyBaseData } from '@jixiao/core';
import type { Para } from './paragraphs.js';
import { lineAt } from './paragraphs.js';
import { addClaim, clauseEnd, excerpt, iso, lastIndexOfAny, provAt, sentenceSpan, type ProseCtx } from './prose-context.js';
import { ADJUSTMENT_REASON } from '../vocab/prose-vocab.js';

const VS_YEAR = /(?:较|比|与)(\d{4})年(?:度)?(?:同期)?(?:相比)?[，,]?(?:减少|增加|增长|下降|上升|持平|节约|降低|提高|多|少)/g;
const VS_LAST_YEAR = /(?:较|比)上(?:一)?年(?:度)?(?:同期)?[，,]?(?:减少|增加|增长|下降|上升|持平|节约|降低|提高|多|少)|同比(?:减少|增加|增长|下降|上升|降低|提高)/g;

export function readYearComparisons(p: ProseCtx, para: Para): void {
  const text = para.text;
  if (/较|比|与/.test(text)) for (const m of text.matchAll(VS_YEAR)) {
    const year = Number(m[1]);
    const [sa, sb] = sentenceSpan(text, m.index);
    const cs = Math.max(sa, lastIndexOfAny(text, '；;', m.index) + 1);
    const claim = { type: 'yearComparison' as const, year, statedAs: 'year' as const, text: excerpt(text, cs, clauseEnd(text, m.index + m[0].length, sb)) };
    addClaim(p, claim, `year:${year}:year:${lineAt(para, m.index)}`, para, m.index, m.index + m[0].length);
  }
  const fy = p.ctx.ev.fiscalYear;
  if (fy < 1991 || !/上(?:一)?年|同比/.test(text)) return;
  for (const m of text.matchAll(VS_LAST_YEAR)) {
    const [sa, sb] = sentenceSpan(text, m.index);
    const cs = Math.max(sa, lastIndexOfAny(text, '；;', m.index) + 1);
    const claim = { type: 'yearComparison' as const, year: fy - 1, statedAs: 'previous_year' as const, text: excerpt(text, cs, sb) };
    addClaim(p, claim, `year:${fy - 1}:prev:${lineAt(para, m.index)}`, para, m.index, m.index + m[0].length);
  }
}

export function readAdjustmentReason(p: ProseCtx, para: Para): void {
  const funds = p.ctx.ev.funds;
  if (funds.adjustmentReason !== null || !/调|追加|追减/.test(para.text)) return;
  const m = ADJUSTMENT_REASON.exec(para.text);
  if (!m) return;
  const [sa, sb] = sentenceSpan(para.text, m.index);
  funds.adjustmentReason = para.text.slice(sa, sb).trim();
  provAt(p, 'funds.adjustmentReason', para, sa, sb);
}

export function readStaffing(p: ProseCtx, para: Para): void {
  const text = para.text;
  if (!/编制|在职|实有|在编/.test(text)) return;
  const staffA = /(?:人员)?编制(?:数|人数)?(?:为|共|核定)?(\d+)(?:个|人|名)/.exec(text);
  const staffB = /(?:实有人数|在职人数|实际在职(?:人数)?|在编人数|实有人员|在职人员|实有)(?:为|共)?(\d+)(?:人|名)/.exec(text);
  const staffRate = /(?:在职)?(?:人员)?控制率(?:为|是)?(\d+(?:\.\d+)?)%/.exec(text);
  if (!staffA && !staffB && !staffRate) return;
  const bd = (p.ctx.ev.baseData ??= emptyBaseData());
  const at = (m: RegExpExecArray, path: string) => provAt(p, path, para, m.index, m.index + m[0].length);
  if (staffRate && bd.staffing.statedControlRate === null) {
    bd.staffing.statedControlRate = staffRate[1]!;
    at(staffRate, 'baseData.staffing.statedControlRate');
  }
  if (staffA && bd.staffing.authorized === null) {
    bd.staffing.authorized = Number(staffA[1]);
    at(staffA, 'baseData.staffing.authorized');
  }
  if (staffB && bd.staffing.actual === null) {
    bd.staffing.actual = Number(staffB[1]);
    at(staffB, 'baseData.staffing.actual');
  }
}

const PERIOD = /(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(?:至|到|—|-|~|－)(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?/g;
const EVALUATING = /评价|自评|梳理|核对|核查|评估/;

export function readEvaluationPeriod(p: ProseCtx, para: Para): void {
  const text = para.text;
  const dates = p.ctx.ev.dates;
  if (dates.evaluationStart !== null || !text.includes('月') || !EVALUATING.test(text)) return;
  for (const m of text.matchAll(PERIOD)) {
    const [ss, se] = sentenceSpan(text, m.index);
    if (Number(m[2]) > 12 || Number(m[5]) > 12 || !EVALUATING.test(text.slice(ss, se))) continue;
    // a period given in months only ("2024年1月至2月") runs from the first to the last day
    const y2 = m[4] ?? m[1]!;
    dates.evaluationStart = iso(m[1]!, m[2]!, m[3] ?? '1');
    dates.evaluationEnd = iso(y2, m[5]!, m[6] ?? String(new Date(Date.UTC(Number(y2), Number(m[5]), 0)).getUTCDate()));
    provAt(p, 'dates.evaluationStart', para, m.index, m.index + m[0].length);
    provAt(p, 'dates.evaluationEnd', para, m.index, m.index + m[0].length);
    return;
  }
}
