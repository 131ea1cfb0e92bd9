/**
 * Find the template entry of a profile for a level-1 indicator name as printed
 * ("产出指标（50分）", "产 出", "效益"), in the default tree or an alternative one.
 */
import type { EvaluationKind } from '../model/evaluation.js';
import type { Profile } from './profile.js';

export interface Level1TemplateMatch {
  /** Template name, e.g. "产出指标". */
  name: string;
  /** Template weight as a decimal string. */
  weight: string;
  /** null for the profile's default tree, else the alternative tree's name. */
  alternative: string | null;
}

/** "产出指标\n（50分）" → "产出指标"; full-width, spaces and weight remarks removed. */
export function normaliseLevel1Name(name: string): string {
  return String(name ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\([^()]*\)/g, '')
    .replace(/[:：、.。]/g, '')
    .replace(/^[一二三四五六七八九十\d]+/, '');
}

export function matchLevel1Template(
  name: string,
  kind: EvaluationKind,
  profile: Profile,
): Level1TemplateMatch | null {
  const key = normaliseLevel1Name(name);
  if (key === '') return null;
  const trees: Array<{ alternative: string | null; entries: Profile['weights']['level1']['project'] }> = [
    { alternative: null, entries: profile.weights.level1[kind] },
    ...profile.weights.level1Alternatives.map((a) => ({ alternative: a.name, entries: a[kind] })),
  ];
  for (const tree of trees) {
    for (const e of tree.entries) {
      const names = [e.name, ...e.aliases].map(normaliseLevel1Name);
      if (names.includes(key)) return { name: e.name, weight: e.weight, alternative: tree.alternative };
    }
  }
  return null;
}
