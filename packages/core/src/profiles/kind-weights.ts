/**
 * The weights a profile gives one kind of evaluation: the profile-wide total, budget
 * execution weight and "total includes execution", overridden by `weights.byKind[kind]`,
 * and the kind's level-1 template (transfers fall back to the project tree).
 */
import type { EvaluationKind } from '../model/evaluation.js';
import type { Level1Template, Profile } from './profile.js';

export interface KindWeights {
  kind: EvaluationKind;
  /** The total the table should add up to. */
  total: string;
  /** 预算执行率 weight; "0" means the kind's form does not score budget execution. */
  budgetExecution: string;
  totalIncludesBudgetExecution: boolean;
  level1: Level1Template[];
}

export function kindWeights(profile: Profile, kind: EvaluationKind): KindWeights {
  const w = profile.weights;
  const o = w.byKind[kind] ?? {};
  return {
    kind,
    total: o.total ?? w.total,
    budgetExecution: o.budgetExecution ?? w.budgetExecution,
    totalIncludesBudgetExecution: o.totalIncludesBudgetExecution ?? w.totalIncludesBudgetExecution,
    level1: w.level1[kind],
  };
}
