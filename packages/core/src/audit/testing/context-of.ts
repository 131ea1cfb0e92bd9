/**
 * Test support: an audit context from model input and a profile id. The input is
 * validated like any JSON input (Evaluation.parse), so tests state only the fields they
 * are about; it is typed loosely because the model's input type requires every
 * optional key to be spelled out.
 */
import { Evaluation } from '../../model/evaluation.js';
import { getProfile } from '../../profiles/get-profile.js';
import { gatherAuditContext } from '../gather-audit-context.js';
import type { AuditContext, AuditRule, FindingDraft } from '../types.js';

export type LooseInput = Record<string, unknown>;

/** A minimal valid department evaluation, overridden by `input`. */
export function contextOf(input: LooseInput = {}, profile = 'national'): AuditContext {
  const evaluation = Evaluation.parse({ kind: 'department', fiscalYear: 2023, profile, ...input });
  return gatherAuditContext(evaluation, getProfile(evaluation.profile));
}

export function run(rule: AuditRule, input: LooseInput = {}, profile = 'national'): FindingDraft[] {
  return rule.check(contextOf(input, profile));
}
