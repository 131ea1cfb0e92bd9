/**
 * A department's project roll-up, computed from its project (and transfer) evaluations:
 * how many projects there are and how many were self-evaluated (项目自评覆盖率 n/n), the
 * sums of their funds tables column by column, the execution rate of those sums, the
 * average and lowest self score and computed score (and which project is lowest), and
 * the grade distribution. Pure: the children are given, every figure is recomputed.
 *
 * A blank cell is unknown, never zero: a column's sum is over the children that state
 * it, and `unknown` says how many did not (the sum is then a lower bound only).
 */
import { Decimal, ZERO, dec, decOrNull } from '../decimal/decimal.js';
import type { Evaluation, EvaluationKind } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import type { Profile } from '../profiles/profile.js';
import { scoreEvaluation } from './score-evaluation.js';

export const ROLLUP_COLUMNS = ['initial', 'adjusted', 'executed', 'arrived'] as const;
export type RollupColumnName = (typeof ROLLUP_COLUMNS)[number];

export interface RollupColumn {
  /** Sum over the children that state this column (万元). */
  sum: Decimal;
  /** The stated amounts that went into the sum, as printed (for rounding-aware checks). */
  values: string[];
  /** Children that state the column / leave it blank. */
  known: number;
  unknown: number;
}

export interface RollupChild {
  /** Index of the child in the array given. */
  index: number;
  kind: EvaluationKind;
  name: string | null;
  code: string | null;
  /** A stated total, or a total the indicators give: the project was self-evaluated. */
  evaluated: boolean;
  statedScore: Decimal | null;
  computedScore: Decimal | null;
  statedGrade: string | null;
  computedGrade: string | null;
  profile: { id: string; version: string };
}

export interface RollupLowest {
  index: number;
  name: string | null;
  code: string | null;
  score: Decimal;
}

export interface RollupScores {
  /** Children with a score of this kind. */
  count: number;
  sum: Decimal;
  /** sum ÷ count, exact (round only to display); null when count is 0. */
  average: Decimal | null;
  lowest: RollupLowest | null;
}

export interface ProjectRollup {
  /** Project and transfer evaluations rolled up (children of other kinds are in `skipped`). */
  projectCount: number;
  /** The number of projects the department has, when given (e.g. its `funds.projectCount`). */
  expectedCount: number | null;
  evaluatedCount: number;
  /** evaluated ÷ (expectedCount, else projectCount); rate is a ratio (1 = 100%), null when the base is 0. */
  coverage: { evaluated: number; of: number; rate: Decimal | null };
  funds: Record<RollupColumnName, RollupColumn>;
  /**
   * Σ executed ÷ Σ adjusted over the children that state both (ratio); `count` is how many
   * did, `missing` how many did not. null when no child states both or the base is 0.
   */
  execution: { rate: Decimal | null; executed: Decimal; adjusted: Decimal; count: number; missing: number };
  statedScores: RollupScores;
  computedScores: RollupScores;
  /** Children per grade, by the grade each states and by the grade its profile computes. */
  grades: { stated: Record<string, number>; computed: Record<string, number> };
  children: RollupChild[];
  skipped: Array<{ index: number; reason: string }>;
}

export interface ProjectRollupOptions {
  /** How many projects the department has (its stated `funds.projectCount`, or the project list's size). */
  projectCount?: number | null;
  /** The profile that scores a child; by default the child's own (`getProfile(child.profile)`). */
  profileFor?: (child: Evaluation) => Profile;
}

function emptyColumn(): RollupColumn {
  return { sum: ZERO, values: [], known: 0, unknown: 0 };
}

function emptyScores(): RollupScores {
  return { count: 0, sum: ZERO, average: null, lowest: null };
}

function addScore(s: RollupScores, score: Decimal | null, child: RollupChild): void {
  if (score === null) return;
  s.count++;
  s.sum = s.sum.plus(score);
  if (s.lowest === null || score.lessThan(s.lowest.score)) {
    s.lowest = { index: child.index, name: child.name, code: child.code, score };
  }
}

