/**
 * One section of a document of blocks → one Evaluation: tables by their recognisers, then
 * title, unit and year, jurisdiction, kind, prose (paragraph blocks and long text cells),
 * chapters, dates and signatures; validated by the core schema.
 */
import type { Evaluation } from '@jixiao/core';
import type { Block, DocumentOfBlocks } from '../document/document.js';
import { readTables } from '../recognise/read-tables.js';
import { buildParagraphs } from '../prose/paragraphs.js';
import { readProse } from '../prose/read-prose.js';
import { projectFromTitle, readTitleAndUnit } from '../structure/title-and-unit.js';
import { readJurisdiction } from '../structure/jurisdiction.js';
import { readChapters } from '../structure/chapters.js';
import { readFormSignatures, readReportDate, readSignatures } from '../structure/signatures.js';
import { emptyDraft, type Ctx } from './draft.js';
import { detectKind } from './detect-kind.js';
import { detectIncomplete } from './detect-incomplete.js';
import { finalise } from './finalise.js';
import { itemEvaluation } from './project-items.js';

export interface Section {
  /** Lines [from, to) of the document. */
  from: number;
  to: number;
  blocks: Block[];
  /** The section opens with rows of a table whose header is not in the text. */
  startsMidTable?: boolean;
  /** The section runs to the end of the document (where a cut text stops). */
  last?: boolean;
}

export function assembleEvaluation(doc: DocumentOfBlocks, section: Section, notes: string[]): { evaluation: Evaluation; items: Evaluation[] } {
  const ev = emptyDraft();
  ev.source = { file: doc.file, format: doc.format, title: null, incomplete: null };
  const ctx: Ctx = { ev, lines: doc.lines, from: section.from, to: section.to, file: doc.file, notes, yuanTables: false };
  const scan = readTables(ctx, section.blocks);
  const title = readTitleAndUnit(ctx);
  readJurisdiction(ctx);
  detectKind(ctx, title, scan);
  projectFromTitle(ctx, title);
  const fundsFromTables = scan.seen.has('funds') || ev.funds.total.executed !== null || ev.funds.total.adjusted !== null;
  const paras = buildParagraphs(doc.lines, section.blocks, scan.proseCells);
  const items = readProse(ctx, paras, { fundsFromTables, indicatorsFromTables: scan.seen.has('indicators') || ev.indicators.length > 0 });
  readChapters(ctx, section.blocks);
  readReportDate(ctx);
  readSignatures(ctx);
  readFormSignatures(ctx);
  if (ctx.yuanTables) ev.funds.sourceUnit = '元';
  ev.source!.incomplete = detectIncomplete(doc, section, scan);
  const evaluation = finalise(ev);
  const { ev: _ev, ...base } = ctx;
  void _ev;
  if (items.length > 0) notes.push(`报告逐一列出了 ${items.length} 个项目，已分别读取为项目评价（仅有文中所列金额）`);
  return { evaluation, items: items.map((it) => itemEvaluation(evaluation, it, base)) };
}
