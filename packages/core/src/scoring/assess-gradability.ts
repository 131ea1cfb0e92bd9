/**
 * Whether a recomputed total can be graded. A grade is a statement about a total out of the
 * profile's full marks; it cannot be given to a total whose weights do not add up to that,
 * that leaves indicators unscored, or that rests on scores above their weights. Each reason is
 * one Chinese line; together they make "无法定级：…".
 */
import { type Decimal, formatDecimal } from '../decimal/decimal.js';
import type { ScoredExecution, ScoredIndicator, ScoredLevel1 } from './types.js';

export interface GradabilityInput {
  execution: ScoredExecution;
  /** Whether the execution score is part of the total. */
  includeExecution: boolean;
  indicators: readonly ScoredIndicator[];
  level1: readonly ScoredLevel1[];
  computedTotal: Decimal | null;
  /** Why there is no total, when there is none. */
  noTotalReason: string | null;
  totalWeight: Decimal;
  profileTotal: Decimal;
  places: number;
}

const MAX_NAMED = 3;

function named(names: string[]): string {
  const shown = names.slice(0, MAX_NAMED).map((n) => `“${n}”`).join('、');
  return names.length > MAX_NAMED ? `${shown}等 ${names.length} 项` : shown;
}

/** The reasons the total cannot be graded; empty when it can. */
export function assessGradability(x: GradabilityInput): string[] {
  const f = (d: Decimal) => formatDecimal(d, x.places);
  const out: string[] = [];
  if (x.computedTotal === null) out.push(x.noTotalReason ?? '无法重新计算总分');
  if (x.indicators.length > 0 || x.level1.length > 0) {
    if (!x.totalWeight.equals(x.profileTotal)) {
      out.push(`各项分值合计 ${f(x.totalWeight)} 分，不等于规则总分 ${f(x.profileTotal)} 分`);
    }
  }
  const unscored = x.indicators
    .filter((s) => s.status !== 'not_applicable' && s.computed === null && s.stated === null)
    .map((s) => s.name);
  const unscoredLevels = x.level1.filter((l) => (l.leafCount ?? 0) === 0 && l.stated === null && l.computed === null).map((l) => l.name);
  if (unscored.length) out.push(`${named(unscored)}既无法计算也未填报得分`);
  if (unscoredLevels.length) out.push(`一级指标${named(unscoredLevels)}未列出三级指标，也未填报得分`);
  const ex = x.execution;
  if (x.includeExecution && ex.computed === null && ex.stated === null && ex.weight !== null && !ex.weight.isZero()) {
    out.push('预算执行既无法计算也未填报得分');
  }
  const above: string[] = [];
  for (const s of x.indicators) {
    if (s.stated !== null && s.weight !== null && s.stated.greaterThan(s.weight)) above.push(`“${s.name}”得分 ${f(s.stated)} 高于分值 ${f(s.weight)}`);
  }
  for (const l of x.level1) {
    if (l.stated !== null && l.headedWeight !== null && l.stated.greaterThan(l.headedWeight)) above.push(`“${l.name}”得分 ${f(l.stated)} 高于分值 ${f(l.headedWeight)}`);
  }
  if (ex.stated !== null && ex.weight !== null && ex.stated.greaterThan(ex.weight)) above.push(`预算执行得分 ${f(ex.stated)} 高于分值 ${f(ex.weight)}`);
  if (above.length) out.push(above.slice(0, MAX_NAMED).join('，') + (above.length > MAX_NAMED ? ` 等 ${above.length} 处得分高于分值` : ''));
  return out;
}

/** "无法定级：a；b" */
export function ungradableText(reasons: readonly string[]): string | null {
  return reasons.length ? `无法定级：${reasons.join('；')}` : null;
}
