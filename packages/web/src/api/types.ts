/** Shapes of the HTTP API (docs/API.md). Numbers are decimal strings where the API says so. */
import type { Evaluation, EvaluationInput } from '@jixiao/core';

export type Role = 'unit_filler' | 'unit_head' | 'department_reviewer' | 'finance_reviewer' | 'admin' | 'assessor';

export const ROLE_NAMES: Record<Role, string> = {
  unit_filler: '填报人',
  unit_head: '单位负责人',
  department_reviewer: '主管部门审核',
  finance_reviewer: '财政局绩效科',
  admin: '系统管理员',
  assessor: '评价机构',
};

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  bureauId: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
  /** A bootstrap password: nothing but the password change is allowed until it is changed. */
  mustChangePassword?: boolean;
}

export type Status = 'draft' | 'submitted' | 'department_approved' | 'finance_approved' | 'published' | 'returned';

export const STATUS_NAMES: Record<Status, string> = {
  draft: '草稿',
  submitted: '已提交',
  department_approved: '主管部门已审核',
  finance_approved: '财政已审核',
  published: '已公开',
  returned: '被退回',
};

export const STATUS_COLORS: Record<Status, string> = {
  draft: 'default',
  submitted: 'processing',
  department_approved: 'cyan',
  finance_approved: 'blue',
  published: 'success',
  returned: 'error',
};

export type Kind = 'department' | 'project' | 'transfer';
export const KIND_NAMES: Record<Kind, string> = { department: '部门整体', project: '项目支出', transfer: '转移支付' };
export const KIND_OPTIONS = (Object.keys(KIND_NAMES) as Kind[]).map((k) => ({ value: k, label: KIND_NAMES[k] }));

/** Scores and findings of one evaluation, as list rows carry them. */
export interface ScoreFigures {
  selfScore: string | null;
  computedScore: string | null;
  reviewScore: string | null;
  grade: string | null;
  /** 无法定级：… when the recomputed total cannot be graded (grade is then null). */
  ungradableReason?: string | null;
  errors: number;
  warnings: number;
}

