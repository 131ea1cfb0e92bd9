/** Table types for Kysely. Every SQL statement lives in src/repositories. */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { EvaluationKind } from '@jixiao/core';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: read as parsed JSON, written as JSON text (both pg and PGlite pass strings through). */
type Json<T = unknown> = ColumnType<T, string, string>;
type NullableJson<T = unknown> = ColumnType<T | null, string | null | undefined, string | null>;

/** `assessor`: a third-party evaluation agency (评价机构) engaged by a finance bureau; sees only what is sampled to it. */
export const ROLES = ['unit_filler', 'unit_head', 'department_reviewer', 'finance_reviewer', 'admin', 'assessor'] as const;
export type Role = (typeof ROLES)[number];

export interface RegionTable {
  id: Generated<number>;
  name: string;
}
export interface BureauTable {
  id: Generated<number>;
  region_id: number;
  name: string;
}
export interface DepartmentTable {
  id: Generated<number>;
  bureau_id: number;
  name: string;
}
export interface UnitTable {
  id: Generated<number>;
  department_id: number;
  name: string;
  code: string | null;
}
export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  unit_id: number | null;
  department_id: number | null;
  bureau_id: number | null;
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  /** Set for the bootstrap administrator: every request but the password change is refused until then. */
  must_change_password: Generated<boolean>;
}
export interface SessionTable {
  id: string; // sha256 of the cookie token
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** Touched at most once a minute; a session idle longer than the policy allows ends. */
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface EvaluationTable {
  id: Generated<number>;
  unit_id: number;
  fiscal_year: number;
  kind: EvaluationKind;
  title: string;
  profile: string;
  status: string;
  version: number;
  data: Json;
  self_score: string | null;
  computed_score: string | null;
  review_score: string | null;
  grade: string | null;
  execution_rate: string | null;
  errors: number;
  warnings: number;
  quality_score: string | null;
  /**
   * 自评质量 as the profile's rubric computes it (exact numeric), written with the other figures on
   * every create and save and whenever its reference total changes; `quality_score` is the total the
   * finance bureau confirmed or adjusted. Null: the profile is unknown to the build that wrote it.
   */
  quality_computed: ColumnType<string | null, string | null | undefined, string | null>;
  sampled: Generated<boolean>;
  review: NullableJson;
  /** The reviewer's adjustments of the self-evaluation quality parts: { adjustments: { part: { score, reason, by, at } } }. */
  quality_review: NullableJson;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  published_at: Timestamp | null;
  /** The project this project/transfer evaluation evaluates (null for department evaluations). */
  project_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The targets this evaluation was generated from (生成自评), and the approved version used. */
  target_id: ColumnType<number | null, number | null | undefined, number | null>;
  target_version: ColumnType<number | null, number | null | undefined, number | null>;
  /** Why the recomputed total cannot be graded (无法定级：…); null when it can (then `grade` is set). */
  ungradable_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The finance bureau's override of the submission checks: { reason, rules, by, role, at }. */
  submission_override: NullableJson;
  /**
   * How many findings block 提交 (profile `submission.blocking`, less the waived rules; 1 when the
   * evaluation cannot be audited), written with the other figures on every save; null: not known
   * (a row restored from a backup made before the column existed, until it is next saved).
   */
  blocking: ColumnType<number | null, number | null | undefined, number | null>;
}
export const PROJECT_KINDS = ['project', 'transfer'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
/** A 其中 column of the project list (本年财政拨款, 上年结转, …), amounts in 万元. */
export interface ProjectSourceAmount {
  source: string;
  label: string;
  initial: string | null;
  adjusted: string | null;
}
export interface ProjectTable {
  id: Generated<number>;
  region_id: number;
  fiscal_year: number;
  code: string;
  name: string;
  unit_id: number;
  kind: ProjectKind;
  category: string | null;
  issuing_department: string | null;
  manager: string | null;
  phone: string | null;
  initial_budget: string | null;
  adjusted_budget: string | null;
  sources: ColumnType<ProjectSourceAmount[], string | undefined, string>;
  status: 'active' | 'removed';
  version: number;
  import_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface ProjectImportTable {
  id: Generated<number>;
  region_id: number;
  fiscal_year: number;
  scope_kind: 'bureau' | 'department' | 'unit';
  scope_id: number;
  file_name: string;
  file_sha256: string;
  options: Json;
  rows: Json;
  preview: Json;
  status: 'previewed' | 'committed';
  result: NullableJson;
  created_by: number;
  created_at: Timestamp;
  committed_at: Timestamp | null;
}
export interface AuditLogTable {
  id: ColumnType<number, never, never>;
  entity_type: string;
  entity_id: number;
  evaluation_id: number | null;
  actor_id: number | null;
  actor_name: string;
  action: string;
  at: Timestamp;
  before: NullableJson;
  after: NullableJson;
  /** Hash chain, written by the database trigger (never by the application). */
  prev_hash: ColumnType<string | null, never, never>;
  hash: ColumnType<string, never, never>;
}
/** Failed-attempt counters of the login policy (never backed up). */
export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  last_failure_at: Date | null;
  last_success_at: Date | null;
}
export const TARGET_STATES = ['draft', 'submitted', 'department_approved', 'approved', 'returned'] as const;
export type TargetState = (typeof TARGET_STATES)[number];
export interface TargetTable {
  id: Generated<number>;
  unit_id: number;
  fiscal_year: number;
  name: string;
  status: TargetState;
  version: number;
  /** The flat content of targets filed before they became a tree (kept as it was). */
  initial: NullableJson;
  adjusted: NullableJson;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  approved_at: Timestamp | null;
  approved_by: number | null;
  kind: ColumnType<EvaluationKind, EvaluationKind | undefined, EvaluationKind>;
  project_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The tree being filed, or the approved (latest adjusted) one. */
  tree: Json;
  /** Number of the latest approved version (target_versions.version_no), null before approval. */
  approved_version: ColumnType<number | null, number | null | undefined, number | null>;
  review: NullableJson;
}
export interface TargetVersionTable {
  id: Generated<number>;
  target_id: number;
  version_no: number;
  tree: Json;
  kind: 'initial' | 'adjustment';
  reason: string | null;
  approved_by: number | null;
  approved_at: Timestamp;
}
export const ADJUSTMENT_STATES = ['pending', 'department_approved', 'approved', 'returned'] as const;
export type AdjustmentState = (typeof ADJUSTMENT_STATES)[number];
export interface TargetAdjustmentTable {
  id: Generated<number>;
  target_id: number;
  reason: string;
  changes: Json;
  status: AdjustmentState;
  requested_by: number | null;
  requested_at: Timestamp;
  approved_by: number | null;
  approved_at: Timestamp | null;
  tree: NullableJson;
  review: NullableJson;
  department_approved_by: number | null;
  department_approved_at: Timestamp | null;
}
export const TASK_STATES = ['open', 'closed'] as const;
export type TaskState = (typeof TASK_STATES)[number];
/** A monitoring period of the annual task: 1–endMonth, returns accepted from opensOn to dueOn. */
export interface MonitoringPeriod {
  endMonth: number;
  opensOn: string;
  dueOn: string;
}
export interface AnnualTaskTable {
  id: Generated<number>;
  bureau_id: number;
  fiscal_year: number;
  kinds: Json<EvaluationKind[]>;
  unit_ids: NullableJson<number[]>;
  /** Dates as 'YYYY-MM-DD' text. */
  opens_on: ColumnType<string, string, string>;
  due_on: ColumnType<string, string, string>;
  profile: string;
  template: string;
  monitoring_periods: Json<MonitoringPeriod[]>;
  notice: string | null;
  status: TaskState;
  version: number;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface TaskUnlockTable {
  id: Generated<number>;
  task_id: number;
  unit_id: number;
  reason: string;
  until_on: ColumnType<string | null, string | null | undefined, string | null>;
  unlocked_by: number | null;
  unlocked_at: Timestamp;
}
export interface TaskReminderTable {
  id: Generated<number>;
  task_id: number;
  unit_id: number;
  message: string;
  sent_by: number | null;
  sent_at: Timestamp;
}
export const MONITORING_STATES = ['draft', 'submitted', 'reviewed', 'returned'] as const;
export type MonitoringState = (typeof MONITORING_STATES)[number];
export interface MonitoringReturnTable {
  id: Generated<number>;
  target_id: number;
  unit_id: number;
  fiscal_year: number;
  period_end_month: number;
  target_version: number;
  status: MonitoringState;
  data: Json;
  red_count: Generated<number>;
  review: NullableJson;
  version: number;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  reviewed_at: Timestamp | null;
}
export interface SampleTable {
  id: Generated<number>;
  fiscal_year: number;
  size: number;
  seed: string;
  population: Json<number[]>;
  evaluation_ids: Json<number[]>;
  drawn_by: number | null;
  drawn_at: Timestamp;
  /** The bureau that drew it (null only for samples drawn before bureaus were recorded and never backfilled). */
  bureau_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The settings as given (ratio or count, strata, mandatory inclusion, assessor). */
  settings: ColumnType<unknown, string | undefined, string>;
  /** The draw: per stratum its size, quota and drawn ids; mandatory ids with their reasons. */
  plan: ColumnType<unknown, string | undefined, string>;
  status: ColumnType<SampleState, SampleState | undefined, SampleState>;
  /** Why this draw replaced the earlier one (required for a redraw). */
  reason: ColumnType<string | null, string | null | undefined, string | null>;
  replaces: ColumnType<number | null, number | null | undefined, number | null>;
  assessor_id: ColumnType<number | null, number | null | undefined, number | null>;
}
export const SAMPLE_STATES = ['active', 'superseded'] as const;
export type SampleState = (typeof SAMPLE_STATES)[number];
export const SAMPLE_ITEM_STATES = ['assigned', 'rescored', 'returned'] as const;
export type SampleItemState = (typeof SAMPLE_ITEM_STATES)[number];
/** One evaluation drawn in a sample, with the third-party (or finance) re-score. */
export interface SampleItemTable {
  id: Generated<number>;
  sample_id: number;
  evaluation_id: number;
  stratum: string;
  /** Why it was included without drawing (mandatory inclusion), or null when drawn. */
  mandatory: string | null;
  assessor_id: number | null;
  status: SampleItemState;
  /** { scores, total, grade, opinion, by, at } */
  rescore: NullableJson;
  review: NullableJson;
  version: number;
}
export interface RectificationTable {
  id: Generated<number>;
  evaluation_id: number;
  rule: string | null;
  /** The audit findings (core) this item answers, as they were when it was opened. */
  findings: ColumnType<unknown[], string | undefined, string>;
  description: string;
  due_date: string | null;
  status: RectificationState;
  note: string | null;
  /** The unit the item is for (its evaluation's or monitoring return's unit). */
  unit_id: ColumnType<number, number | undefined, number>;
  monitoring_return_id: ColumnType<number | null, number | null | undefined, number | null>;
  source: ColumnType<RectificationSource, RectificationSource | undefined, RectificationSource>;
  /** The unit's report (整改情况报告). */
  report: ColumnType<string | null, string | null | undefined, string | null>;
  reported_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Sign-off and returns: { opinions: [{ action, opinion, by, at }] }. */
  review: NullableJson;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  closed_by: ColumnType<number | null, number | null | undefined, number | null>;
  version: number;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export const RECTIFICATION_STATES = ['open', 'in_progress', 'reported', 'returned', 'closed'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
export const RECTIFICATION_SOURCES = ['monitoring', 'self_evaluation', 'department_evaluation', 'finance_evaluation', 'sampling'] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];
/** 佐证材料: a file kept in the database with its SHA-256 (backed up with everything else). */
export interface RectificationEvidenceTable {
  id: Generated<number>;
  rectification_id: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
}
export const RESULT_APPLICATION_STATES = ['decided', 'responded'] as const;
export type ResultApplicationState = (typeof RESULT_APPLICATION_STATES)[number];
/** 结果应用: the finance bureau's decision for next year's budget and the department's response. */
export interface ResultApplicationTable {
  id: Generated<number>;
  evaluation_id: number;
  status: ResultApplicationState;
  grade: string | null;
  /** Where the grade came from: 'sample' (third-party), 'review' (finance re-score) or 'computed'. */
  grade_basis: string;
  suggested: string;
  decision: string;
  note: string | null;
  profile: string;
  decided_by: number | null;
  decided_at: Timestamp;
  response: string | null;
  responded_by: number | null;
  responded_at: Timestamp | null;
  version: number;
}

export interface DB {
  regions: RegionTable;
  bureaus: BureauTable;
  departments: DepartmentTable;
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  evaluations: EvaluationTable;
  audit_log: AuditLogTable;
  targets: TargetTable;
  target_adjustments: TargetAdjustmentTable;
  target_versions: TargetVersionTable;
  annual_tasks: AnnualTaskTable;
  task_unlocks: TaskUnlockTable;
  task_reminders: TaskReminderTable;
  monitoring_returns: MonitoringReturnTable;
  samples: SampleTable;
  rectifications: RectificationTable;
  sample_items: SampleItemTable;
  rectification_evidence: RectificationEvidenceTable;
  result_applications: ResultApplicationTable;
  login_throttle: LoginThrottleTable;
  projects: ProjectTable;
  project_imports: ProjectImportTable;
}

/**
 * The tables of the first schema, parents before children. Backups no longer use this list:
 * they read the tables and their foreign keys from the database catalog (see
 * `backup/list-tables.ts`), so tables added by later migrations are included automatically.
 */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'regions',
  'bureaus',
  'departments',
  'units',
  'users',
  'sessions',
  'project_imports',
  'projects',
  'targets',
  'target_versions',
  'target_adjustments',
  'evaluations',
  'annual_tasks',
  'task_unlocks',
  'task_reminders',
  'monitoring_returns',
  'samples',
  'rectifications',
  'audit_log',
] as const satisfies readonly (keyof DB)[];

export type UserRow = Selectable<UserTable>;
export type EvaluationRow = Selectable<EvaluationTable>;
export type NewEvaluation = Insertable<EvaluationTable>;
export type EvaluationUpdate = Updateable<EvaluationTable>;
export type TargetRow = Selectable<TargetTable>;
export type TargetVersionRow = Selectable<TargetVersionTable>;
export type TargetAdjustmentRow = Selectable<TargetAdjustmentTable>;
export type AnnualTaskRow = Selectable<AnnualTaskTable>;
export type MonitoringReturnRow = Selectable<MonitoringReturnTable>;
export type RectificationRow = Selectable<RectificationTable>;
export type SampleRow = Selectable<SampleTable>;
export type SampleItemRow = Selectable<SampleItemTable>;
export type RectificationEvidenceRow = Selectable<RectificationEvidenceTable>;
export type ResultApplicationRow = Selectable<ResultApplicationTable>;
export type ProjectRow = Selectable<ProjectTable>;
export type NewProject = Insertable<ProjectTable>;
export type ProjectImportRow = Selectable<ProjectImportTable>;
