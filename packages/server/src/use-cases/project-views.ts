/** JSON views of projects and project-list imports (flat rows for list pages). */
import type { ProjectImportRow, ProjectRow } from '../db/schema.js';
import type { Progress, ProjectListRow, ProjectListSummary } from '../repositories/project.repository.js';
import type { ImportPreview } from './preview-project-import.js';

export const PROGRESS_LABELS: Record<Progress, string> = {
  not_started: '未填',
  draft: '草稿',
  returned: '已退回',
  submitted: '已提交',
  department_approved: '主管部门已审核',
  finance_approved: '财政已审核',
  published: '已公开',
};

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toProjectSummary(r: ProjectListRow) {
  return {
    id: r.id,
    fiscalYear: r.fiscal_year,
    code: r.code,
    name: r.name,
    kind: r.kind,
    category: r.category,
    issuingDepartment: r.issuing_department,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitCode: r.unit_code,
    departmentId: r.department_id,
    departmentName: r.department_name,
    initialBudget: r.initial_budget,
    adjustedBudget: r.adjusted_budget,
    status: r.status,
    version: r.version,
    evaluationId: r.evaluation_id,
    evaluationStatus: r.evaluation_status,
    evaluationVersion: r.evaluation_version,
    progress: r.progress,
    progressLabel: PROGRESS_LABELS[r.progress] ?? r.progress,
    executed: r.executed,
    executionRate: r.execution_rate,
    selfScore: r.self_score,
    computedScore: r.computed_score,
    reviewScore: r.review_score,
    grade: r.grade,
    errors: r.errors,
    warnings: r.warnings,
    /** Findings that block 提交 under the evaluation's profile, less the rules finance waived; null when not known. */
    blocking: r.blocking,
    updatedAt: iso(r.updated_at),
  };
}
export type ProjectSummary = ReturnType<typeof toProjectSummary>;

export function toSummaryJson(s: ProjectListSummary) {
  return { ...s, byProgress: s.byProgress.map((p) => ({ ...p, label: PROGRESS_LABELS[p.progress] })) };
}

export function toProjectDetail(r: ProjectListRow, p: ProjectRow) {
  return { ...toProjectSummary(r), sources: p.sources, manager: p.manager, phone: p.phone, importId: p.import_id, createdAt: iso(p.created_at) };
}

export function toImportJson(row: ProjectImportRow) {
  const preview = row.preview as ImportPreview;
  const options = row.options as { createEvaluations?: boolean; amountUnit?: string | null };
  return {
    id: row.id,
    fiscalYear: row.fiscal_year,
    fileName: row.file_name,
    status: row.status,
    scope: preview.scope,
    createEvaluations: options.createEvaluations !== false,
    amountUnit: options.amountUnit ?? null,
    counts: preview.counts,
    rows: preview.rows,
    gone: preview.gone,
    createdAt: iso(row.created_at),
    committedAt: iso(row.committed_at),
    result: row.result,
  };
}
