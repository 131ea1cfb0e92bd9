/**
 * Live scoring and audit in the browser with @jixiao/core (pure, no I/O): the same
 * functions the server runs, so the figures she sees while typing are the ones the
 * reviewer will see.
 */
import { auditEvaluation, getProfile, kindWeights, listProfiles, parseEvaluation, scoreEvaluation, type Evaluation, type EvaluationKind } from '@jixiao/core';
import type { AuditJson, FindingJson, ScoreJson } from '../api/types.js';

export interface LiveResult {
  /** Parsed model, when the form's content is valid. */
  evaluation: Evaluation | null;
  score: ScoreJson | null;
  audit: AuditJson | null;
  /** Input problems (not a number, etc.) as findings on their fields. */
  inputFindings: FindingJson[];
  /** Chinese note when scoring could not run. */
  problem: string | null;
}

/** Decimals become strings, exactly as the API renders them. */
const plain = <T,>(x: unknown): T => JSON.parse(JSON.stringify(x)) as T;

export function inputFindingsOf(input: unknown): { evaluation: Evaluation | null; findings: FindingJson[] } {
  const r = parseEvaluation(input);
  if (r.ok) return { evaluation: r.value, findings: [] };
  const finding = (message: string, path: string | null, label: string | null): FindingJson => ({
    rule: 'input', severity: 'error', category: 'format', message, location: { path, label, source: null }, reported: null, expected: null, difference: null,
  });
  const findings = (r.error.issues ?? []).map((i) => finding(i.message, i.field ?? null, i.label ?? null));
  if (findings.length === 0) findings.push(finding(r.error.message, null, null));
  return { evaluation: null, findings };
}

export function scoreLive(input: unknown): LiveResult {
  const { evaluation, findings } = inputFindingsOf(input);
  if (!evaluation) return { evaluation: null, score: null, audit: null, inputFindings: findings, problem: null };
  try {
    const profile = getProfile(evaluation.profile);
    const score = plain<ScoreJson>(scoreEvaluation(evaluation, profile));
    const audit = plain<AuditJson>(auditEvaluation(evaluation, { profile }));
    return { evaluation, score, audit, inputFindings: [], problem: null };
  } catch (e) {
    return { evaluation, score: null, audit: null, inputFindings: [], problem: (e as Error).message || '无法计算得分' };
  }
}

/** Profiles for the rule selector. */
export function profileOptions(): Array<{ value: string; label: string }> {
  return listProfiles().map((p) => ({ value: p.id, label: `${p.name}（${p.version}）` }));
}

/** Level-1 template (names, weights) of a profile for a kind, to start an empty indicator table. */
export function level1Template(profileRef: string, kind: EvaluationKind): Array<{ name: string; weight: string }> {
  try {
    return kindWeights(getProfile(profileRef), kind).level1.map((l) => ({ name: l.name, weight: l.weight }));
  } catch {
    return [];
  }
}
