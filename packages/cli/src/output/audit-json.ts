/**
 * The stable `--json` shape of an audited file (documented in docs/CLI.md; other input
 * formats and the server reuse it): the main evaluation with its figures and findings, and
 * `evaluations` — every evaluation the file holds (a report on several projects, a department
 * report with annexed project tables), each with its own figures and findings.
 */
import {
  getProfile,
  scoreEvaluation,
  summarizeEvaluation,
  type AuditResult,
  type Evaluation,
  type EvaluationKind,
  type Finding,
  type Severity,
} from '@jixiao/core';
import type { LoadedEvaluation } from '../read-evaluation-file.js';

export interface EvaluationSummaryJson {
  unit: string | null;
  year: number;
  kind: EvaluationKind;
  profile: string;
  figures: Record<string, string | null>;
}

export interface EvaluationJson extends EvaluationSummaryJson {
  /** Whether this is the file's main evaluation (the one in `evaluation`). */
  main: boolean;
  /** The project or transfer the evaluation is of (name and budget code), null for a department. */
  project: { name: string; code: string | null } | null;
  /** Why the text is not a whole report (stops mid-table, starts inside a table, an excerpt), or null. */
  incomplete: string | null;
  findings: Finding[];
  counts: Record<Severity, number>;
}

export interface AuditJson {
  file: string;
  evaluation: EvaluationSummaryJson;
  findings: Finding[];
  evaluations: EvaluationJson[];
}

function summaryOf(ev: Evaluation, result: AuditResult): EvaluationSummaryJson {
  const profile = getProfile(`${result.profile.id}@${result.profile.version}`);
  const figures: Record<string, string | null> = {
    ...(summarizeEvaluation(ev, scoreEvaluation(ev, profile)) as unknown as Record<string, string | null>),
    statedExecutionRate: ev.budgetExecution.statedRate,
    statedGrade: ev.totals.statedGrade,
    publicFunds: ev.baseData?.threePublic.total.actual ?? null,
  };
  return { unit: ev.unit.name, year: ev.fiscalYear, kind: ev.kind, profile: `${result.profile.id}@${result.profile.version}`, figures };
}

/** `results[i]` is the audit of `loaded.evaluations[i]`. */
export function auditJson(loaded: LoadedEvaluation, results: AuditResult[]): AuditJson {
  const main = Math.max(0, loaded.evaluations.indexOf(loaded.evaluation));
  const evaluations = loaded.evaluations.map((ev, i): EvaluationJson => ({
    ...summaryOf(ev, results[i]!),
    main: i === main,
    project: ev.project ? { name: ev.project.name, code: ev.project.code } : null,
    incomplete: ev.source?.incomplete?.reason ?? null,
    findings: results[i]!.findings,
    counts: results[i]!.counts,
  }));
  return { file: loaded.file, evaluation: summaryOf(loaded.evaluation, results[main]!), findings: results[main]!.findings, evaluations };
}
