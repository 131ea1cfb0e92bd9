/**
 * Paragraph blocks (and long text cells) of one section → checkable claims (shares, sums,
 * figures, year comparisons, grade bands) and the figures a report without tables states only
 * in prose (funds, score, grade, staffing, project count, evaluation period).
 */
import type { Ctx } from '../assemble/draft.js';
import type { Para } from './paragraphs.js';
import type { ProseCtx } from './prose-context.js';
import { tokenise } from './tokenise.js';
import { applyProjectAmounts, collectAmounts, type StatedAmount } from './project-funds.js';
import { findProjectItems, type ProjectItem } from './project-list.js';
import { readStatements } from './prose-statements.js';
import { readProseIndicators } from './prose-indicators.js';
import { readProjectLines } from './project-lines.js';
import { readAmounts, readProjectCount } from './prose-amounts.js';
import { readPercents } from './prose-percents.js';
import { readSums } from './prose-sums.js';
import { readBands, readGrades, readScoreField, readScores } from './prose-scores.js';
import { readLevel1Scores } from './prose-level1-scores.js';
import { GRADE_HINT } from '../vocab/prose-vocab.js';
import { readChanges } from './prose-changes.js';
import { readAdjustmentReason, readEvaluationPeriod, readStaffing, readYearComparisons } from './prose-context-facts.js';

export interface ProseOptions {
  /** Whether funds tables were read (prose then fills only what they left empty). */
  fundsFromTables: boolean;
  /** Whether an indicator table was read (indicators in prose are read only without one). */
  indicatorsFromTables: boolean;
}

export function readProse(ctx: Ctx, paras: Para[], opts: ProseOptions): ProjectItem[] {
  const projectKind = ctx.ev.kind !== 'department';
  const p: ProseCtx = { ctx, claimKeys: new Set(), fundsFromTables: opts.fundsFromTables, projectKind, itemSpans: new Map() };
  const items = projectKind ? findProjectItems(p, paras) : [];
  const stated: StatedAmount[] = [];
  for (const para of paras) {
    readStatements(p, para);
    const toks = tokenise(para.text);
    if (toks.length === 0 && !GRADE_HINT.test(para.text) && !/调整|追加/.test(para.text)) continue;
    if (projectKind) collectAmounts(p, para, toks, stated);
    readAmounts(p, para, toks);
    readProjectCount(p, para, toks);
    readPercents(p, para, toks);
    readSums(p, para, toks);
    readChanges(p, para, toks);
    readScores(p, para);
    readScoreField(p, para);
    if (!opts.indicatorsFromTables) readLevel1Scores(p, para);
    readGrades(p, para);
    readBands(p, para);
    readYearComparisons(p, para);
    readAdjustmentReason(p, para);
    readStaffing(p, para);
    readEvaluationPeriod(p, para);
    if (!projectKind) readProjectLines(p, para);
  }
  if (projectKind) applyProjectAmounts(p, stated);
  if (!opts.indicatorsFromTables) readProseIndicators(p, paras);
  return items;
}
