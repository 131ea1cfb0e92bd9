/**
 * A table recogniser reads one kind of table into the model. It claims a table by its header
 * row (vocabulary in `vocab/table-vocab.ts`), then reads the rows below until another header
 * claims the rows that follow. The list of recognisers is `table-kinds.ts`; a new layout is a
 * new recogniser there, or a vocabulary entry, with its test.
 */
import type { Cell } from '../document/document.js';
import type { Ctx } from '../assemble/draft.js';

export type TableKind = 'indicators' | 'goal' | 'funds' | 'score' | 'staffing' | 'base' | 'buildings' | 'regional' | 'threePublic' | 'projects';

/** One data row as the recognisers see it. */
export interface RowView {
  /** The table keeps its merged cells (read from .docx/.xlsx/HTML), so a missing merge means separate cells. */
  merges: boolean;
  /** Every cell stands under its header column (a row rebuilt cell by cell), blanks included. */
  placed: boolean;
  cells: Cell[];
  texts: string[];
  /** Index of the first non-blank cell, and its text cleaned as a row label. */
  firstIdx: number;
  first: string;
}

export interface Recogniser<S = unknown> {
  kind: TableKind;
  /** A header row that opens this kind of table: the state to read the rows below with, or null. */
  claim(texts: string[]): S | null;
  /** Reads one data row; 'end' when the table is over after it (a one-row table). */
  read(ctx: Ctx, state: S, row: RowView): 'end' | void;
  /** The row right under the header: a second header row that refines the columns (true), or not. */
  subHeader?(state: S, texts: string[]): boolean;
  /** Its 合计 row is one of its own rows (a funds total), not a 总分 of scores. */
  ownTotals?: boolean;
  /** A 总分/合计 row in this table; the generic reading when absent. */
  total?(ctx: Ctx, state: S, row: RowView): void;
  /** The table is over (another header claimed the rows, or the section ended). */
  finish?(ctx: Ctx, state: S): void;
}

/** A recogniser with the state it claimed a header with. */
export interface Active {
  rec: Recogniser;
  state: unknown;
}
