/**
 * Every figure the documents print, from the evaluation. The principle: the report is the
 * unit's self-evaluation, so weights, self scores, the total and the grade are the ones the unit
 * stated (a missing one is a marked gap, never a recomputation); rates and shares are computed
 * with decimal arithmetic from the stated amounts; one value per figure. The profile's
 * recomputation (`score`) is kept for the rule check sheet of the .xlsx — the reviewer's view,
 * which belongs in the audit, not in the report text — except where it cannot be graded: then the
 * report says so beside the stated grade (`grade-check.ts`). Rounding happens only when a renderer
 * formats a figure (`formatDecimal`, half up).
 */
import {
  dec,
  decOrNull,
  getProfile,
  kindWeights,
  rollUpStatedScores,
  scoreEvaluation,
  type AmountTriple,
  type Decimal,
  type Evaluation,
  type FundSource,
  type KindWeights,
  type Profile,
  type ScoreResult,
  type ScoredIndicator,
} from '@jixiao/core';

import { FUND_SOURCE_LABELS } from '@jixiao/core';
export { FUND_SOURCE_LABELS };

export type AmountColumn = 'executed' | 'adjusted' | 'initial';

export const COLUMN_LABELS: Record<AmountColumn, string> = {
  initial: '年初预算数',
  adjusted: '全年预算数',
  executed: '全年执行数',
};

export interface Triple {
  initial: Decimal | null;
  adjusted: Decimal | null;
  executed: Decimal | null;
}

export interface ShareLine {
  label: string;
  amount: Decimal;
  /** amount ÷ whole as a ratio; null when the whole is missing or zero. */
  share: Decimal | null;
  wholeLabel: string;
}

export interface ScoreRow {
  name: string;
  weight: Decimal | null;
  score: Decimal | null;
  /** score ÷ weight as a ratio. */
  rate: Decimal | null;
}

export interface ReportFigures {
  evaluation: Evaluation;
  profile: Profile;
  score: ScoreResult;
  total: Triple;
  /** The column shares are taken from: execution when stated, else adjusted, else initial. */
  shareColumn: AmountColumn;
  bySource: (ShareLine & { source: FundSource; triple: Triple })[];
  /** 基本 / 项目 as shares of the total; 人员 / 公用 as shares of 基本. */
  byNature: { basic: ShareLine | null; project: ShareLine | null; personnel: ShareLine | null; operating: ShareLine | null };
  natureTriples: { basic: Triple; project: Triple; personnel: Triple; operating: Triple };
  staffing: { authorized: number | null; actual: number | null; rate: Decimal | null };
  /** The weights the profile gives this kind of evaluation (`kindWeights`: execution's weight, whether the total includes it). */
  weights: KindWeights;
  /**
   * Whether documents print the 预算执行率 line: the kind scores budget execution, or the unit
   * stated a weight or score for it anyway (e.g. a national transfer form has no such line).
   */
  executionLine: boolean;
  /** 预算执行 + each level-1 indicator, as in the score table of the report (index 0 is execution; see `printedScoreRows`). */
  scoreRows: ScoreRow[];
  totalRow: ScoreRow;
  /** The grade the unit stated (null: not stated, printed as a gap). */
  grade: string | null;
  /** executed ÷ base as a ratio (computed from the stated amounts). */
  executionRate: Decimal | null;
  /** Stated weight of one leaf. */
  leafWeight(ind: ScoredIndicator): Decimal | null;
  /** Score of one leaf as the unit stated it. */
  leafScore(ind: ScoredIndicator): Decimal | null;
}

export function toTriple(t: AmountTriple): Triple {
  return { initial: decOrNull(t.initial), adjusted: decOrNull(t.adjusted), executed: decOrNull(t.executed) };
}

function ratio(part: Decimal | null, whole: Decimal | null): Decimal | null {
  if (part === null || whole === null || whole.isZero()) return null;
  return part.dividedBy(whole);
}

/** The leaf's stated self score (the unit's figure); null when not stated or not applicable. */
export function leafScore(ind: ScoredIndicator): Decimal | null {
  if (ind.status === 'not_applicable') return null;
  return ind.stated;
}

/** The leaf's stated weight. */
export function leafWeight(ind: ScoredIndicator): Decimal | null {
  return ind.weight;
}

