/** Test support: an audit context from model input (validated like any input) and a profile id. */
import { Evaluation, type EvaluationInput } from '../../model/evaluation.js';
import { getProfile } from '../../profiles/get-profile.js';
import { gatherAuditContext } from '../gather-audit-context.js';
import type { AuditContext, AuditRule, FindingDraft } from '../types.js';

/** A minimal valid department evaluation, overridden by `input`. */
export function contextOf(input: Partial<EvaluationInput> = {}, profile = 'national'): AuditContext {
  const evaluation = Evaluation.parse({ kind: 'department', fiscalYear: 2023, profile, ...input });
  return gatherAuditContext(evaluation, getProfile(evaluation.profile));
}

export function run(rule: AuditRule, input: Partial<EvaluationInput> = {}, profile = 'national'): FindingDraft[] {
  return rule.check(contextOf(input, profile));
}
