/**
 * The last step of an import: the evaluation through the core schema. A value the schema
 * refuses is dropped (set to null, or the list entry removed) rather than failing the import.
 */
import { Evaluation, type Evaluation as EvaluationT } from '@jixiao/core';

const AMOUNT_KEYS = new Set(['initial', 'adjusted', 'executed', 'arrived', 'priorActual', 'budget', 'basicBudgetAdjustment', 'carryOverBalance', 'total', 'inUse']);
const SCORE_KEYS = new Set(['selfScore', 'reviewerScore', 'statedScore']);
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const UNSIGNED = /^\d+(?:\.\d+)?$/;
const FREE_TEXT_LISTS = new Set(['indicators', 'claims', 'goals', 'team', 'chapters']);

function validLeaf(key: string, o: string, inList: boolean): boolean {
  if (key === 'weight') return UNSIGNED.test(o) && Number(o) <= 100;
  if (SCORE_KEYS.has(key)) return UNSIGNED.test(o);
  if (AMOUNT_KEYS.has(key) && !inList) return UNSIGNED.test(o);
  if (key.startsWith('stated') && key !== 'statedGrade' && key !== 'statedAs') return DECIMAL.test(o);
  return true;
}

/**
 * The checks of the schema that our own extraction could fail (amounts and scores not
 * negative, weights within 0–100, years in range). When they pass, the full schema parse —
 * the slowest step of an import — is not needed; when not, it decides.
 */
function quickValid(ev: EvaluationT): boolean {
  if (!Number.isInteger(ev.fiscalYear) || ev.fiscalYear < 1990 || ev.fiscalYear > 2100) return false;
  let ok = true;
  const walk = (o: unknown, key: string, inList: boolean): void => {
    if (!ok || o === null || o === undefined) return;
    if (Array.isArray(o)) {
      for (const x of o) walk(x, key, inList);
      return;
    }
    if (typeof o === 'object') {
      for (const [k, v] of Object.entries(o as Record<string, unknown>)) if (k !== 'provenance') walk(v, k, inList || FREE_TEXT_LISTS.has(k));
      return;
    }
    if (typeof o === 'string') ok = validLeaf(key, o, inList);
  };
  walk(ev, '', false);
  return ok;
}

function dropIssues(draft: unknown, issues: ReadonlyArray<{ path: PropertyKey[] }>): unknown {
  const copy = structuredClone(draft) as Record<string, unknown>;
  for (const issue of issues) {
    let obj: unknown = copy;
    const path = issue.path;
    for (let i = 0; i < path.length - 1; i++) obj = (obj as Record<PropertyKey, unknown>)[path[i]!];
    const last = path[path.length - 1];
    if (!obj || typeof obj !== 'object' || last === undefined) continue;
    if (Array.isArray(obj) && typeof last === 'number') obj.splice(last, 1);
    else (obj as Record<PropertyKey, unknown>)[last] = null;
  }
  return copy;
}

export function finalise(ev: EvaluationT): EvaluationT {
  if (quickValid(ev)) return ev;
  let draft: unknown = ev;
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = Evaluation.safeParse(draft);
    if (r.success) return r.data;
    draft = dropIssues(draft, r.error.issues);
  }
  return Evaluation.parse(draft);
}
