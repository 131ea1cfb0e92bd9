/**
 * Gather, then compute: everything a rule may read, computed once from one immutable
 * evaluation (profile, scores by the profile, department formulas).
 */
import type { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import type { Profile } from '../profiles/profile.js';
import { computeDepartmentFormulas, computeProjectRollup, scoreEvaluation } from '../scoring/index.js';
import type { AuditContext, AuditOptions } from './types.js';

/**
 * With `children` (a department's project evaluations), the context also carries their
 * roll-up, coverage counted against the department's stated `funds.projectCount`.
 */
export function gatherAuditContext(
  evaluation: Evaluation,
  profile: Profile = getProfile(evaluation.profile),
  children?: readonly Evaluation[],
  plan: Pick<AuditOptions, 'approvedTargets' | 'monitoring' | 'score'> = {},
): AuditContext {
  const ctx: AuditContext = {
    evaluation,
    profile,
    score: plan.score ?? scoreEvaluation(evaluation, profile),
    formulas: computeDepartmentFormulas(evaluation, profile),
    memo: {},
  };
  if (children !== undefined) {
    ctx.children = children;
    ctx.rollup = computeProjectRollup(children, { projectCount: evaluation.funds.projectCount });
  }
  if (plan.approvedTargets !== undefined) ctx.approvedTargets = plan.approvedTargets;
  if (plan.monitoring !== undefined) ctx.monitoring = plan.monitoring;
  return ctx;
}
