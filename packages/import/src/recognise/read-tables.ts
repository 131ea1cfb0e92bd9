/**
 * Table blocks of one section → the model, whatever the source format: each header row is
 * offered to the recognisers (`table-kinds.ts`); the one that claims it reads the rows below.
 * Also here: name fields of header blocks, the grade cell, 总分 rows, the unit of amounts
 * printed above a table, and long text cells collected to be read as prose.
 */
import { cellText, wordCells, type Block, type Row } from '../document/document.js';
import { isBlankCell } from '../parse-number.js';
import { HEADER_FIELDS, STAFFING_COLUMNS, TOTAL_ROW } from '../vocab/table-vocab.js';
import { emptyBaseData } from '@jixiao/core';
import { setProv, type Ctx } from '../assemble/draft.js';
import { cleanLabel, findLine } from './cells.js';
import { FLAT_FIELDS, HEADER_LINE, headerFields, headerLineCells, readGradeCell, readHeaderFields } from './header-fields.js';
import type { Active, RowView, TableKind } from './recogniser.js';
import { claimHeader } from './table-kinds.js';
import { readTotalRow } from './total-row.js';

export interface TableScan {
  /** Long text cells, to be read as prose too. */
  proseCells: Array<{ line: number; text: string; offset: number }>;
  /** The kinds of table read. */
  seen: Set<TableKind>;
  /** The kind of table still being read when the section ended (its last rows may be missing). */
  openAtEnd: TableKind | null;
  /** A table read here had rows that could not be placed under its columns (left unread): its kind. */
  unreadIn: TableKind | null;
}

/** A line giving the unit of the table below: "单位：元", "金额单位：万元". */
const UNIT_LINE = /(?:^|[（(])(?:金额)?单位[：:](万元|元)[）)]?$/;
const KV_AMOUNT = /[^\d\s：:][：:]\s*-?[\d,]+(?:\.\d+)?\s*(?:万元|元)?(?:\s|$)/;

interface Loop {
  active: Active | null;
  /** The active table's header, to know it again when it is repeated at the top of a new page. */
  headerKey: string;
  justHeaded: boolean;
  unitAbove: '元' | '万元' | null;
  scan: TableScan;
}

/** Paragraphs that belong to tables: a unit line, a header line, "其他资金：11.25" in a funds block. */
function paragraphRows(ctx: Ctx, loop: Loop, b: Extract<Block, { kind: 'para' }>): Row[] {
  const u = UNIT_LINE.exec(b.text.replace(/\s+/g, ''));
  if (u) loop.unitAbove = u[1] === '元' ? '元' : '万元';
  if (b.text.length <= 80 && HEADER_LINE.test(b.text)) {
    const cells = headerLineCells(ctx.lines[b.line]!, b.line);
    readHeaderFields(ctx, cells, cells.map(cellText), !loop.scan.seen.has('indicators'));
    return [];
  }
  if (b.text.length > 80 && FLAT_FIELDS.test(b.text)) {
    const cells = headerLineCells(ctx.lines[b.line]!, b.line);
    readHeaderFields(ctx, cells, cells.map(cellText), !loop.scan.seen.has('indicators'), true);
  }
  // a one-word header printed on its own line ("绩效等级")
  if (b.text.length <= 12 && !/\d/.test(b.text) && claimHeader([b.text])) return [{ cells: [{ parts: [b.text], line: b.line, start: 0, end: b.text.length }], line: b.line }];
  if (loop.active?.rec.kind !== 'funds' || b.text.length > 80 || !KV_AMOUNT.test(b.text)) return [];
  return [{ cells: wordCells(ctx.lines[b.line]!, b.line), line: b.line }];
}

/**
 * "项目名称" on its line and its value on the next, as a header block copied from a PDF gives it
 * (one cell a line): the pair as one row of two cells. The label is a whole field name (not a bare
 * 单位, which is also a column of units), the value a short name, not a sentence or a column title.
 */
function labelAndValue(b: Block, next: Block | undefined): Row | null {
  if (b.kind !== 'para' || next?.kind !== 'para' || b.text.length > 16) return null;
  const label = b.text.replace(/[\s\u3000]+/g, '');
  if (label.length < 4 || !HEADER_FIELDS.some((h) => h.re.test(label))) return null;
  const value = next.text.trim();
  if (value.length < 3 || value.length > 60 || /[。，；,;]/.test(value) || headerFields([b.text, value]).length === 0) return null;
  return {
    cells: [
      { parts: [b.text], line: b.line, start: 0, end: b.text.length },
      { parts: [value], line: next.line, start: 0, end: value.length },
    ],
    line: b.line,
  };
}

