/**
 * The table recognisers, in the order they are offered a header row (the first that claims
 * it reads the rows below). A new kind of table is one more entry here, with its test.
 */
import { parseCellNumber } from '../parse-number.js';
import type { Active, Recogniser, TableKind } from './recogniser.js';
import { indicatorTable } from './indicator-table.js';
import { goalsTable } from './goals-table.js';
import { fundsTable } from './funds-table.js';
import { scoreSummary } from './score-summary.js';
import { staffingTable } from './staffing-table.js';
import { baseDataSheet } from './base-data-sheet.js';
import { buildingsTable } from './buildings-table.js';
import { gradedScoreTable } from './graded-score-table.js';
import { threePublicTable } from './three-public-table.js';
import { regionalTable } from './regional-table.js';

export const RECOGNISERS: readonly Recogniser[] = [
  indicatorTable,
  goalsTable,
  regionalTable,
  threePublicTable,
  fundsTable,
  scoreSummary,
  staffingTable,
  baseDataSheet,
  buildingsTable,
  gradedScoreTable,
] as Recogniser[];

/** The recogniser that claims this row as its header, with its state; null for a data row. */
export function claimHeader(texts: string[]): Active | null {
  // a row with a bare number in it holds data, whatever words sit beside
  if (texts.some((t) => parseCellNumber(t) !== null)) return null;
  for (const rec of RECOGNISERS) {
    const state = rec.claim(texts);
    if (state !== null) return { rec, state };
  }
  return null;
}

const KIND_CACHE = new Map<string, TableKind | null>();

/** Which kind of table this row would head (cached by its text), without starting to read one. */
export function claimKind(texts: string[]): TableKind | null {
  const key = texts.join('\t');
  const hit = KIND_CACHE.get(key);
  if (hit !== undefined) return hit;
  const kind = claimHeader(texts)?.rec.kind ?? null;
  if (KIND_CACHE.size > 20_000) KIND_CACHE.clear();
  KIND_CACHE.set(key, kind);
  return kind;
}
