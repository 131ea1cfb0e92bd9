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
import { readTitleAndUnit } from '../structure/title-and-unit.js';
import { readJurisdiction } from '../structure/jurisdiction.js';
import { readChapters } from '../structure/chapters.js';
import { readFormSignatures, readReportDate, readSignatures } from '../structure/signatures.js';
import { emptyDraft, type Ctx } from './draft.js';
import { detectKind } from './detect-kind.js';
import { finalise } from './finalise.js';

export interface Section {
  /** Lines [from, to) of the document. */
  from: number;
  to: number;
  blocks: Block[];
}

export function assembleEvaluation(doc: DocumentOfBlocks, section: Section, notes: string[]): Evaluation {
  const ev = emptyDraft();
  ev.source = { file: doc.file, format: doc.format, title: null };
  const ctx: Ctx = { ev, lines: doc.lines, from: section.from, to: section.to, file: doc.file, notes, yuanTables: false };
  const scan = readTables(ctx, section.blocks);
  const title = readTitleAndUnit(ctx);
  ev.source.format = doc.format;
  readJurisdiction(ctx);
  detectKind(ctx, title, scan);
  const fundsFromTables = scan.seen.has('funds') || ev.funds.total.executed !== null || ev.funds.total.adjusted !== null;
  const paras = buildParagraphs(doc.lines, section.blocks, scan.proseCells);
  readProse(ctx, paras, { fundsFromTables });
  readChapters(ctx, section.blocks);
  readReportDate(ctx);
  readSignatures(ctx);
  readFormSignatures(ctx);
  if (ctx.yuanTables) ev.funds.sourceUnit = '元';
  return finalise(ev);
}
