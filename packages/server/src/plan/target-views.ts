/** JSON views of targets: the list row and the detail (versions, adjustments, checklist, allowed actions). */
import { checkTargetQuality, getProfile, type TargetTree } from '@jixiao/core';
import type { TargetAdjustmentRow, TargetVersionRow } from '../db/schema.js';
import type { Repositories } from '../repositories/index.js';
import type { TargetRecord } from '../repositories/target.repository.js';
import { mayAct, type Actor } from '../workflow/access.js';
import { ADJUSTMENT_ACTIONS, ADJUSTMENT_MACHINE, TARGET_ACTIONS, TARGET_EDITABLE, TARGET_MACHINE, TARGET_STATE_LABELS } from '../workflow/plan-machines.js';
import { isOwnUnitMember } from '../workflow/access.js';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export function targetSummary(t: TargetRecord) {
  return {
    id: t.id,
    unitId: t.unit_id,
    unitName: t.unitName,
    departmentId: t.departmentId,
    departmentName: t.departmentName,
    fiscalYear: t.fiscal_year,
    kind: t.kind,
    projectId: t.project_id,
    projectCode: t.projectCode,
    projectName: t.projectName,
    name: t.name,
    status: t.status,
    statusLabel: TARGET_STATE_LABELS[t.status] ?? t.status,
    version: t.version,
    approvedVersion: t.approved_version,
    tree: t.tree as TargetTree,
    updatedAt: iso(t.updated_at),
    approvedAt: iso(t.approved_at),
  };
}

export function versionJson(v: TargetVersionRow) {
  return { versionNo: v.version_no, kind: v.kind, reason: v.reason, tree: v.tree as TargetTree, approvedAt: iso(v.approved_at) };
}

export function adjustmentJson(a: TargetAdjustmentRow, actor: Actor, t: TargetRecord) {
  const allowed = ADJUSTMENT_ACTIONS.filter((x) => {
    const rule = ADJUSTMENT_MACHINE[a.status]?.[x];
    return rule?.kind === 'allowed' && mayAct(actor, rule.roles, t);
  });
  return { id: a.id, status: a.status, reason: a.reason, tree: a.tree as TargetTree | null, changes: a.changes, review: a.review, requestedAt: iso(a.requested_at), approvedAt: iso(a.approved_at), allowedActions: allowed };
}

export async function targetDetail(r: Repositories, actor: Actor, t: TargetRecord) {
  const [versions, adjustments, evaluation, monitoring, task] = await Promise.all([
    r.targets.listVersions(t.id),
    r.targets.listAdjustments(t.id),
    r.targets.findEvaluationOf(t.id),
    r.monitoring.list({ kind: 'all' }, { targetId: t.id }),
    r.tasks.findForBureauYear(t.bureauId, t.fiscal_year),
  ]);
  const profile = getProfile(task?.profile ?? 'national');
  const allowedActions = TARGET_ACTIONS.filter((a) => {
    const rule = TARGET_MACHINE[t.status]?.[a];
    return rule?.kind === 'allowed' && mayAct(actor, rule.roles, t);
  });
  const open = adjustments.some((a) => a.status === 'pending' || a.status === 'department_approved');
  return {
    ...targetSummary(t),
    review: t.review,
    checklist: checkTargetQuality(t.tree as TargetTree, t.kind, profile),
    profile: { id: profile.id, name: profile.name },
    versions: versions.map(versionJson),
    adjustments: adjustments.map((a) => adjustmentJson(a, actor, t)),
    allowedActions,
    canEdit: TARGET_EDITABLE.includes(t.status) && isOwnUnitMember(actor, t),
    canAdjust: t.status === 'approved' && !open && isOwnUnitMember(actor, t),
    canGenerate: t.status === 'approved' && !evaluation && isOwnUnitMember(actor, t),
    evaluationId: evaluation?.id ?? null,
    monitoring: monitoring.map((m) => ({ id: m.id, periodEndMonth: m.period_end_month, status: m.status, redCount: m.red_count, updatedAt: iso(m.updated_at) })),
    monitoringPeriods: task?.monitoring_periods ?? [],
  };
}
