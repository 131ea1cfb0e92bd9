/**
 * Score a whole evaluation by a profile: budget execution, every leaf indicator,
 * level-1 sums (headed weight vs the weights of its children), the total and the grade.
 * Where a figure cannot be computed, the stated one is used as the best available and
 * the explanation says so.
 */
import { Decimal, ZERO, dec, decOrNull, formatDecimal, sumDec } from '../decimal/decimal.js';
import { EVALUATION_KIND_LABELS, type Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { kindWeights } from '../profiles/kind-weights.js';
import type { Profile } from '../profiles/profile.js';
import { assessGradability } from './assess-gradability.js';
import { gradeLine, profileStamp, scoreResult } from './finish-score.js';
import { scoreDepartmentFramework } from './score-department-framework.js';
import { scoreExecution } from './score-execution.js';
import { scoreIndicator } from './score-indicator.js';
import type { ScoreResult, ScoredIndicator, ScoredLevel1 } from './types.js';

export { profileStamp };

/** Weight of every applicable leaf after not-applicable ones are dropped (and the rest rescaled). */
function effectiveWeights(evaluation: Evaluation, profile: Profile): Map<string, Decimal | null> {
  const out = new Map<string, Decimal | null>();
  let all = ZERO;
  let applicable = ZERO;
  const leaves: Array<{ path: string; weight: Decimal | null; na: boolean }> = [];
  evaluation.indicators.forEach((l1, i) =>
    l1.children.forEach((l2, j) =>
      l2.children.forEach((leaf, k) => {
        const w = decOrNull(leaf.weight);
        leaves.push({ path: `indicators.${i}.children.${j}.children.${k}`, weight: w, na: leaf.notApplicable });
        if (w !== null) {
          all = all.plus(w);
          if (!leaf.notApplicable) applicable = applicable.plus(w);
        }
      }),
    ),
  );
  const rescale = profile.notApplicable === 'rescale' && leaves.some((l) => l.na) && applicable.greaterThan(0);
  const factor = rescale ? all.dividedBy(applicable) : null;
  for (const l of leaves) {
    out.set(l.path, l.weight === null || factor === null || l.na ? l.weight : l.weight.times(factor));
  }
  return out;
}

export function scoreEvaluation(evaluation: Evaluation, profile: Profile = getProfile(evaluation.profile)): ScoreResult {
  if (profile.departmentFramework && evaluation.kind === 'department') return scoreDepartmentFramework(evaluation, profile);
  const places = profile.rounding.places;
  const f = (d: Decimal) => formatDecimal(d, places);
  const execution = scoreExecution(evaluation, profile);
  const weights = effectiveWeights(evaluation, profile);

  const indicators: ScoredIndicator[] = [];
  const level1: ScoredLevel1[] = [];
  const explanation: string[] = [];
  const parts: Array<{ label: string; value: Decimal; execution?: boolean }> = [];
  const weightParts: Decimal[] = [];

  // Execution (left out of the total when the profile's total excludes it, or when this
  // kind's form does not score it: weight 0 and no 分值 printed)
  const kw = kindWeights(profile, evaluation.kind);
  const kindKnob = profile.weights.byKind[evaluation.kind] ? [`weights.byKind.${evaluation.kind}`] : [];
  execution.knobs = [
    ...(evaluation.budgetExecution.weight === null ? ['weights.budgetExecution', ...kindKnob] : []),
    ...(execution.rate !== null ? ['execution.base', 'execution.cap'] : []),
  ];
  const notScored = evaluation.budgetExecution.weight === null && execution.weight !== null && execution.weight.isZero();
  const includeExecution = kw.totalIncludesBudgetExecution && !notScored;
  if (notScored) {
    explanation.push(`按规则（${EVALUATION_KIND_LABELS[evaluation.kind]}），预算执行率不计分`);
  } else if (!includeExecution) {
    explanation.push('按规则，总分不含预算执行得分');
  } else if (execution.computed !== null) {
    parts.push({ label: '预算执行', value: execution.computed, execution: true });
  } else if (execution.stated !== null) {
    parts.push({ label: '预算执行（填报）', value: execution.stated, execution: true });
    explanation.push(`预算执行得分无法重新计算（${execution.explanation}），采用填报得分 ${f(execution.stated)}`);
  } else {
    explanation.push(`预算执行未计分：${execution.explanation}`);
  }
  if (includeExecution && execution.weight !== null) weightParts.push(execution.weight);

  let indicatorParts = 0;
  evaluation.indicators.forEach((l1, i) => {
    const path = `indicators.${i}`;
    const leaves: ScoredIndicator[] = [];
    l1.children.forEach((l2, j) =>
      l2.children.forEach((leaf, k) => {
        const leafPath = `${path}.children.${j}.children.${k}`;
        leaves.push(
          scoreIndicator(leaf, {
            profile,
            path: leafPath,
            level1: l1.name,
            level2: l2.name,
            effectiveWeight: weights.get(leafPath) ?? null,
          }),
        );
      }),
    );
    indicators.push(...leaves);

    const headedWeight = decOrNull(l1.weight);
    const leafWeights = leaves.map((x) => x.weight).filter((w): w is Decimal => w !== null);
    const childWeightSum = leafWeights.length ? sumDec(leafWeights) : null;
    const statedLeaf = leaves.map((x) => x.stated).filter((s): s is Decimal => s !== null);
    const statedChildSum = statedLeaf.length ? sumDec(statedLeaf) : null;
    const stated = decOrNull(l1.selfScore);
    const applicable = leaves.filter((x) => x.status !== 'not_applicable');
    const scorable = applicable.filter((x) => x.computed !== null);
    const computed = scorable.length ? sumDec(scorable.map((x) => x.computed!)) : null;

    const applicableWeights = applicable.map((x) => x.effectiveWeight).filter((w): w is Decimal => w !== null);
    let l1Explanation: string;
    let part: Decimal | null = null;
    let fromStated = false;
    if (leaves.length === 0 || applicable.length === 0) {
      // No leaves to recompute: the level's stated score is the best available.
      const why = leaves.length === 0 ? '未列出三级指标' : '三级指标均不适用';
      if (stated !== null) {
        l1Explanation = `${l1.name}：${why}，无法重新计算，采用填报得分 ${f(stated)} 作为最佳估计`;
        part = stated;
        fromStated = true;
      } else {
        l1Explanation = `${l1.name}：${why}，也未填报得分，不计入总分`;
      }
      if (leaves.length === 0 && headedWeight !== null) weightParts.push(headedWeight);
    } else if (computed === null && statedLeaf.length === 0 && stated !== null) {
      l1Explanation = `${l1.name}：三级指标均无法计算，采用填报得分 ${f(stated)} 作为最佳估计`;
      part = stated;
      fromStated = true;
      weightParts.push(...applicableWeights);
    } else {
      const terms = scorable.map((x) => f(x.computed!));
      const notes: string[] = [];
      let value = computed ?? ZERO;
      for (const x of applicable) {
        if (x.computed !== null) continue;
        if (x.stated !== null) {
          value = value.plus(x.stated);
          notes.push(`“${x.name}”无法计算，采用填报得分 ${f(x.stated)}`);
        } else {
          notes.push(`“${x.name}”无法计算且未填报得分，按 0 计`);
        }
      }
      l1Explanation =
        computed !== null
          ? `${l1.name}：${terms.length > 1 ? `${terms.join(' + ')} = ` : ''}${f(computed)}`
          : `${l1.name}：没有可计算的三级指标`;
      if (notes.length) l1Explanation += `；${notes.join('；')}`;
      if (computed !== null || statedLeaf.length > 0) part = value;
      weightParts.push(...applicableWeights);
    }
    if (part !== null) {
      parts.push({ label: fromStated ? `${l1.name}（填报）` : l1.name, value: part });
      indicatorParts++;
    }
    if (headedWeight !== null && childWeightSum !== null && !headedWeight.equals(childWeightSum)) {
      l1Explanation += `；表头分值 ${f(headedWeight)} 与三级指标分值合计 ${f(childWeightSum)} 不一致`;
    }
    level1.push({
      path,
      name: l1.name,
      headedWeight,
      childWeightSum,
      stated,
      computed,
      explanation: l1Explanation,
      statedChildSum,
      leafCount: leaves.length,
      knobs: [`weights.level1.${evaluation.kind}`],
    });
  });

  const totalWeight = sumDec(weightParts);
  let computedTotal: Decimal | null = null;
  let computedIndicatorTotal: Decimal | null = null;
  let noTotalReason: string | null = null;
  if (evaluation.indicators.length === 0) {
    noTotalReason = '未列出绩效指标，无法重新计算总分';
    explanation.push(noTotalReason);
  } else if (indicatorParts === 0) {
    noTotalReason = '绩效指标均无法计算，也未填报得分，无法重新计算总分';
    explanation.push(noTotalReason);
  } else {
    computedTotal = sumDec(parts.map((p) => p.value));
    computedIndicatorTotal = sumDec(parts.filter((p) => !p.execution).map((p) => p.value));
    explanation.push(`总分 = ${parts.map((p) => `${p.label} ${f(p.value)}`).join(' + ')} = ${f(computedTotal)}`);
  }
  const profileTotal = dec(kw.total);
  if (evaluation.indicators.length > 0 && !totalWeight.equals(profileTotal)) {
    explanation.push(`各项分值合计 ${f(totalWeight)}，与规则总分 ${f(profileTotal)} 不一致`);
  }

  const gradeBlockers = assessGradability({
    execution,
    includeExecution,
    indicators,
    level1,
    computedTotal,
    noTotalReason,
    totalWeight,
    profileTotal,
    places,
  });
  const computedGrade = gradeLine(computedTotal, gradeBlockers, profile, explanation);
  const statedTotal = decOrNull(evaluation.totals.statedScore);
  const statedGrade = evaluation.totals.statedGrade?.trim() || null;
  if (statedTotal !== null || statedGrade !== null) {
    explanation.push(
      `填报：总分 ${statedTotal === null ? '未填写' : f(statedTotal)}，等级 ${statedGrade ?? '未填写'}`,
    );
  }

  return scoreResult(profile, {
    execution,
    indicators,
    level1,
    totalWeight,
    computedTotal,
    statedTotal,
    computedGrade,
    statedGrade,
    explanation,
    computedIndicatorTotal,
    gradeBlockers,
    totalKnobs: ['weights.total', 'weights.totalIncludesBudgetExecution', ...kindKnob, 'grades'],
  });
}
