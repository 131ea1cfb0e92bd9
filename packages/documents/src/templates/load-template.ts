/**
 * Load and validate document templates from packages/documents/templates/*.json.
 * The template for an evaluation is `options.template` when given, otherwise the one
 * whose `profiles` list names the evaluation's rule profile, otherwise "national".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JxError, type Evaluation } from '@jixiao/core';
import { Template } from './template-schema.js';

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
  const file = `${dir}/${id}.json`;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new JxError('INVALID_TEMPLATE', `${id}.json 不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）`);
  }
  const t = validateTemplate(data, `${id}.json`);
  if (t.id !== id) throw new JxError('INVALID_TEMPLATE', `${id}.json 中的 id 为“${t.id}”，应与文件名一致`);
  cache.set(key, t);
  return t;
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