/** "人员编制" on its line and "21" on the next (a department's cover copied one cell a line): the staffing figure. */
function staffingLines(ctx: Ctx, b: Block, next: Block | undefined): boolean {
  if (b.kind !== 'para' || next?.kind !== 'para' || b.text.length > 12) return false;
  const label = b.text.replace(/[\s\u3000]+/g, '');
  const n = /^(\d{1,6})(?:人|名)?$/.exec(next.text.trim());
  const key = STAFFING_COLUMNS.find((c) => c.re.test(label))?.key;
  if (!n || !key || key === 'rate') return false;
  const staffing = (ctx.ev.baseData ??= emptyBaseData()).staffing;
  if (staffing[key] !== null) return true;
  staffing[key] = Number(n[1]);
  setProv(ctx, `baseData.staffing.${key}`, next.line, 0, next.text.length);
  return true;
}

function collectProseCells(ctx: Ctx, loop: Loop, row: Row, texts: string[]): void {
  row.cells.forEach((cell, i) => {
    const t = texts[i]!;
    if (t.length < 30 || !/[。；，]/.test(t)) return;
    for (const p of cell.parts) {
      if (p.trim().length >= 8) loop.scan.proseCells.push({ line: findLine(ctx, p, cell.line), text: p.trim(), offset: 0 });
    }
  });
}

function startTable(ctx: Ctx, loop: Loop, header: Active, texts: string[]): void {
  const key = texts.map((t) => t.replace(/\s+/g, '')).join('|');
  if (loop.active?.rec === header.rec && key === loop.headerKey) return; // the header repeated on a new page
  loop.headerKey = key;
  finishTable(ctx, loop);
  const st = header.state as { yuan?: boolean };
  if (loop.unitAbove === '元' && st.yuan === false) st.yuan = true;
  loop.active = header;
  loop.justHeaded = true;
  loop.scan.seen.add(header.rec.kind);
}

function readRow(ctx: Ctx, loop: Loop, row: Row, merges: boolean): void {
  const texts = row.cells.map(cellText);
  if (texts.every((t) => isBlankCell(t))) return;
  collectProseCells(ctx, loop, row, texts);
  const named = readHeaderFields(ctx, row.cells, texts, !loop.scan.seen.has('indicators')) || readGradeCell(ctx, row.cells, texts);
  const a = loop.active;
  if (loop.justHeaded && a?.rec.subHeader?.(a.state, texts)) return;
  loop.justHeaded = false;
  const header = claimHeader(texts);
  if (header) return startTable(ctx, loop, header, texts);
  if (named) return;
  const firstIdx = texts.findIndex((t) => !isBlankCell(t));
  const view: RowView = { merges, placed: row.placed === true, cells: row.cells, texts, firstIdx, first: cleanLabel(texts[firstIdx] ?? '') };
  if (!a?.rec.ownTotals && TOTAL_ROW.test(view.first)) {
    if (a?.rec.total) a.rec.total(ctx, a.state, view);
    else readTotalRow(ctx, view);
    return;
  }
  if (a && a.rec.read(ctx, a.state, view) === 'end') finishTable(ctx, loop);
}

function finishTable(ctx: Ctx, loop: Loop): void {
  const a = loop.active;
  loop.active = null;
  if (a?.rec.finish) a.rec.finish(ctx, a.state);
}

export function readTables(ctx: Ctx, blocks: Block[]): TableScan {
  const loop: Loop = { active: null, headerKey: '', justHeaded: false, unitAbove: null, scan: { proseCells: [], seen: new Set(), openAtEnd: null, unreadIn: null } };
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k]!;
    if (!loop.active && staffingLines(ctx, block, blocks[k + 1])) {
      k++;
      continue;
    }
    const pair = loop.active ? null : labelAndValue(block, blocks[k + 1]);
    if (pair) {
      readRow(ctx, loop, pair, false);
      k++;
      continue;
    }
    const rows = block.kind === 'para' ? paragraphRows(ctx, loop, block) : block.rows;
    for (const row of rows) readRow(ctx, loop, row, block.kind === 'table' && block.style === 'grid');
    if (block.kind === 'table' && block.unreadRows && loop.active) loop.scan.unreadIn = loop.active.rec.kind;
  }
  loop.scan.openAtEnd = loop.active?.rec.kind ?? null;
  finishTable(ctx, loop);
  return loop.scan;
}
