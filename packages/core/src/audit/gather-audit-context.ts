/**
 * Gather, then compute: everything a rule may read, computed once from one immutable
 * evaluation (profile, scores by the profile, department formulas).
 */
import type { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import type { Profile } from '../profiles/profile.js';
import { computeDepartmentFormulas, scoreEvaluation } from '../scoring/index.js';
import type { AuditContext } from './types.js';

export function gatherAuditContext(evaluation: Evaluation, profile: Profile = getProfile(evaluation.profile)): AuditContext {
  return {
    evaluation,
    profile,
    score: scoreEvaluation(evaluation, profile),
    formulas: computeDepartmentFormulas(evaluation, profile),
    memo: {},
  };
}
