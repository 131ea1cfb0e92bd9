/** Types of the annual-cycle API (tasks, targets, monitoring, report outline), as the server sends them. */
import type { EvaluationKind, QualityCheck, TargetTreeInput } from '@jixiao/core';

export interface MonitoringPeriodJson {
  endMonth: number;
  opensOn: string;
  dueOn: string;
}

export interface TaskJson {
  id: number;
  bureauId: number;
  fiscalYear: number;
  kinds: EvaluationKind[];
  unitIds: number[] | null;
  opensOn: string;
  dueOn: string;
  profile: string;
  template: string;
  monitoringPeriods: MonitoringPeriodJson[];
  notice: string | null;
  status: 'open' | 'closed';
  version: number;
}

export interface CurrentTask {
  task: TaskJson | null;
  unit: {
    inScope: boolean;
    locked: boolean;
    unlock: { reason: string; untilOn: string | null } | null;
    reminders: Array<{ id: number; message: string; sentAt: string; sentBy: string | null }>;
  } | null;
}

export interface ProgressCounts {
  expected: number;
  submitted: number;
  reviewed: number;
  returned: number;
  overdue: number;
}

export interface ProgressItem {
  kind: EvaluationKind;
  projectId: number | null;
  code: string | null;
  title: string;
  evaluationId: number | null;
  status: string | null;
  state: 'not_submitted' | 'submitted' | 'reviewed' | 'returned';
}

export interface UnitProgress extends ProgressCounts {
  unitId: number;
  unitName: string;
  departmentId: number;
  departmentName: string;
  state: string;
  stateLabel: string;
  locked: boolean;
  unlock: { reason: string; untilOn: string | null } | null;
  items: ProgressItem[];
}

export interface TaskProgress {
  task: TaskJson;
  today: string;
  pastDue: boolean;
  totals: ProgressCounts & { units: number };
  byDepartment: Array<ProgressCounts & { departmentId: number; departmentName: string; units: number }>;
  byUnit: UnitProgress[];
  remind: Array<{ unitId: number; unitName: string; departmentName: string; missing: number; stateLabel: string }>;
}

export type TargetStatus = 'draft' | 'submitted' | 'department_approved' | 'approved' | 'returned';

export interface TargetSummary {
  id: number;
  unitId: number;
  unitName: string;
  departmentName: string;
  fiscalYear: number;
  kind: EvaluationKind;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  name: string;
  status: TargetStatus;
  statusLabel: string;
  version: number;
  approvedVersion: number | null;
  tree: TargetTreeInput;
  updatedAt: string | null;
}

export interface Opinion {
  at: string;
  by: string;
  action: string;
  opinion: string;
}

export interface AdjustmentJson {
  id: number;
  status: 'pending' | 'department_approved' | 'approved' | 'returned';
  reason: string;
  tree: TargetTreeInput | null;
  changes: Array<{ id: string; label: string; field: string; from: string | null; to: string | null }>;
  review: { opinions?: Opinion[] } | null;
  requestedAt: string | null;
  allowedActions: Array<'approve' | 'return'>;
}

export interface TargetDetail extends TargetSummary {
  review: { opinions?: Opinion[] } | null;
  checklist: QualityCheck[];
  profile: { id: string; name: string };
  versions: Array<{ versionNo: number; kind: 'initial' | 'adjustment'; reason: string | null; tree: TargetTreeInput; approvedAt: string | null }>;
  adjustments: AdjustmentJson[];
  allowedActions: Array<'submit' | 'withdraw' | 'approve' | 'return'>;
  canEdit: boolean;
  canAdjust: boolean;
  canGenerate: boolean;
  evaluationId: number | null;
  monitoring: Array<{ id: number; periodEndMonth: number; status: string; redCount: number }>;
  monitoringPeriods: MonitoringPeriodJson[];
}

export type Light = 'green' | 'yellow' | 'red';

export interface MonitoringEntryJson {
  indicatorId: string;
  name: string;
  target: string | null;
  valueToDate: string | null;
  forecast: string | null;
  willMeet: boolean | null;
  reason: string | null;
  action: string | null;
}

export interface MonitoringJson {
  id: number;
  targetId: number;
  targetName: string;
  unitId: number;
  unitName: string;
  departmentName: string;
  fiscalYear: number;
  periodEndMonth: number;
  periodLabel: string;
  targetVersion: number;
  status: 'draft' | 'submitted' | 'reviewed' | 'returned';
  statusLabel: string;
  version: number;
  data: { periodEndMonth: number; budget: { adjusted: string | null; executedToDate: string | null; reason: string | null; action: string | null }; entries: MonitoringEntryJson[] };
  redCount: number;
  assessment: {
    schedule: string;
    executionRate: string | null;
    lagPoints: string | null;
    budgetLight: Light | null;
    budgetLightLabel: string | null;
    entries: Array<{ indicatorId: string; light: Light; label: string }>;
    redCount: number;
    thresholds: { yellow: string; red: string };
  } | null;
  review: { opinions?: Opinion[] } | null;
  allowedActions: Array<'submit' | 'approve' | 'return'>;
  canEdit: boolean;
  updatedAt: string | null;
}

export type ReportBlock =
  | { kind: 'unit'; slot: string; heading: string | null; label: string; guidance: string | null; required: boolean; chapterIndex: number | null; sections: Array<{ index: number; title: string }> }
  | { kind: 'figures'; name: string; heading: string | null };

export interface ReportOutline {
  template: { id: string; name: string };
  chapters: Array<{ title: string; blocks: ReportBlock[] }>;
  placeholders: Array<{ label: string; where: string }>;
  override: { reason: string } | null;
}
