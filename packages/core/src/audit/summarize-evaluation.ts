/**
 * The headline figures of an evaluation in one stable JSON shape (decimal strings or
 * null), for lists, exports and the public summary. Amounts are 万元 as stated;
 * executionRate is in percent units; computedScore and executionRate are rounded half up
 * to the profile's places (display values).
 */
import { formatDecimal } from '../decimal/decimal.js';
import type { Evaluation } from '../model/evaluation.js';
import type { ScoreResult } from '../scoring/types.js';

export interface Figures {
  initialBudget: string | null;
  adjustedBudget: string | null;
  executed: string | null;
  /** executed ÷ the profile's base, percent units ("99.71"). */
  executionRate: string | null;
  basicExpenditure: string | null;
  projectExpenditure: string | null;
  personnel: string | null;
  operating: string | null;
  /** The total as stated. */
  selfScore: string | null;
  /** The total as the profile computes it. */
  computedScore: string | null;
  /** The stated grade, or the computed one when none is stated. */
  grade: string | null;
}

export function summarizeEvaluation(evaluation: Evaluation, score: ScoreResult, places = 2): Figures {
  const f = evaluation.funds;
  const rate = score.execution.rate;
  const statedGrade = evaluation.totals.statedGrade?.trim() || null;
  return {
    initialBudget: f.total.initial,
    adjustedBudget: f.total.adjusted,
    executed: f.total.executed,
    executionRate: rate === null ? null : formatDecimal(rate.times(100), places),
    basicExpenditure: f.basic.executed,
    projectExpenditure: f.project.executed,
    personnel: f.personnel.executed,
    operating: f.operating.executed,
    selfScore: evaluation.totals.statedScore,
    computedScore: score.computedTotal === null ? null : formatDecimal(score.computedTotal, places),
    grade: statedGrade ?? score.computedGrade,
  };
}
