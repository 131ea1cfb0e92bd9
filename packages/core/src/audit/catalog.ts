/**
 * The audit rule catalog: every rule, in the order findings of equal severity and
 * location are listed. One file per rule under rules/, each with its test beside it.
 */
import { fundsSourceSum } from './rules/funds-source-sum.js';
import { fundsNatureSum } from './rules/funds-nature-sum.js';
import { basicExpenditureSum } from './rules/basic-expenditure-sum.js';
import { baseDataSums } from './rules/base-data-sums.js';
import { baseDataMatchesReport } from './rules/base-data-matches-report.js';
import { sumClaims } from './rules/sum-claims.js';
import { shareClaimMatches } from './rules/share-claim-matches.js';
import { changeClaimMatches } from './rules/change-claim-matches.js';
import { staffingControlRateMatches } from './rules/staffing-control-rate-matches.js';
import { executionRateMatches } from './rules/execution-rate-matches.js';
import { executionScoreMatches } from './rules/execution-score-matches.js';
import { arrivalRateMatches } from './rules/arrival-rate-matches.js';
import { scoreRateMatches } from './rules/score-rate-matches.js';
import { formulaRateMatches } from './rules/formula-rate-matches.js';
import { percentRounding } from './rules/percent-rounding.js';
import { scoreWithinWeight } from './rules/score-within-weight.js';
import { level1WeightsMatchHeading } from './rules/level1-weights-match-heading.js';
import { weightsTotal } from './rules/weights-total.js';
import { totalScoreSum } from './rules/total-score-sum.js';
import { level1ScoreSum } from './rules/level1-score-sum.js';
import { gradeMatchesBand } from './rules/grade-matches-band.js';
import { gradeBandsMatchProfile } from './rules/grade-bands-match-profile.js';
import { selfScoreWithinFormula } from './rules/self-score-within-formula.js';
import { figureClaimsMatch } from './rules/figure-claims-match.js';
import { selfScorePresent } from './rules/self-score-present.js';
import { gradePresent } from './rules/grade-present.js';
import { indicatorTablePresent } from './rules/indicator-table-present.js';
import { totalWithoutIndicatorScores } from './rules/total-without-indicator-scores.js';
import { deviationReasonPresent } from './rules/deviation-reason-present.js';
import { actualPresent } from './rules/actual-present.js';
import { templateTextLeft } from './rules/template-text-left.js';
import { unitNamed } from './rules/unit-named.js';
import { baseDataSigned } from './rules/base-data-signed.js';
import { staffingControlRateStated } from './rules/staffing-control-rate-stated.js';
import { allFullMarks } from './rules/all-full-marks.js';
import { highScoreLowExecution } from './rules/high-score-low-execution.js';
import { budgetAdjustmentExplained } from './rules/budget-adjustment-explained.js';
import { overExecution } from './rules/over-execution.js';
import { arrivedWithinBudget } from './rules/arrived-within-budget.js';
import { yearComparison } from './rules/year-comparison.js';
import { evaluationAfterYearEnd } from './rules/evaluation-after-year-end.js';
import { overAchievementExplained } from './rules/over-achievement-explained.js';
import { chapterNumbering } from './rules/chapter-numbering.js';
import { level2WithoutIndicators } from './rules/level2-without-indicators.js';
import { level1FullWithoutIndicators } from './rules/level1-full-without-indicators.js';
import { costActualMatchesTotal } from './rules/cost-actual-matches-total.js';
import { targetParseable } from './rules/target-parseable.js';
import { strayLatinWordsRule } from './rules/stray-latin-words.js';
import { projectRollupMatches } from './rules/project-rollup-matches.js';
import { approvedTargetsKept } from './rules/approved-targets-kept.js';
import { monitoringMatchesYearEnd } from './rules/monitoring-matches-year-end.js';
import { sameItemSameAmount } from './rules/same-item-same-amount.js';
import { lowExecutionUnexplained } from './rules/low-execution-unexplained.js';
import { targetsMetClaim } from './rules/targets-met-claim.js';
import { textIncomplete } from './rules/text-incomplete.js';
import type { AuditRule } from './types.js';

export const AUDIT_RULES: readonly AuditRule[] = Object.freeze([
  fundsSourceSum,
  fundsNatureSum,
  basicExpenditureSum,
  baseDataSums,
  baseDataMatchesReport,
  sumClaims,
  shareClaimMatches,
  changeClaimMatches,
  staffingControlRateMatches,
  executionRateMatches,
  executionScoreMatches,
  arrivalRateMatches,
  scoreRateMatches,
  formulaRateMatches,
  percentRounding,
  scoreWithinWeight,
  level1WeightsMatchHeading,
  weightsTotal,
  totalScoreSum,
  level1ScoreSum,
  gradeMatchesBand,
  gradeBandsMatchProfile,
  selfScoreWithinFormula,
  figureClaimsMatch,
  sameItemSameAmount,
  selfScorePresent,
  gradePresent,
  indicatorTablePresent,
  totalWithoutIndicatorScores,
  deviationReasonPresent,
  actualPresent,
  templateTextLeft,
  unitNamed,
  baseDataSigned,
  staffingControlRateStated,
  allFullMarks,
  highScoreLowExecution,
  lowExecutionUnexplained,
  targetsMetClaim,
  budgetAdjustmentExplained,
  overExecution,
  arrivedWithinBudget,
  yearComparison,
  evaluationAfterYearEnd,
  overAchievementExplained,
  chapterNumbering,
  level2WithoutIndicators,
  level1FullWithoutIndicators,
  costActualMatchesTotal,
  targetParseable,
  strayLatinWordsRule,
  projectRollupMatches,
  approvedTargetsKept,
  monitoringMatchesYearEnd,
  textIncomplete,
]);

/** Look up a rule by id. */
export function findAuditRule(id: string): AuditRule | undefined {
  return AUDIT_RULES.find((r) => r.id === id);
}