export interface EvaluationSummary extends ScoreFigures {
  id: string;
  unitId: string;
  unitName: string;
  departmentId: string | null;
  departmentName: string | null;
  fiscalYear: number;
  kind: Kind;
  title: string;
  status: Status;
  version: number;
  /** 自评质量 the finance bureau confirmed or adjusted; null until it has. */
  qualityScore: string | null;
  /** 自评质量 as the profile's rubric computes it (exact decimal string): shown 未确认 while qualityScore is null. */
  qualityComputed?: string | null;
  sampled: boolean;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** The API's JSON rendering of core's ScoreResult: every Decimal becomes a string. */
export interface ScoreJson {
  profile: { id: string; version: string; name: string };
  execution: {
    rate: string | null;
    base: string;
    baseAmount: string | null;
    executed: string | null;
    weight: string | null;
    computed: string | null;
    stated: string | null;
    explanation: string;
    knobs?: string[];
  };
  indicators: Array<{
    path: string;
    level1: string;
    level2: string;
    name: string;
    weight: string | null;
    effectiveWeight: string | null;
    status: string;
    achievement: string | null;
    computed: string | null;
    computedRange: { min: string; max: string } | null;
    stated: string | null;
    explanation: string;
    /** Profile knobs this score used (see `basis`). */
    knobs?: string[];
    /** The qualitative level jixiao inferred from the wording, not one the unit stated. */
    levelInferred?: boolean;
  }>;
  level1: Array<{ path: string; name: string; headedWeight: string | null; stated: string | null; computed: string | null; explanation: string; knobs?: string[] }>;
  totalWeight: string;
  computedTotal: string | null;
  statedTotal: string | null;
  computedGrade: string | null;
  statedGrade: string | null;
  explanation: string[];
  /** 无法定级：… when the total cannot be graded (computedGrade is then null). */
  ungradableReason?: string | null;
  totalKnobs?: string[];
  /** Where each knob the score used comes from; `verified: false` is marked 未核实. */
  basis?: KnobBasisJson[];
}

export interface KnobBasisJson {
  knob: string;
  label: string;
  document: { number: string | null; title: string; year: number | null; level: 'national' | 'provincial' | 'city' | 'report'; issuer: string | null } | null;
  verified: boolean;
  note: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface SourceRefJson {
  file?: string | null;
  line?: number | null;
  start?: number | null;
  end?: number | null;
  snippet?: string | null;
}

export interface FindingJson {
  rule: string;
  severity: Severity;
  category: string;
  message: string;
  location: { path: string | null; label: string | null; source: SourceRefJson | null };
  reported: string | null;
  expected: string | null;
  difference: string | null;
}

export interface AuditJson {
  profile: { id: string; version: string; name: string };
  findings: FindingJson[];
  counts: Record<Severity, number>;
  /** Findings the profile says must be dealt with before submission (提交前检查). */
  blocking?: FindingJson[];
}

/** The server's checks before submission: what blocks 提交 now, and what the finance bureau waived. */
export interface SubmissionCheckJson {
  blocking: FindingJson[];
  waived: FindingJson[];
  override: { reason: string; rules: string[]; by: string; role: string; at: string } | null;
  canSubmit: boolean;
  problem: string | null;
}

export interface ReviewJson {
  opinion?: string | null;
  reviewScores?: Record<string, string>;
  /** The server's name for reviewScores. */
  scores?: Record<string, string>;
  qualityScore?: string | null;
  /** Every opinion written along the cycle, oldest first. */
  opinions?: Array<{ at: string; by: string; role: string; action: string; opinion: string }>;
  reviewer?: string | null;
  at?: string | null;
  [k: string]: unknown;
}

export type Action = 'submit' | 'approve' | 'return' | 'publish' | 'withdraw' | 'unpublish';

export interface EvaluationDetail {
  id: string;
  status: Status;
  version: number;
  unitId: string;
  unitName?: string;
  evaluation: Evaluation;
  score: ScoreJson | null;
  audit: AuditJson | null;
  review: ReviewJson | null;
  allowedActions: Action[];
  updatedAt: string;
  /** Server hints: whether this user may edit / re-score now. */
  canEdit?: boolean;
  canReview?: boolean;
  problems?: string[];
  /** The project this evaluation belongs to (project and transfer evaluations). */
  projectId?: string | number | null;
  submission?: SubmissionCheckJson;
  /** Generated from approved targets (生成自评): which ones, which version, the locked leaf ids. */
  /** `latestVersion`: the target's latest approved version (later than `version` after an approved adjustment: 更新为最新批复版本). */
  targets?: { id: number; name: string; version: number; latestVersion?: number; leafIds: string[] } | null;
}

export interface HistoryEntry {
  at: string;
  actor?: string | { id?: string; displayName?: string; username?: string };
  actor_name?: string;
  action: string;
  before?: unknown;
  after?: unknown;
  opinion?: string | null;
}

export interface Imported {
  evaluation: EvaluationInput;
  audit: AuditJson;
  lines: string[];
}

export interface OrgNode {
  id: string;
  name: string;
  parentId: string | null;
}

export interface Org {
  regions: OrgNode[];
  bureaus: OrgNode[];
  departments: OrgNode[];
  units: OrgNode[];
}

/** The API's to-do: each entry a count, or (as the server sends it) the list of items. */
export type TodoEntry = number | Array<{ id: string | number; title?: string; unitName?: string | null; description?: string; status?: string; evaluationId?: string | number }>;
export interface Todo {
  drafts: TodoEntry;
  returned: TodoEntry;
  pendingReview: TodoEntry;
  pendingSample: TodoEntry;
  openRectifications: TodoEntry;
}

export interface Sample {
  id: string;
  seed: string | number;
  drawnAt: string;
  evaluationIds: string[];
  fiscalYear?: number;
  size?: number;
  /** Summaries of the drawn evaluations the user may see, in draw order. */
  evaluations?: EvaluationSummary[];
}

export interface Rectification {
  id: string;
  evaluationId: string;
  rule?: string | null;
  description: string;
  dueDate: string | null;
  status: string;
  note?: string | null;
  unitName?: string | null;
  version?: number;
}

/** Rows may come camelCase (docs/API.md) or snake_case (raw rows); read both. */
export function normaliseRectification(r: Record<string, unknown>): Rectification {
  const g = (a: string, b: string) => (r[a] ?? r[b] ?? null) as never;
  return {
    id: String(r.id),
    evaluationId: String(g('evaluationId', 'evaluation_id')),
    rule: g('rule', 'rule'),
    description: String(r.description ?? ''),
    dueDate: g('dueDate', 'due_date'),
    status: String(r.status ?? 'open'),
    note: g('note', 'note'),
    unitName: g('unitName', 'unit_name'),
    version: g('version', 'version') ?? undefined,
  };
}

export interface PublicReport {
  id: string;
  unitName: string;
  fiscalYear: number;
  kind: Kind;
  score: string | null;
  grade: string | null;
  /** 无法定级：… when the recomputed total cannot be graded (grade is then null). */
  ungradableReason?: string | null;
  errors: number;
  warnings: number;
  publishedAt: string;
}

export interface Target {
  id: string;
  unitId: string;
  fiscalYear: number;
  status: string;
  title?: string;
  [k: string]: unknown;
}

/** A project's self-evaluation progress (docs/API.md, Projects). */
export type Progress = 'not_started' | 'draft' | 'returned' | 'submitted' | 'department_approved' | 'finance_approved' | 'published';

export const PROGRESS_NAMES: Record<Progress, string> = {
  not_started: '未填',
  draft: '草稿',
  returned: '已退回',
  submitted: '已提交',
  department_approved: '主管部门已审核',
  finance_approved: '财政已审核',
  published: '已公开',
};

export const PROGRESS_COLORS: Record<Progress, string> = {
  not_started: 'default',
  draft: 'gold',
  returned: 'error',
  submitted: 'processing',
  department_approved: 'cyan',
  finance_approved: 'blue',
  published: 'success',
};

/** One project row, flat and computed by the server. Amounts in 万元, rates as fractions. */
export interface ProjectSummary extends ScoreFigures {
  id: string | number;
  fiscalYear: number;
  code: string;
  name: string;
  kind: Kind;
  category: string | null;
  issuingDepartment: string | null;
  unitId: string | number;
  unitName: string;
  unitCode: string | null;
  departmentId: string | number | null;
  departmentName: string | null;
  initialBudget: string | null;
  adjustedBudget: string | null;
  status: 'active' | 'removed';
  version: number;
  evaluationId: string | number | null;
  evaluationStatus: Status | null;
  evaluationVersion: number | null;
  progress: Progress;
  progressLabel: string;
  executed: string | null;
  executionRate: string | null;
  /** Findings that block 提交 under the evaluation's profile (less rules finance waived); null when not known. */
  blocking: number | null;
  updatedAt: string | null;
}

export interface ProjectListSummary {
  count: number;
  initialBudget: string | null;
  adjustedBudget: string | null;
  executed: string | null;
  withErrors: number;
  /** Rows with findings that block 提交. */
  blocked: number;
  byProgress: Array<{ progress: Progress; label: string; count: number }>;
}

export interface ProjectPage {
  items: ProjectSummary[];
  total: number;
  page: number;
  pageSize: number;
  summary: ProjectListSummary;
}

export interface UnitProjects {
  unit: { id: string | number; name: string; code: string | null; departmentId: string | number | null; departmentName: string | null };
  fiscalYear: number | null;
  items: ProjectSummary[];
  summary: ProjectListSummary;
}

export interface ProjectImportRow {
  line: number;
  code: string;
  name: string;
  unitId: string | number;
  unitName: string;
  kind: Kind;
  category: string | null;
  initialBudget: string | null;
  adjustedBudget: string | null;
  change: 'new' | 'changed' | 'unchanged';
  changes: Record<string, { before: unknown; after: unknown }>;
  projectId: string | number | null;
}

export interface ProjectImport {
  id: string | number;
  fiscalYear: number;
  fileName: string;
  status: 'previewed' | 'committed';
  scope: { kind: 'bureau' | 'department' | 'unit'; id: string | number; name: string };
  createEvaluations: boolean;
  counts: { rows: number; new: number; changed: number; unchanged: number; gone: number };
  rows: ProjectImportRow[];
  gone: Array<{ projectId: string | number; code: string; name: string; unitName: string; evaluationId: string | number | null; evaluationStatus: Status | null }>;
  createdAt: string | null;
  committedAt: string | null;
  result: { created: number; updated: number; removed: number; unchanged?: number; evaluationsCreated: number; evaluationsUpdated: number } | null;
}

/** A 422 PROJECT_LIST_INVALID issue: one per problem, with the row number and column. */
export interface ProjectListIssue {
  line?: number;
  field?: string;
  label?: string;
  message: string;
}

export interface BatchResult {
  action: Action;
  succeeded: number;
  failed: number;
  results: Array<{ id: string | number; ok: true; status: Status; version: number } | { id: string | number; ok: false; error: { code: string; message: string } }>;
}

/** core's ProjectRollup as JSON (decimal strings), each child with its evaluation id. */
export interface RollupScoresJson {
  count: number;
  sum: string;
  average: string | null;
  lowest: { index: number; name: string | null; code: string | null; score: string } | null;
}

export interface RollupColumnJson {
  sum: string;
  known: number;
  unknown: number;
}

export interface ProjectRollupJson {
  projectCount: number;
  expectedCount: number | null;
  evaluatedCount: number;
  coverage: { evaluated: number; of: number; rate: string | null };
  funds: Record<'initial' | 'adjusted' | 'executed' | 'arrived', RollupColumnJson>;
  execution: { rate: string | null; executed: string; adjusted: string; count: number; missing: number };
  statedScores: RollupScoresJson;
  computedScores: RollupScoresJson;
  grades: { stated: Record<string, number>; computed: Record<string, number> };
  children: Array<{ index: number; kind: Kind; name: string | null; code: string | null; evaluated: boolean; statedScore: string | null; computedScore: string | null; evaluationId?: string | number }>;
  skipped: Array<{ index: number; reason: string }>;
}

export interface DepartmentProjects {
  items: ProjectSummary[];
  rollup: ProjectRollupJson;
  findings: FindingJson[];
  problems?: string[];
}
