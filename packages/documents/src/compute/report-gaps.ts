/**
 * What a report still lacks, read from the same outline the .docx is written from: every
 * 【待填写：…】 the template's `missingText` leaves in the text, and every table cell that would
 * print 待填写 (a level-1 or leaf weight or score, the total, the grade). And the template's
 * chapters as the editor shows them: each block the unit writes, with the template's label and
 * guidance and the chapter of `evaluation.chapters` that currently holds its text.
 */
import type { Evaluation, Profile } from '@jixiao/core';
import { buildReportOutline, type ReportNode } from './build-report-outline.js';
import { computeReportFigures, printedScoreRows, type ReportFigures } from './compute-report-figures.js';
import { findUnitText } from './find-unit-text.js';
import { templateFor } from '../templates/load-template.js';
import type { FigureBlockName, Template, UnitSlot } from '../templates/template-schema.js';

export interface ReportPlaceholder {
  /** What is missing, as the report labels it ("存在的问题及原因", "产出指标 得分"). */
  label: string;
  /** The chapter (or table) it is in. */
  where: string;
}

export interface ReportGapOptions {
  template?: string;
  profile?: Profile;
  children?: readonly Evaluation[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function textOf(n: ReportNode): string[] {
  switch (n.type) {
    case 'attachment':
    case 'title':
    case 'h1':
    case 'h2':
    case 'h3':
    case 'p':
      return [n.text];
    case 'signature':
      return n.lines;
    default:
      return [];
  }
}

function tableGaps(fig: ReportFigures, where: string, out: ReportPlaceholder[]): void {
  for (const r of [...printedScoreRows(fig), fig.totalRow]) {
    if (r.weight === null) out.push({ label: `${r.name} 分值`, where });
    if (r.score === null) out.push({ label: `${r.name} 得分`, where });
  }
  for (const x of fig.score.indicators) {
    if (fig.leafWeight(x) === null) out.push({ label: `${x.level1} › ${x.level2} › ${x.name} 分值`, where });
    if (x.status !== 'not_applicable' && fig.leafScore(x) === null) out.push({ label: `${x.level1} › ${x.level2} › ${x.name} 自评得分`, where });
  }
  if (fig.grade === null) out.push({ label: '评价等级', where });
}

export function listReportPlaceholders(evaluation: Evaluation, options: ReportGapOptions = {}): ReportPlaceholder[] {
  const template = templateFor(evaluation, options.template);
  const fig = computeReportFigures(evaluation, options.profile);
  const nodes = buildReportOutline(fig, template, options.children);
  const [before, after] = template.report.missingText.split('{label}') as [string, string];
  const pattern = new RegExp(`${escape(before)}(.+?)${escape(after)}`, 'g');
  const out: ReportPlaceholder[] = [];
  let where = '报告标题';
  let tables = false;
  for (const n of nodes) {
    if (n.type === 'h1') where = n.text;
    if (n.type === 'scoreTable' || n.type === 'indicatorTable') tables = true;
    for (const t of textOf(n)) for (const m of t.matchAll(pattern)) out.push({ label: m[1]!, where });
  }
  if (tables) tableGaps(fig, '指标得分表', out);
  const seen = new Set<string>();
  return out.filter((p) => (seen.has(`${p.where}\0${p.label}`) ? false : (seen.add(`${p.where}\0${p.label}`), true)));
}

export type ReportBlockView =
  | { kind: 'unit'; slot: UnitSlot; heading: string | null; label: string; guidance: string | null; required: boolean; chapterIndex: number | null; sections: { index: number; title: string }[] }
  | { kind: 'figures'; name: FigureBlockName; heading: string | null };

export interface ReportChapterView {
  title: string;
  blocks: ReportBlockView[];
}

/** The chapters under chapter i (deeper levels, up to the next chapter of its level or higher). */
function subChapters(ev: Evaluation, i: number): { index: number; title: string }[] {
  const out: { index: number; title: string }[] = [];
  const level = ev.chapters[i]!.level;
  for (let j = i + 1; j < ev.chapters.length && ev.chapters[j]!.level > level; j++) out.push({ index: j, title: ev.chapters[j]!.title });
  return out;
}

/** The template's chapters for this evaluation's kind, with where each unit-written block's text is. */
export function describeReportChapters(evaluation: Evaluation, options: Pick<ReportGapOptions, 'template'> = {}): { template: Pick<Template, 'id' | 'name'>; chapters: ReportChapterView[] } {
  const template = templateFor(evaluation, options.template);
  const used = new Set<number>();
  const chapters = template.report.chapters
    .filter((c) => !c.kinds || c.kinds.includes(evaluation.kind))
    .map((c) => ({
      title: c.title,
      blocks: c.blocks.map((b): ReportBlockView => {
        if (b.kind === 'figures') return { kind: 'figures', name: b.name, heading: b.heading };
        const slot = template.slots[b.slot]!;
        const found = findUnitText(evaluation, template, b.slot, used);
        const sections = found ? subChapters(evaluation, found.index) : [];
        return { kind: 'unit', slot: b.slot, heading: b.heading, label: slot.label, guidance: slot.guidance, required: b.required, chapterIndex: found?.index ?? null, sections };
      }),
    }));
  return { template: { id: template.id, name: template.name }, chapters };
}
