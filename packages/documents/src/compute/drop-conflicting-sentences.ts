/**
 * The unit's own chapters may quote a figure that the report states differently (e.g. an
 * execution rate taken against the initial budget, "预算执行率24%", where the report computes
 * executed ÷ adjusted budget = 100%). The report never states two values for one figure: such a
 * sentence is left out and a plain marked note asks the unit to check it. The reviewer's side of
 * the disagreement belongs in the audit of the original, not in the report.
 */
import { dec, type Decimal } from '@jixiao/core';

export interface ReportFigureValues {
  /** executed ÷ base as a ratio. */
  executionRate: Decimal | null;
  /** The stated total self score. */
  totalScore: Decimal | null;
  grade: string | null;
}

const RATE_RE = /预算执行率(?:为|达到|达|是)?\s*(\d+(?:\.\d+)?)\s*[%％]/g;
const TOTAL_RE = /(?:自评|最终|综合|总)得分(?:为|是)?\s*(\d+(?:\.\d+)?)\s*分/g;
const GRADE_RE = /(?:评价)?等级(?:为|是)\s*[“"]?(优秀|良好|一般|较差|优|良|中|差)[”"]?/g;

/** True when `stated` (as printed) can be a rounding of `value`. */
function agrees(stated: string, value: Decimal): boolean {
  const places = stated.includes('.') ? stated.split('.')[1]!.length : 0;
  const half = dec(10).pow(-places).dividedBy(2);
  return value.minus(dec(stated)).abs().lessThanOrEqualTo(half);
}

export function conflictsWithReport(sentence: string, v: ReportFigureValues): string | null {
  for (const m of sentence.matchAll(RATE_RE)) {
    if (v.executionRate && !agrees(m[1]!, v.executionRate.times(100))) return '预算执行率';
  }
  for (const m of sentence.matchAll(TOTAL_RE)) {
    if (v.totalScore && !agrees(m[1]!, v.totalScore)) return '自评得分';
  }
  for (const m of sentence.matchAll(GRADE_RE)) {
    if (v.grade && m[1] !== v.grade) return '评价等级';
  }
  return null;
}

/** The paragraph without sentences that conflict with the report's figures, and what was left out. */
export function dropConflictingSentences(paragraph: string, v: ReportFigureValues): { text: string; dropped: string[] } {
  const sentences = paragraph.split(/(?<=[。；;！？!?])/);
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const s of sentences) {
    const what = conflictsWithReport(s, v);
    if (what) dropped.push(what);
    else kept.push(s);
  }
  return { text: kept.join('').trim(), dropped };
}
