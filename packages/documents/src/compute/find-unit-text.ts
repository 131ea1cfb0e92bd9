/**
 * Find the text only the unit can write (problems, measures, result use …) among the
 * chapters of `evaluation.chapters`, by the keywords the template gives for each slot.
 * A chapter that matches only this slot's keywords is preferred to one that matches
 * several (e.g. "存在的问题及改进措施" serves both problems and measures; its sub-chapters
 * "存在的主要问题" and "改进措施" are the specific matches).
 */
import type { Chapter, Evaluation } from '@jixiao/core';
import type { Template, UnitSlot } from '../templates/template-schema.js';

export interface UnitSection {
  title: string;
  paragraphs: string[];
}
export interface UnitText {
  /** Body of the matched chapter itself. */
  paragraphs: string[];
  /** Its sub-chapters, in order (one level flattened). */
  sections: UnitSection[];
  /** Index of the matched chapter in evaluation.chapters. */
  index: number;
}

const NUMBER_PREFIX = /^\s*(?:[（(]?[一二三四五六七八九十百]+[)）]?[、.．]?|[（(]?\d+[)）]?[、.．]?)\s*/;

export function stripChapterNumber(title: string): string {
  return title.replace(NUMBER_PREFIX, '').trim();
}

export function splitParagraphs(body: string | null): string[] {
  if (!body) return [];
  return body
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function matchesAny(title: string, keywords: string[]): boolean {
  return keywords.some((k) => title.includes(k));
}

/** Chapters under chapter i: those after it with a deeper level, up to the next of its level or higher. */
function descendants(chapters: Chapter[], i: number): number[] {
  const out: number[] = [];
  const lvl = chapters[i]!.level;
  for (let j = i + 1; j < chapters.length && chapters[j]!.level > lvl; j++) out.push(j);
  return out;
}

export function findUnitText(
  evaluation: Pick<Evaluation, 'chapters'>,
  template: Pick<Template, 'slots'>,
  slot: UnitSlot,
  used: Set<number> = new Set(),
): UnitText | null {
  const chapters = evaluation.chapters;
  const own = template.slots[slot]?.match ?? [];
  const others = Object.entries(template.slots)
    .filter(([k]) => k !== slot)
    .flatMap(([, v]) => v?.match ?? []);
  const candidates: number[] = [];
  chapters.forEach((c, i) => {
    if (!used.has(i) && matchesAny(stripChapterNumber(c.title), own)) candidates.push(i);
  });
  const specific = candidates.filter((i) => !matchesAny(stripChapterNumber(chapters[i]!.title), others));
  const pickIndex = specific[0] ?? candidates[0];
  if (pickIndex === undefined) return null;
  const desc = descendants(chapters, pickIndex);
  const paragraphs = splitParagraphs(chapters[pickIndex]!.body);
  const sections = desc
    .filter((j) => !used.has(j))
    .map((j) => ({ title: stripChapterNumber(chapters[j]!.title), paragraphs: splitParagraphs(chapters[j]!.body) }));
  if (paragraphs.length === 0 && sections.every((s) => s.paragraphs.length === 0)) return null;
  used.add(pickIndex);
  for (const j of desc) used.add(j);
  return { paragraphs, sections, index: pickIndex };
}
