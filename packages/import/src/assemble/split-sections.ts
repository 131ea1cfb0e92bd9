/**
 * One document → the sections that each hold one evaluation. A new section begins where a
 * second evaluation form begins: an indicator table after one was read (other than its header
 * repeated on a new page), a funds table after a funds and an indicator table, or the header
 * block of another project after a form was read. The section starts at the form's title,
 * annex line, header block or sheet, whichever comes first after the previous form's last row.
 * Rows at the very top that belong to a table begun before the text (a page cut from a longer
 * document) form no evaluation of their own; neither does a summary table of many projects.
 */
import { cellText, type Block, type DocumentOfBlocks } from '../document/document.js';
import { isBlankCell, parseCellNumber } from '../parse-number.js';
import { claimKind } from '../recognise/table-kinds.js';
import { headerFields } from '../recognise/header-fields.js';
import type { EvaluationKind } from '@jixiao/core';
import { ANNEX_LINE, FORM_TITLE, SUMMARY_TITLE } from '../vocab/kind-vocab.js';
import { kindOf } from './detect-kind.js';
import type { Section } from './assemble-evaluation.js';

/** One paragraph or one table row, in document order. */
interface Unit {
  block: number;
  row: number | null;
  line: number;
  texts: string[];
  sheet: string | null;
}

function unitsOf(blocks: Block[]): Unit[] {
  const units: Unit[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'para') units.push({ block: i, row: null, line: b.line, texts: [b.text], sheet: b.sheet ?? null });
    else b.rows.forEach((r, k) => units.push({ block: i, row: k, line: r.line, texts: r.cells.map(cellText), sheet: b.sheet ?? null }));
  });
  return units;
}

function filled(texts: string[]): string[] {
  return texts.filter((t) => !isBlankCell(t));
}

function isTitle(u: Unit): boolean {
  const f = filled(u.texts);
  if (f.length !== 1) return false;
  const t = f[0]!.replace(/\s+/g, '');
  return t.length <= 60 && (FORM_TITLE.test(t) || ANNEX_LINE.test(t));
}

interface Form {
  /** The kind its title names, when it has a title. */
  titleKind: EvaluationKind | null;
  funds: boolean;
  /** A list of projects was read (a department's, or a summary of many forms): a project's own header after it starts that project's form. */
  projectList: boolean;
  indicators: boolean;
  indicatorKey: string | null;
  otherSinceIndicators: boolean;
  project: string | null;
}

const freshForm = (): Form => ({ titleKind: null, funds: false, projectList: false, indicators: false, indicatorKey: null, otherSinceIndicators: false, project: null });

/** Does this unit begin another evaluation form than the one being read? Updates the form as it reads. */
function beginsNewForm(form: Form, u: Unit): boolean {
  if (form.titleKind === null && isTitle(u)) form.titleKind = kindOf(filled(u.texts)[0]!.replace(/\s+/g, ''));
  const project = headerFields(u.texts).find((f) => f.key === 'project' || f.key === 'transfer');
  if (project) {
    const other = form.project !== null && form.project !== project.value;
    // a project's header block after a form was read, or inside a department's report
    const after = form.project === null && (form.funds || form.projectList || form.indicators || form.titleKind === 'department');
    if (form.project === null) form.project = project.value;
    if (other || after) return true;
    form.otherSinceIndicators ||= form.indicators;
    return false;
  }
  const kind = claimKind(u.texts);
  if (!kind) return false;
  if (kind === 'indicators') {
    const key = u.texts.map((t) => t.replace(/\s+/g, '')).join('|');
    if (form.indicators && (key !== form.indicatorKey || form.otherSinceIndicators)) return true;
    form.indicators = true;
    form.indicatorKey = key;
    form.otherSinceIndicators = false;
    return false;
  }
  if (kind === 'funds' && form.funds && form.indicators) return true;
  if (kind === 'funds') form.funds = true;
  if (kind === 'projects') form.projectList = true;
  form.otherSinceIndicators ||= form.indicators;
  return false;
}

/** How many rows at the top continue a table begun before the text: data rows before any title, header or header block. */
function rowsBeforeAnyHeader(units: Unit[]): number {
  let k = 0;
  while (k < units.length && units[k]!.row !== null && !isTitle(units[k]!) && !claimKind(units[k]!.texts) && headerFields(units[k]!.texts).length === 0) k++;
  const hasData = units.slice(0, k).some((u) => u.texts.some((t) => parseCellNumber(t) !== null));
  return hasData ? k : 0;
}

