/** The checks of a target tree in the browser, as the server makes them: validation (blocking) and the filing checklist. */
import { checkTargetQuality, getProfile, validateTargetTree, type EvaluationKind, type JxIssue, type QualityCheck, type TargetTreeInput } from '@jixiao/core';

export interface TreeChecks {
  issues: JxIssue[];
  checklist: QualityCheck[];
}

export function checkTree(tree: TargetTreeInput, kind: EvaluationKind, profileId: string): TreeChecks {
  const v = validateTargetTree(tree);
  if (!v.ok) return { issues: v.error.issues, checklist: [] };
  let profile;
  try {
    profile = getProfile(profileId);
  } catch {
    profile = getProfile('national');
  }
  return { issues: [], checklist: checkTargetQuality(v.value, kind, profile) };
}