function finishScores(s: RollupScores): RollupScores {
  return { ...s, average: s.count > 0 ? s.sum.dividedBy(s.count) : null };
}

function rollupChild(child: Evaluation, index: number, profile: Profile): RollupChild {
  const score = scoreEvaluation(child, profile);
  const statedScore = decOrNull(child.totals.statedScore);
  return {
    index,
    kind: child.kind,
    name: child.project?.name?.trim() || null,
    code: child.project?.code?.trim() || null,
    evaluated: statedScore !== null || score.computedTotal !== null,
    statedScore,
    computedScore: score.computedTotal,
    statedGrade: child.totals.statedGrade?.trim() || null,
    computedGrade: score.computedGrade,
    profile: { id: profile.id, version: profile.version },
  };
}

function addFunds(funds: ProjectRollup['funds'], execution: ProjectRollup['execution'], child: Evaluation): void {
  const t = child.funds.total;
  for (const col of ROLLUP_COLUMNS) {
    const v = t[col];
    const c = funds[col];
    if (v === null) {
      c.unknown++;
      continue;
    }
    c.known++;
    c.sum = c.sum.plus(dec(v));
    c.values.push(v);
  }
  if (t.executed !== null && t.adjusted !== null) {
    execution.count++;
    execution.executed = execution.executed.plus(dec(t.executed));
    execution.adjusted = execution.adjusted.plus(dec(t.adjusted));
  } else {
    execution.missing++;
  }
}

function tally(m: Record<string, number>, key: string | null): void {
  if (key === null) return;
  m[key] = (m[key] ?? 0) + 1;
}

export function computeProjectRollup(children: readonly Evaluation[], opts: ProjectRollupOptions = {}): ProjectRollup {
  const byRef = new Map<string, Profile>(); // children of one department mostly share a profile
  const profileFor =
    opts.profileFor ??
    ((c: Evaluation) => byRef.get(c.profile) ?? byRef.set(c.profile, getProfile(c.profile)).get(c.profile)!);
  const funds = Object.fromEntries(ROLLUP_COLUMNS.map((c) => [c, emptyColumn()])) as ProjectRollup['funds'];
  const execution: ProjectRollup['execution'] = { rate: null, executed: ZERO, adjusted: ZERO, count: 0, missing: 0 };
  const stated = emptyScores();
  const computed = emptyScores();
  const grades: ProjectRollup['grades'] = { stated: {}, computed: {} };
  const rolled: RollupChild[] = [];
  const skipped: ProjectRollup['skipped'] = [];

  children.forEach((child, index) => {
    if (child.kind === 'department') {
      skipped.push({ index, reason: '部门整体自评不是项目自评，未计入项目汇总' });
      return;
    }
    const c = rollupChild(child, index, profileFor(child));
    rolled.push(c);
    addFunds(funds, execution, child);
    addScore(stated, c.statedScore, c);
    addScore(computed, c.computedScore, c);
    tally(grades.stated, c.statedGrade);
    tally(grades.computed, c.computedGrade);
  });

  if (execution.count > 0 && !execution.adjusted.isZero()) execution.rate = execution.executed.dividedBy(execution.adjusted);
  const expectedCount = opts.projectCount ?? null;
  const evaluatedCount = rolled.filter((c) => c.evaluated).length;
  const of = expectedCount ?? rolled.length;
  return {
    projectCount: rolled.length,
    expectedCount,
    evaluatedCount,
    coverage: { evaluated: evaluatedCount, of, rate: of > 0 ? dec(evaluatedCount).dividedBy(of) : null },
    funds,
    execution,
    statedScores: finishScores(stated),
    computedScores: finishScores(computed),
    grades,
    children: rolled,
    skipped,
  };
}
