/**
 * Normalised lines → Evaluation. The same path serves every format: readers turn .docx,
 * .pdf and .xlsx into lines (tables as tab-separated rows) first.
 */
import { Evaluation, type Evaluation as EvaluationT } from '@jixiao/core';
import { segmentBlocks } from '../segment-blocks.js';
import { emptyDraft, type Ctx } from './draft.js';
import { extractTables } from './extract-tables.js';
import { buildParagraphs } from './prose-paragraphs.js';
import { extractProse } from './extract-prose.js';
import { extractChapters, extractJurisdiction, extractReportDate, extractSignatures, extractTitleAndUnit } from './extract-structure.js';

export interface ExtractInput {
  lines: string[];
  removed: boolean[];
  file: string | null;
  format: string;
}

export function extractEvaluation(input: ExtractInput, notes: string[]): EvaluationT {
  const ev = emptyDraft();
  ev.source = { file: input.file, format: input.format, title: null };
  const ctx: Ctx = { ev, lines: input.lines, file: input.file, notes, yuanTables: false };
  const blocks = segmentBlocks(input.lines, input.removed);
  const scan = extractTables(ctx, blocks);
  extractTitleAndUnit(ctx);
  ev.source.format = input.format;
  extractJurisdiction(ctx);
  const fundsFromTables = scan.sawFundsTable || ev.funds.total.executed !== null || ev.funds.total.adjusted !== null;
  const paras = buildParagraphs(input.lines, blocks, scan.proseCells);
  extractProse(ctx, paras, { fundsFromTables });
  extractChapters(ctx, blocks);
  extractReportDate(ctx);
  extractSignatures(ctx);
  if (ctx.yuanTables) {
    ev.funds.sourceUnit = '元';
  }
  return finalise(ev);
}

const AMOUNT_KEYS = new Set(['initial', 'adjusted', 'executed', 'priorActual', 'budget', 'basicBudgetAdjustment', 'carryOverBalance', 'total', 'inUse']);
const SCORE_KEYS = new Set(['selfScore', 'reviewerScore', 'statedScore']);
const WEIGHT_KEYS = new Set(['weight']);
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const UNSIGNED = /^\d+(?:\.\d+)?$/;

/**
 * The checks of the schema that our own extraction could fail (amounts and scores not
 * negative, weights within 0–100, years in range). When they pass, the full schema parse —
 * the slowest step of an import — is not needed; when not, it decides.
 */
function quickValid(ev: EvaluationT): boolean {
  if (!Number.isInteger(ev.fiscalYear) || ev.fiscalYear < 1990 || ev.fiscalYear > 2100) return false;
  let ok = true;
  const walk = (o: unknown, key: string, inIndicatorOrClaim: boolean): void => {
    if (!ok || o === null || o === undefined) return;
    if (Array.isArray(o)) {
      for (const x of o) walk(x, key, inIndicatorOrClaim);
      return;
    }
    if (typeof o === 'object') {
      for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
        if (k === 'provenance') continue;
        walk(v, k, inIndicatorOrClaim || k === 'indicators' || k === 'claims' || k === 'goals' || k === 'team' || k === 'chapters');
      }
      return;
    }
    if (typeof o !== 'string') return;
    if (WEIGHT_KEYS.has(key)) ok = UNSIGNED.test(o) && Number(o) <= 100;
    else if (SCORE_KEYS.has(key)) ok = UNSIGNED.test(o);
    else if (AMOUNT_KEYS.has(key) && !inIndicatorOrClaim) ok = UNSIGNED.test(o);
    else if (key.startsWith('stated') && key !== 'statedGrade' && key !== 'statedAs') ok = DECIMAL.test(o);
  };
  walk(ev, '', false);
  return ok;
}

/** Validate through the schema; a value the schema refuses is dropped rather than failing the import. */
function finalise(ev: EvaluationT): EvaluationT {
  if (quickValid(ev)) return ev;
  let draft: unknown = ev;
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = Evaluation.safeParse(draft);
    if (r.success) return r.data;
    const copy = structuredClone(draft) as Record<string, unknown>;
    for (const issue of r.error.issues) {
      let obj: unknown = copy;
      const path = issue.path;
      for (let i = 0; i < path.length - 1; i++) obj = (obj as Record<PropertyKey, unknown>)[path[i] as PropertyKey];
      const last = path[path.length - 1];
      if (obj && typeof obj === 'object' && last !== undefined) {
        if (Array.isArray(obj) && typeof last === 'number') obj.splice(last, 1);
        else (obj as Record<PropertyKey, unknown>)[last as PropertyKey] = null;
      }
    }
    draft = copy;
  }
  return Evaluation.parse(draft);
}
