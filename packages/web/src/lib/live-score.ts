/**
 * Live scoring and audit in the browser with @jixiao/core (pure, no I/O). The core functions
 * are looked up at run time, so while a module is missing the editor falls back to the
 * stateless POST /api/preview.
 */
import * as core from '@jixiao/core';
import { parseEvaluation, type Evaluation } from '@jixiao/core';
import { request } from '../api/client.js';
import type { AuditJson, FindingJson, ScoreJson } from '../api/types.js';

type AnyFn = (...args: unknown[]) => unknown;
const lookup = (name: string): AnyFn | undefined => {
  const f = (core as unknown as Record<string, unknown>)[name];
  return typeof f === 'function' ? (f as AnyFn) : undefined;
};

export interface LiveResult {
  /** Parsed model, when the form's content is valid. */
  evaluation: Evaluation | null;
  score: ScoreJson | null;
  audit: AuditJson | null;
  /** Input problems (not a number, etc.) as findings on their fields. */
  inputFindings: FindingJson[];
  /** Where the result came from. */
  via: 'browser' | 'server' | 'none';
  problem: string | null;
}

const plain = <T,>(x: unknown): T => JSON.parse(JSON.stringify(x)) as T;

export function inputFindingsOf(input: unknown): { evaluation: Evaluation | null; findings: FindingJson[] } {
  const r = parseEvaluation(input);
  if (r.ok) return { evaluation: r.value, findings: [] };
  const findings: FindingJson[] = (r.error.issues ?? []).map((i) => ({
    rule: 'input',
    severity: 'error',
    category: 'format',
    message: i.message,
    location: { path: i.field ?? null, label: i.label ?? null, source: null },
    reported: null,
    expected: null,
    difference: null,
  }));
  if (findings.length === 0) findings.push({ rule: 'input', severity: 'error', category: 'format', message: r.error.message, location: { path: null, label: null, source: null }, reported: null, expected: null, difference: null });
  return { evaluation: null, findings };
}

export async function scoreLive(input: unknown, signal?: AbortSignal): Promise<LiveResult> {
  const { evaluation, findings } = inputFindingsOf(input);
  if (!evaluation) return { evaluation: null, score: null, audit: null, inputFindings: findings, via: 'none', problem: null };
  const getProfile = lookup('getProfile');
  const scoreFn = lookup('scoreEvaluation');
  const auditFn = lookup('auditEvaluation');
  if (getProfile && scoreFn && auditFn) {
    try {
      const profile = getProfile(evaluation.profile);
      const score = plain<ScoreJson>(scoreFn(evaluation, profile));
      const audit = plain<AuditJson>(auditFn(evaluation, { profile }));
      return { evaluation, score, audit, inputFindings: [], via: 'browser', problem: null };
    } catch (e) {
      return { evaluation, score: null, audit: null, inputFindings: [], via: 'none', problem: (e as Error).message || '无法计算得分' };
    }
  }
  try {
    const r = await request<{ score: ScoreJson | null; audit: AuditJson | null }>('/api/preview', { body: { evaluation }, signal });
    return { evaluation, score: r.score, audit: r.audit, inputFindings: [], via: 'server', problem: null };
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    return { evaluation, score: null, audit: null, inputFindings: [], via: 'none', problem: (e as Error).message };
  }
}

/** Profiles for the rule selector (empty while the profiles module is missing). */
export function profileOptions(): Array<{ value: string; label: string }> {
  const list = lookup('listProfiles');
  if (!list) return [{ value: 'national', label: '全国通用' }];
  try {
    return (list() as Array<{ id: string; name: string; version: string }>).map((p) => ({ value: p.id, label: `${p.name}（${p.version}）` }));
  } catch {
    return [{ value: 'national', label: '全国通用' }];
  }
}

/** Level-1 template (names, weights) of a profile, to start an empty indicator table. */
export function level1Template(profileRef: string, kind: 'department' | 'project'): Array<{ name: string; weight: string }> {
  const getProfile = lookup('getProfile');
  if (!getProfile) return [];
  try {
    const p = getProfile(profileRef) as { weights: { level1: Record<string, Array<{ name: string; weight: string }>> } };
    return p.weights.level1[kind] ?? [];
  } catch {
    return [];
  }
}
