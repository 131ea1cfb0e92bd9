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
import { projectListTable } from './project-list-table.js';

export const RECOGNISERS: readonly Recogniser[] = [
  indicatorTable,
  goalsTable,
  regionalTable,
  projectListTable,
  threePublicTable,
  fundsTable,
  scoreSummary,
  staffingTable,
  baseDataSheet,
  buildingsTable,
  gradedScoreTable,
] as Recogniser[];

const CLAIMS = new Map<string, Recogniser | null>();

/** Which recogniser claims this row (cached by the row's text); its state is made afresh each time. */
function claimant(texts: string[]): Recogniser | null {
  const key = texts.join('\t');
  const hit = CLAIMS.get(key);
  if (hit !== undefined) return hit;
  // a row with a bare number in it holds data, whatever words sit beside
  const rec = texts.some((t) => parseCellNumber(t) !== null) ? null : (RECOGNISERS.find((r) => r.claim(texts) !== null) ?? null);
  if (CLAIMS.size > 20_000) CLAIMS.clear();
  CLAIMS.set(key, rec);
  return rec;
}

/** The recogniser that claims this row as its header, with its state; null for a data row. */
export function claimHeader(texts: string[]): Active | null {
  const rec = claimant(texts);
  return rec ? { rec, state: rec.claim(texts) } : null;
}

/** Which kind of table this row would head, without starting to read one. */
export function claimKind(texts: string[]): TableKind | null {
  return claimant(texts)?.kind ?? null;
}
