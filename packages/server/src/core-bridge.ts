/**
 * The one place the server calls the pure core for scoring and auditing. A malformed
 * evaluation or an unknown profile never fails a request here: the problem is reported
 * beside null results so the unit can still open and fix its draft.
 */
import {
  auditEvaluation,
  dec,
  getProfile,
  scoreEvaluation,
  type AuditOptions,
  type AuditResult,
  type Evaluation,
  type Profile,
  type ScoreResult,
} from '@jixiao/core';

export interface Computed {
  score: ScoreResult | null;
  audit: AuditResult | null;
  /** Chinese note when scoring or auditing could not run. */
  problems: string[];
}

/**
 * `children`: a department evaluation's project and transfer evaluations; the audit then
 * also checks the department's stated project figures against their roll-up. `plan`: the
 * approved targets and the last monitoring return of an evaluation generated from targets.
 */
export function computeEvaluation(evaluation: Evaluation, children?: readonly Evaluation[], plan: Pick<AuditOptions, 'approvedTargets' | 'monitoring'> = {}): Computed {
  const problems: string[] = [];
  let profile: Profile;
  try {
    profile = getProfile(evaluation.profile);
  } catch (e) {
    problems.push(`评分规则不可用：${(e as Error).message}`);
    return { score: null, audit: null, problems };
  }
  let score: ScoreResult | null = null;
  let audit: AuditResult | null = null;
  try {
    score = scoreEvaluation(evaluation, profile);
  } catch (e) {
    problems.push(`无法计算得分：${(e as Error).message}`);
  }
  try {
    // The score just computed is the audit's too (scored once per save, not twice).
    audit = auditEvaluation(evaluation, { profile, ...(children && evaluation.kind === 'department' ? { children } : {}), ...plan, ...(score ? { score } : {}) });
  } catch (e) {
    problems.push(`无法审核：${(e as Error).message}`);
  }
  return { score, audit, problems };
}

export interface EvaluationFigures {
  selfScore: string | null;
  computedScore: string | null;
  /** The recomputed total's grade; null when it cannot be graded (see `ungradableReason`). */
  grade: string | null;
  /** 无法定级：… — why the recomputed total has no grade; null when it has one. */
  ungradableReason: string | null;
  executionRate: string | null;
  errors: number;
  warnings: number;
  /** How many findings block 提交 under the profile, less the rules the finance bureau waived (see `blockingCount`). */
  blocking: number;
}

/** The finance bureau's waiver of submission checks, as far as counting goes: the rules it waived. */
export interface WaivedRules {
  rules: readonly string[];
}

/**
 * How many findings block 提交: the audit's `blocking` findings (profile `submission.blocking`)
 * whose rule the finance bureau has not waived. An evaluation that cannot be audited counts 1:
 * it cannot be submitted either (the reason is in the evaluation's `submission.problem`).
 */
export function blockingCount(audit: AuditResult | null, waived: WaivedRules | null = null): number {
  if (!audit) return 1;
  const rules = new Set(waived?.rules ?? []);
  return audit.blocking.filter((f) => !rules.has(f.rule)).length;
}

const str = (d: unknown): string | null => (d === null || d === undefined ? null : String(d));

/** The figures kept beside each stored evaluation (for lists and dashboards); `waived`: the evaluation's submission override. */
export function figuresOf(evaluation: Evaluation, c: Computed, waived: WaivedRules | null = null): EvaluationFigures {
  return {
    selfScore: evaluation.totals.statedScore ?? str(c.score?.statedTotal),
    computedScore: str(c.score?.computedTotal),
    // A total that cannot be graded has no grade, whatever the unit stated; only when scoring could not
    // run at all is the stated grade kept.
    grade: c.score ? c.score.computedGrade : evaluation.totals.statedGrade ?? null,
    ungradableReason: c.score?.ungradableReason ?? null,
    executionRate: str(c.score?.execution.rate) ?? executionRateFromFunds(evaluation),
    errors: c.audit?.counts.error ?? 0,
    warnings: c.audit?.counts.warning ?? 0,
    blocking: blockingCount(c.audit, waived),
  };
}

function executionRateFromFunds(e: Evaluation): string | null {
  const base = e.funds.total.adjusted ?? e.funds.total.initial;
  const executed = e.funds.total.executed;
  if (!base || !executed || dec(base).isZero()) return null;
  return dec(executed).div(base).toString();
}

/** JSON with every Decimal as a string (decimal.js serialises itself as a string). */
export function toPlainJson<T>(x: T): unknown {
  return x === null || x === undefined ? null : JSON.parse(JSON.stringify(x));
}

/** Title of an evaluation for lists: the project name, or the unit's name + 部门整体. */
export function titleOf(e: Evaluation, unitName: string): string {
  if (e.kind !== 'department' && e.project?.name) return e.project.name;
  if (e.source?.title) return e.source.title;
  return `${e.unit.name ?? unitName} ${e.fiscalYear} 年度部门整体支出绩效自评`;
}
