/**
 * Test support: a small national-layout project evaluation (funds total, execution 10,
 * one indicator under each of 产出 50 / 效益 30 / 满意度 10), overridden field by field.
 * The satisfaction actual drives the computed score: with execution at rate r and the
 * other two leaves met, computed = 10 × min(r, 1) + 50 + 30 + 10 × min(actual ÷ 90, 1).
 */
import { Evaluation } from '../../model/evaluation.js';

export interface ProjectSpec {
  name: string;
  code?: string | null;
  kind?: 'project' | 'transfer' | 'department';
  funds?: { initial?: string | null; adjusted?: string | null; executed?: string | null; arrived?: string | null };
  /** The satisfaction actual in percent (target ≥90%); null leaves the indicator table out. */
  satisfaction?: string | null;
  statedScore?: string | null;
  statedGrade?: string | null;
}

export function projectOf(spec: ProjectSpec): Evaluation {
  const satisfaction = spec.satisfaction === undefined ? '90' : spec.satisfaction;
  const leaf = (name: string, target: string, actual: string, weight: number) => ({ name, target, actual, weight });
  const indicators =
    satisfaction === null
      ? []
      : [
          { name: '产出指标', weight: 50, children: [{ name: '数量指标', children: [leaf('完成数量', '≥10个', '10个', 50)] }] },
          { name: '效益指标', weight: 30, children: [{ name: '社会效益指标', children: [leaf('覆盖率', '≥90%', '90%', 30)] }] },
          { name: '满意度指标', weight: 10, children: [{ name: '服务对象满意度指标', children: [leaf('满意度', '≥90%', `${satisfaction}%`, 10)] }] },
        ];
  return Evaluation.parse({
    kind: spec.kind ?? 'project',
    fiscalYear: 2023,
    project: { name: spec.name, code: spec.code ?? null },
    funds: { total: { initial: null, adjusted: null, executed: null, arrived: null, ...spec.funds } },
    budgetExecution: { weight: 10 },
    indicators,
    totals: { statedScore: spec.statedScore ?? null, statedGrade: spec.statedGrade ?? null },
  });
}
