/**
 * Load and validate document templates from packages/documents/templates/*.json.
 * The template for an evaluation is `options.template` when given, otherwise the one
 * whose `profiles` list names the evaluation's rule profile, otherwise "national".
 * A template may say `"extends": "<id>"`: it is then merged over that template (objects
 * merged key by key, arrays and plain values replaced), so a province writes only what differs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JxError, type Evaluation, type EvaluationKind } from '@jixiao/core';
import { Template, type FormSpec } from './template-schema.js';

/** Works from src/templates/ (tests) and dist/templates/ (build): both are two levels down. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

const cache = new Map<string, Template>();

/** Validate a parsed template object; throws JxError INVALID_TEMPLATE naming every issue. */
export function validateTemplate(data: unknown, source = '模板'): Template {
  const r = Template.safeParse(data);
  if (r.success) return r.data;
  throw new JxError(
    'INVALID_TEMPLATE',
    source,
    r.error.issues.slice(0, 50).map((i) => ({ field: i.path.map(String).join('.') || '(根)', message: i.message })),
  );
}

export function listTemplateIds(dir = TEMPLATES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export function loadTemplate(id: string, dir = TEMPLATES_DIR): Template {
  const key = `${dir}\0${id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!/^[a-z][a-z0-9-]*$/.test(id) || !listTemplateIds(dir).includes(id)) {
    throw new JxError('UNKNOWN_TEMPLATE', `“${id}”，可用的模板：${listTemplateIds(dir).join('、')}`);
  }
  const t = validateTemplate(readMerged(id, dir, []), `${id}.json`);
  if (t.id !== id) throw new JxError('INVALID_TEMPLATE', `${id}.json 中的 id 为“${t.id}”，应与文件名一致`);
  cache.set(key, t);
  return t;
}

function readJson(id: string, dir: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(`${dir}/${id}.json`, 'utf8'));
  } catch (e) {
    throw new JxError('INVALID_TEMPLATE', `${id}.json 不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）`);
  }
  if (!isObject(data)) throw new JxError('INVALID_TEMPLATE', `${id}.json 应为一个 JSON 对象`);
  return data;
}

/** The template's JSON merged over the one it extends (recursively; a cycle is an error). */
function readMerged(id: string, dir: string, chain: string[]): Record<string, unknown> {
  const own = readJson(id, dir);
  const parent = own.extends;
  if (parent === undefined) return own;
  if (typeof parent !== 'string' || !listTemplateIds(dir).includes(parent)) {
    throw new JxError('INVALID_TEMPLATE', `${id}.json 的 extends 应为已有模板的 id，收到“${String(parent)}”`);
  }
  if (chain.includes(parent) || parent === id) throw new JxError('INVALID_TEMPLATE', `模板 extends 形成循环：${[...chain, id, parent].join(' → ')}`);
  const { extends: _drop, ...rest } = own;
  void _drop;
  return deepMerge(readMerged(parent, dir, [...chain, id]), rest);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isObject(b) && isObject(v) ? deepMerge(b, v) : v;
  }
  return out;
}

/** The project or transfer 自评表 layout of a template, national's when it has none. */
export function formFor(template: Template, kind: Exclude<EvaluationKind, 'department'>): FormSpec {
  const own = template.forms[kind];
  if (own) return own;
  const fallback = loadTemplate('national').forms[kind];
  if (!fallback) throw new JxError('INVALID_TEMPLATE', `national.json 缺少 forms.${kind}`);
  return fallback;
}

/** The template id for an evaluation: explicit choice, else by rule profile, else national. */
export function resolveTemplateId(evaluation: Pick<Evaluation, 'profile'>, explicit?: string | null, dir = TEMPLATES_DIR): string {
  if (explicit) return explicit;
  const profileId = evaluation.profile.split('@')[0]!;
  for (const id of listTemplateIds(dir)) {
    if (loadTemplate(id, dir).profiles.includes(profileId)) return id;
  }
  return 'national';
}

export function templateFor(evaluation: Pick<Evaluation, 'profile'>, explicit?: string | null): Template {
  return loadTemplate(resolveTemplateId(evaluation, explicit));
}
