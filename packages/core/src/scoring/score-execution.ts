/**
 * Budget execution (预算执行率): rate = executed ÷ base, where the base is the adjusted
 * (全年) budget by default and the initial budget only when no adjusted budget is stated
 * (or when the profile says so); score = weight × min(rate, cap). The weight is the
 * form's 分值 when printed, else the profile's for the evaluation's kind (0 for a kind
 * whose form does not score execution, e.g. national transfers).
 */
import { dec, decOrNull, formatDecimal, formatPercent, minDec } from '../decimal/decimal.js';
import type { Evaluation } from '../model/evaluation.js';
import { kindWeights } from '../profiles/kind-weights.js';
import type { Profile } from '../profiles/profile.js';
import type { ScoredExecution } from './types.js';

const BASE_LABEL = { adjusted: '全年预算数', initial: '年初预算数' } as const;

export function scoreExecution(evaluation: Evaluation, profile: Profile): ScoredExecution {
  const places = profile.rounding.places;
  const f = (d: ReturnType<typeof dec>) => formatDecimal(d, places);
  const total = evaluation.funds.total;
  // The form's own 分值 when printed, else the profile's weight for this kind of evaluation.
  const weight = decOrNull(evaluation.budgetExecution.weight) ?? dec(kindWeights(profile, evaluation.kind).budgetExecution);
  const stated = decOrNull(evaluation.budgetExecution.selfScore);
  const executed = decOrNull(total.executed);
  const cap = dec(profile.execution.cap);

  const preferred = profile.execution.base;
  const other = preferred === 'adjusted' ? 'initial' : 'adjusted';
  let base: 'adjusted' | 'initial' = preferred;
  let baseAmount = decOrNull(total[preferred]);
  let baseFallback = false;
  if (baseAmount === null && decOrNull(total[other]) !== null) {
    base = other;
    baseAmount = decOrNull(total[other]);
    baseFallback = true;
  }
  const note = baseFallback ? `未填写${BASE_LABEL[preferred]}，按${BASE_LABEL[base]}计算；` : '';

  const result = (rate: ScoredExecution['rate'], computed: ScoredExecution['computed'], explanation: string) => ({
    rate,
    base,
    baseAmount,
    executed,
    weight,
    computed,
    stated,
    explanation,
    baseFallback,
  });

  if (executed === null) return result(null, null, '未填写全年执行数，无法计算预算执行率');
  if (baseAmount === null) return result(null, null, '未填写全年预算数或年初预算数，无法计算预算执行率');
  if (baseAmount.isZero()) return result(null, null, `${BASE_LABEL[base]}为 0，无法计算预算执行率`);

  const rate = executed.dividedBy(baseAmount);
  const computed = weight.times(minDec(rate, cap));
  const explanation =
    `${note}执行率 = ${f(executed)} ÷ ${f(baseAmount)} = ${formatPercent(rate, places)}；` +
    `${f(weight)} × min(${f(executed)} ÷ ${f(baseAmount)}, ${f(cap)}) = ${f(computed)}`;
  return result(rate, computed, explanation);
}