/** Those rows, when a new form follows them (they then form no evaluation of their own). */
function leadingFragment(units: Unit[]): number {
  const k = rowsBeforeAnyHeader(units);
  const newForm = k > 0 && k < units.length && (isTitle(units[k]!) || headerFields(units[k]!.texts).length > 0);
  return newForm ? k : 0;
}

/** A unit that heads a form: its title or annex line, its header block, a short caption, or the first unit of a sheet. */
function headsForm(units: Unit[], k: number): boolean {
  const u = units[k]!;
  if (isTitle(u) || headerFields(u.texts).length > 0 || (u.sheet !== null && u.sheet !== units[k - 1]?.sheet)) return true;
  const f = filled(u.texts);
  return f.length === 1 && f[0]!.length <= 16 && !/[。，,；;]/.test(f[0]!);
}

/** Where the new form's section starts: the run of units heading it just before `at`, after the last row read. */
function startOf(units: Unit[], at: number, lastData: number): number {
  let start = at;
  for (let k = at - 1; k > lastData && headsForm(units, k); k--) start = k;
  return start;
}

function cutPoints(units: Unit[], from: number): number[] {
  const cuts = [from];
  let form = freshForm();
  let lastData = from - 1;
  for (let k = from; k < units.length; k++) {
    const u = units[k]!;
    if (beginsNewForm(form, u)) {
      const start = startOf(units, k, lastData);
      cuts.push(start);
      form = freshForm();
      for (let j = start; j <= k; j++) beginsNewForm(form, units[j]!);
    }
    if (u.row !== null && !claimKind(u.texts)) lastData = k;
  }
  return cuts;
}

/** The blocks of units [a, b): whole blocks, and the rows of a table cut in two. */
function blocksOf(doc: DocumentOfBlocks, units: Unit[], a: number, b: number): Block[] {
  const out: Block[] = [];
  for (let k = a; k < b; k++) {
    const u = units[k]!;
    const block = doc.blocks[u.block]!;
    if (block.kind === 'para') {
      out.push(block);
      continue;
    }
    const last = out[out.length - 1];
    const row = block.rows[u.row!]!;
    if (last && last.kind === 'table' && units[k - 1]?.block === u.block) last.rows.push(row);
    else out.push({ ...block, rows: [row] });
  }
  return out;
}

function isSummary(units: Unit[], a: number, b: number): boolean {
  const titled = units.slice(a, Math.min(b, a + 4)).some((u) => filled(u.texts).some((t) => SUMMARY_TITLE.test(t) && t.length <= 40));
  return titled && !units.slice(a, b).some((u) => headerFields(u.texts).some((f) => f.key === 'project' || f.key === 'transfer'));
}

export function splitSections(doc: DocumentOfBlocks, notes: string[] = []): Section[] {
  const units = unitsOf(doc.blocks);
  if (units.length === 0) return [{ from: 0, to: doc.lines.length, blocks: doc.blocks, last: true }];
  const fragment = leadingFragment(units);
  if (fragment > 0) notes.push(`文本开头的 ${fragment} 行是前一张表的后半部分（表头不在本文中），未作为一份评价读取`);
  const cuts = cutPoints(units, fragment);
  const sections: Section[] = [];
  cuts.forEach((a, i) => {
    const b = i + 1 < cuts.length ? cuts[i + 1]! : units.length;
    if (cuts.length > 1 && isSummary(units, a, b)) {
      notes.push(`「${filled(units[a]!.texts)[0]}」是多个项目的汇总表，不是一份自评表，未作为评价读取`);
      return;
    }
    const from = i === 0 ? (fragment > 0 ? units[a]!.line : 0) : units[a]!.line;
    const to = b < units.length ? units[b]!.line : doc.lines.length;
    const startsMidTable = i === 0 && fragment === 0 && rowsBeforeAnyHeader(units) > 0;
    sections.push({ from, to, blocks: blocksOf(doc, units, a, b), startsMidTable, last: b >= units.length });
  });
  if (sections.length > 1) notes.push(`文档中有 ${sections.length} 份自评表（如附带的项目自评表），已分别读取为 ${sections.length} 份评价`);
  return sections;
}
