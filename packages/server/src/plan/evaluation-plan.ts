/**
 * What an evaluation generated from targets is checked against: the approved version it came
 * from and the target's last monitoring return. Save refuses a change to an approved
 * indicator's name, target or weight, or a missing approved indicator.
 */
import { JxError, MonitoringData, findAuditRule, gatherAuditContext, getProfile, type ApprovedTargets, type Evaluation, type TargetTree } from '@jixiao/core';
import type { Repositories } from '../repositories/index.js';

export interface EvaluationPlan {
  approvedTargets?: ApprovedTargets;
  monitoring?: MonitoringData;
  /** `latestVersion`: the target's latest approved version (later than `version` after an approved adjustment). */
  target: { id: number; name: string; version: number; latestVersion: number; leafIds: string[] } | null;
}

export async function loadEvaluationPlan(r: Repositories, rec: { target_id: number | null; target_version: number | null }): Promise<EvaluationPlan> {
  if (rec.target_id === null || rec.target_version === null) return { target: null };
  const [t, v, m] = await Promise.all([r.targets.findById(rec.target_id), r.targets.findVersion(rec.target_id, rec.target_version), r.monitoring.latestFor(rec.target_id)]);
  if (!t || !v) return { target: null };
  const tree = v.tree as TargetTree;
  const monitoring = m ? MonitoringData.safeParse(m.data) : null;
  return {
    approvedTargets: { tree, version: v.version_no },
    ...(monitoring?.success ? { monitoring: monitoring.data } : {}),
    target: { id: t.id, name: t.name, version: v.version_no, latestVersion: t.approved_version ?? v.version_no, leafIds: tree.indicators.flatMap((a) => a.children.flatMap((b) => b.children.map((c) => c.id))) },
  };
}

/** Throws APPROVED_TARGET_LOCKED naming every indicator field that left the approved version. */
export function assertApprovedTargetsKept(evaluation: Evaluation, plan: EvaluationPlan): void {
  if (!plan.approvedTargets) return;
  const rule = findAuditRule('approved-targets-kept')!;
  let profile;
  try {
    profile = getProfile(evaluation.profile);
  } catch {
    profile = getProfile('national');
  }
  const findings = rule.check(gatherAuditContext(evaluation, profile, undefined, { approvedTargets: plan.approvedTargets }));
  if (findings.length === 0) return;
  throw new JxError(
    'APPROVED_TARGET_LOCKED',
    findings.length === 1 ? findings[0]!.message : `共 ${findings.length} 处`,
    findings.map((f) => ({ field: f.location.path ?? undefined, label: f.location.label ?? undefined, message: f.message })),
  );
}
