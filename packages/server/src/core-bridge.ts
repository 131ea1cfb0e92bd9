/**
 * The one place the server calls the pure core for scoring and auditing. The core
 * functions are looked up at run time so the server keeps working (with null scores)
 * while a core module is missing or throws on a malformed evaluation.
 */
import * as core from '@jixiao/core';
import type { AuditResult, Evaluation, ScoreResult } from '@jixiao/core';
import { dec } from '@jixiao/core';

type AnyFn = (...args: unknown[]) => unknown;
const lookup = (name: string): AnyFn | undefined => {
  const f = (core as Record<string, unknown>)[name];
  return typeof f === 'function' ? (f as AnyFn) : undefined;
};

export interface Computed {
  score: ScoreResult | null;
  audit: AuditResult | null;
  /** Chinese note when scoring or auditing could not run. */
  problems: string[];
}

export function computeEvaluation(evaluation: Evaluation): Computed {
  const problems: string[] = [];
  let score: ScoreResult | null = null;
  let audit: AuditResult | null = null;
  let profile: unknown;
  try {
    profile = lookup('getProfile')?.(evaluation.profile);
  } catch (e) {
    problems.push(`评分规则不可用：${(e as Error).message}`);
  }
  const scoreFn = lookup('scoreEvaluation');
  if (!scoreFn) problems.push('评分模块尚不可用');
  else {
    try {
      score = scoreFn(evaluation, profile) as ScoreResult;
    } catch (e) {
      problems.push(`无法计算得分：${(e as Error).message}`);
    }
  }
  const auditFn = lookup('auditEvaluation');
  if (!auditFn) problems.push('审核模块尚不可用');
  else {
    try {
      audit = auditFn(evaluation, profile) as AuditResult;
    } catch (e) {
      problems.push(`无法审核：${(e as Error).message}`);
    }
  }
  return { score, audit, problems };
}

export interface EvaluationFigures {
  selfScore: string | null;
  computedScore: string | null;
  grade: string | null;
  executionRate: string | null;
  errors: number;
  warnings: number;
}

const str = (d: unknown): string | null => (d === null || d === undefined ? null : String(d));

/** The figures kept beside each stored evaluation (for lists and dashboards). */
export function figuresOf(evaluation: Evaluation, c: Computed): EvaluationFigures {
  return {
    selfScore: evaluation.totals.statedScore ?? str(c.score?.statedTotal),
    computedScore: str(c.score?.computedTotal),
    grade: c.score?.computedGrade ?? evaluation.totals.statedGrade ?? null,
    executionRate: str(c.score?.execution.rate) ?? executionRateFromFunds(evaluation),
    errors: c.audit?.counts.error ?? 0,
    warnings: c.audit?.counts.warning ?? 0,
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
  if (e.kind === 'project' && e.project?.name) return e.project.name;
  if (e.source?.title) return e.source.title;
  return `${e.unit.name ?? unitName} ${e.fiscalYear} 年度部门整体支出绩效自评`;
}
