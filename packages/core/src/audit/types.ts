/** Types of the auditor: rules are a catalog of data + a pure check function each. */
import type { Evaluation, SourceRef } from '../model/evaluation.js';
import type { Profile } from '../profiles/profile.js';
import type { ProjectRollup } from '../scoring/compute-project-rollup.js';
import type { DepartmentFormula, ScoreResult } from '../scoring/types.js';
import type { LeafEntry } from './finding-helpers.js';
import type { StatedPercent } from './stated-percents.js';
import type { TargetTree } from '../plan/target-tree.js';
import type { MonitoringData } from '../plan/monitoring.js';

export type Severity = 'error' | 'warning' | 'info';
export type Category = 'accuracy' | 'completeness' | 'consistency' | 'plausibility' | 'format';

export interface FindingLocation {
  /** Model path, e.g. "indicators.0.weight". */
  path: string | null;
  /** Human label, e.g. "产出指标 › 成本指标 › 费用开支控制在预算内执行". */
  label: string | null;
  /** Where in the source document (from evaluation.provenance), when imported. */
  source: SourceRef | null;
}

export interface Finding {
  rule: string;
  severity: Severity;
  category: Category;
  /** Plain Chinese; says so when it cannot tell which side is wrong. */
  message: string;
  location: FindingLocation;
  /** Figures as decimal strings (or short text), null where not applicable. */
  reported: string | null;
  expected: string | null;
  difference: string | null;
}

/** What a rule returns: a finding without the catalog fields (filled in by the runner). */
export type FindingDraft = Omit<Finding, 'rule' | 'severity' | 'category' | 'location'> & {
  location: Partial<FindingLocation> & { path: string | null };
  /** A lower severity for this one finding than the rule's (e.g. info when the text is incomplete). */
  severity?: Severity;
};

export interface AuditContext {
  evaluation: Evaluation;
  profile: Profile;
  score: ScoreResult;
  formulas: DepartmentFormula[];
  /**
   * A department evaluation's project evaluations, when the caller has them
   * (`auditEvaluation(department, { children })`), and their roll-up; absent otherwise,
   * and the roll-up rules then check nothing.
   */
  children?: readonly Evaluation[];
  rollup?: ProjectRollup;
  /**
   * The approved target tree the evaluation must be scored against (and its version), when the
   * caller has it; `approved-targets-kept` checks nothing without it.
   */
  approvedTargets?: ApprovedTargets;
  /** The last mid-year monitoring return, when there is one (`monitoring-matches-year-end`). */
  monitoring?: MonitoringData;
  /**
   * Figures several rules derive from this one evaluation, computed on first use and kept
   * for the rest of the audit (filled in by the helpers that compute them, e.g.
   * `statedPercents`). Optional: a context without it is computed afresh on each call.
   */
  memo?: AuditMemo;
}

/** Per-context cache of derived figures; rules read them through the helper that fills each key. */
export interface AuditMemo {
  statedPercents?: readonly StatedPercent[];
  leaves?: readonly LeafEntry[];
}

export interface AuditRule {
  /** Stable kebab-case id, e.g. "weights-sum-to-heading". */
  id: string;
  title: { zh: string; en: string };
  severity: Severity;
  category: Category;
  check(ctx: AuditContext): FindingDraft[];
}

/** What `auditEvaluation` accepts besides the evaluation; every field optional. */
export interface AuditOptions {
  /** The profile to audit by; by default the evaluation's own. */
  profile?: Profile;
  /** A department evaluation's project (and transfer) evaluations, to check its roll-up figures against. */
  children?: readonly Evaluation[];
  /** The approved (or formally adjusted) targets the evaluation was generated from. */
  approvedTargets?: ApprovedTargets;
  /** The last monitoring return of the year. */
  monitoring?: MonitoringData;
  /**
   * The evaluation's score by `profile`, when the caller has just computed it with
   * `scoreEvaluation(evaluation, profile)` (scored again otherwise). Read, never changed.
   */
  score?: ScoreResult;
}

/** An approved target tree and the version number it carries (printed in findings). */
export interface ApprovedTargets {
  tree: TargetTree;
  version: number;
}

export interface AuditResult {
  profile: { id: string; version: string; name: string };
  findings: Finding[];
  counts: Record<Severity, number>;
  /** The grade of the recomputed total, or null when it cannot be graded (see `ungradableReason`). */
  grade: string | null;
  /** "无法定级：…" when the recomputed total cannot be graded; null otherwise. */
  ungradableReason: string | null;
  /** Findings that block submission under the profile (`submission.blocking`). */
  blocking: Finding[];
}