export function computeReportFigures(evaluation: Evaluation, profile?: Profile): ReportFigures {
  const prof = profile ?? getProfile(evaluation.profile);
  const score = scoreEvaluation(evaluation, prof);
  const f = evaluation.funds;
  const total = toTriple(f.total);
  const natureTriples = {
    basic: toTriple(f.basic),
    project: toTriple(f.project),
    personnel: toTriple(f.personnel),
    operating: toTriple(f.operating),
  };
  const columns: AmountColumn[] = ['executed', 'adjusted', 'initial'];
  const shareColumn = columns.find((c) => total[c] !== null) ?? 'executed';
  const pick = (t: Triple) => t[shareColumn] ?? columns.map((c) => t[c]).find((v) => v !== null) ?? null;
  const whole = total[shareColumn];

  const line = (label: string, t: Triple, w: Decimal | null, wholeLabel: string): ShareLine | null => {
    const amount = pick(t);
    return amount === null ? null : { label, amount, share: ratio(amount, w), wholeLabel };
  };
  const basicAmount = pick(natureTriples.basic);
  const byNature = {
    basic: line('基本支出', natureTriples.basic, whole, '总支出'),
    project: line('项目支出', natureTriples.project, whole, '总支出'),
    personnel: line('人员经费', natureTriples.personnel, basicAmount, '基本支出'),
    operating: line('公用经费', natureTriples.operating, basicAmount, '基本支出'),
  };
  const bySource = f.bySource.flatMap((s) => {
    const triple = toTriple(s);
    const l = line(s.label ?? FUND_SOURCE_LABELS[s.source], triple, whole, '总额');
    return l ? [{ ...l, source: s.source, triple }] : [];
  });

  const st = evaluation.baseData?.staffing;
  const authorized = st?.authorized ?? null;
  const actualStaff = st?.actual ?? null;
  const staffing = {
    authorized,
    actual: actualStaff,
    rate: authorized !== null && actualStaff !== null && authorized > 0 ? dec(actualStaff).dividedBy(authorized) : null,
  };

  // The unit's own figures: weights, scores, total and grade exactly as stated (never
  // the profile's recomputation, which belongs in the audit); a rate only where both sides are stated.
  const scoreRows: ScoreRow[] = [];
  const be = evaluation.budgetExecution;
  const exWeight = decOrNull(be.weight);
  const exScore = decOrNull(be.selfScore);
  scoreRows.push({ name: '预算执行率', weight: exWeight, score: exScore, rate: ratio(exScore, exWeight) });
  for (const l1 of printedLevel1(evaluation)) scoreRows.push({ ...l1, rate: ratio(l1.score, l1.weight) });
  const tw = decOrNull(evaluation.totals.statedWeight);
  const ts = decOrNull(evaluation.totals.statedScore);
  const totalRow: ScoreRow = { name: '合计', weight: tw, score: ts, rate: ratio(ts, tw) };
  // Execution rate: arithmetic on the stated amounts (executed ÷ base); the unit's printed rate only when no base is stated.
  const executionRate = score.execution.rate ?? (be.statedRate !== null ? dec(be.statedRate).dividedBy(100) : null);

  const weights = kindWeights(prof, evaluation.kind);
  const executionLine = !dec(weights.budgetExecution).isZero() || exWeight !== null || exScore !== null;

  return { evaluation, profile: prof, score, total, shareColumn, bySource, byNature, natureTriples, staffing, weights, executionLine, scoreRows, totalRow, grade: evaluation.totals.statedGrade, executionRate, leafScore, leafWeight };
}

/**
 * The level-1 weights and scores a report prints, which its readers take as stated: the unit's
 * own, else the sum of its children's stated ones when every child states one (core's
 * `rollUpStatedScores`). A summed score only where the children's weights make up the level's
 * stated weight: under a heading of 50 whose leaves carry 85 points, their 84 is no score of
 * that level (the heading and leaves disagree, which the audit reports) and stays blank.
 */
function printedLevel1(evaluation: Evaluation): Array<{ name: string; weight: Decimal | null; score: Decimal | null }> {
  const childWeights = rollUpStatedScores({ indicators: evaluation.indicators.map((l1) => ({ ...l1, weight: null })) }).level1;
  return rollUpStatedScores(evaluation).level1.map((l1, i) => {
    const weight = decOrNull(l1.weight.value);
    const parts = decOrNull(childWeights[i]!.weight.value);
    const fits = !l1.score.derived || l1.weight.derived || weight === null || (parts !== null && parts.equals(weight));
    return { name: l1.name, weight, score: fits ? decOrNull(l1.score.value) : null };
  });
}

/** The score rows a document prints: without 预算执行率 where the kind does not score it and the unit stated nothing for it. */
export function printedScoreRows(fig: Pick<ReportFigures, 'scoreRows' | 'executionLine'>): ScoreRow[] {
  return fig.executionLine ? fig.scoreRows : fig.scoreRows.slice(1);
}
