/**
 * A profile's version names its rules: every result records `{ id, version }`, so two rule sets
 * must never share one. `profile-versions.json` records, for every shipped id@version, a
 * fingerprint of its rules (the validated profile without its prose: name, jurisdiction, basis,
 * description, sources, and nested description / note text). Changing a rule without a new
 * version fails here; a new version fails until its fingerprint is recorded (a deliberate step:
 * add the line, keep the old ones).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILES, getProfile, profileRef } from './get-profile.js';

const PROSE_TOP = new Set(['name', 'jurisdiction', 'basis', 'description', 'sources']);
const PROSE_NESTED = new Set(['description', 'note']);

function rules(x: unknown, top = true): unknown {
  if (Array.isArray(x)) return x.map((v) => rules(v, false));
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x).sort()) {
      if ((top ? PROSE_TOP : PROSE_NESTED).has(k)) continue;
      out[k] = rules((x as Record<string, unknown>)[k], false);
    }
    return out;
  }
  return x;
}

function rulesFingerprint(profile: unknown): string {
  return createHash('sha256').update(JSON.stringify(rules(JSON.parse(JSON.stringify(profile))))).digest('hex').slice(0, 16);
}

const recorded = JSON.parse(readFileSync(join(import.meta.dirname, 'profile-versions.json'), 'utf8')) as Record<string, string>;

describe('a profile’s rules change only with its version', () => {
  for (const p of PROFILES) {
    it(`${profileRef(p)}: its rules are the ones recorded for that version`, () => {
      const ref = profileRef(p);
      const now = rulesFingerprint(p);
      expect(recorded[ref], `${ref} 没有记录：新版本请在 profile-versions.json 加上 "${ref}": "${now}"`).toBeDefined();
      expect(now, `${ref} 的规则与该版本记录的不同：改了规则就要提升 version（结果记录的是版本号），再记下新版本`).toBe(recorded[ref]);
    });
  }

  // Stored results name the version that produced them (`hunan@2023.2`); re-opening one loads that
  // version. A new version therefore adds a profile beside the old one, never in its place.
  for (const ref of Object.keys(recorded).filter((k) => !k.startsWith('$'))) {
    it(`${ref}: still shipped, so results recorded with it can be re-opened and re-scored by it`, () => {
      expect(() => getProfile(ref), `${ref} 已记录但不再随软件提供：以它计分的结果将无法重新打开。新版本请与旧版本并存，不要替换`).not.toThrow();
      expect(profileRef(getProfile(ref))).toBe(ref);
    });
  }

  it('prose is not a rule: a changed note or description keeps the fingerprint; a changed weight does not', () => {
    const p = JSON.parse(JSON.stringify(PROFILES[0]));
    const base = rulesFingerprint(p);
    expect(rulesFingerprint({ ...p, description: '另一段说明', sources: { documents: [], knobs: {} } })).toBe(base);
    expect(rulesFingerprint({ ...p, weights: { ...p.weights, budgetExecution: '15' } })).not.toBe(base);
    expect(rulesFingerprint({ ...p, grades: [...p.grades].reverse() })).not.toBe(base);
  });
});
