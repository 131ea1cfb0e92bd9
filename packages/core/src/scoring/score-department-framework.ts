/**
 * Score a 部门整体 evaluation by a department-framework profile (投入 / 过程 / 产出 / 效果):
 * each line of the scheme is scored from the base-data sheet where the scheme gives a formula
 * (在职人员控制率, 三公经费变动率 …) by its deduction or step table, taken from the unit's own
 * score where it is a judgement (制度健全性 …), and the department's own indicators under
 * 产出 / 效果 are scored like any indicator. Every line says how it was scored.
 */
import { Decimal, ZERO, dec, decOrNull, formatDecimal, formatPercent, maxDec, minDec, sumDec } from '../decimal/decimal.js';
import type { Evaluation, Indicator } from '../model/evaluation.js';
import type { FrameworkIndicator, FrameworkLevel, FrameworkRule, FrameworkStep } from '../profiles/department-framework.js';
import { kindWeights } from '../profiles/kind-weights.js';
import type { Profile } from '../profiles/profile.js';
import { assessGradability } from './assess-gradability.js';
import { computeDepartmentFormulas } from './compute-department-formulas.js';
import { gradeLine, scoreResult } from './finish-score.js';
import { scoreExecution } from './score-execution.js';
import { scoreIndicator } from './score-indicator.js';
import type { DepartmentFormula, ScoreResult, ScoredIndicator, ScoredLevel1 } from './types.js';

interface Leaf {
  path: string;
  l1: number;
  level1: string;
  level2: string;
  leaf: Indicator;
}

const norm = (s: string) => s.replace(/[“”"'‘’\s\u3000（）()]/g, '');

function leavesOf(ev: Evaluation): Leaf[] {
  const out: Leaf[] = [];
  ev.indicators.forEach((l1, i) =>
    l1.children.forEach((l2, j) =>
      l2.children.forEach((leaf, k) => out.push({ path: `indicators.${i}.children.${j}.children.${k}`, l1: i, level1: l1.name, level2: l2.name, leaf })),
    ),
  );
  return out;
}

/** The evaluation's leaf for a scheme line: same name (or alias), preferring the same level-2. */
function matchLine(line: FrameworkIndicator, leaves: readonly Leaf[], claimed: Set<string>): Leaf | null {
  const names = new Set([line.name, ...line.aliases].map(norm));
  const hits = leaves.filter((l) => !claimed.has(l.path) && names.has(norm(l.leaf.name)));
  const hit = hits.find((l) => norm(l.level2).includes(norm(line.level2))) ?? hits[0] ?? null;
  if (hit) claimed.add(hit.path);
  return hit;
}

function formulaFor(id: string, formulas: readonly DepartmentFormula[]): DepartmentFormula | null {
  return formulas.find((f) => f.id === id) ?? formulas.find((f) => f.id.startsWith(`${id}.`)) ?? null;
}

function inStep(v: Decimal, s: FrameworkStep): boolean {
  const lo = s.min === null || (s.minInclusive ? v.greaterThanOrEqualTo(s.min) : v.greaterThan(s.min));
  const hi = s.max === null || (s.maxInclusive ? v.lessThanOrEqualTo(s.max) : v.lessThan(s.max));
  return lo && hi;
}

function stepText(s: FrameworkStep): string {
  const p = (x: string) => formatPercent(dec(x), 2);
  if (s.min !== null && s.max !== null && dec(s.min).equals(s.max)) return `= ${p(s.min)}`;
  const lo = s.min === null ? '' : `${s.minInclusive ? '≥' : '>'} ${p(s.min)}`;
  const hi = s.max === null ? '' : `${s.maxInclusive ? '≤' : '<'} ${p(s.max)}`;
  return [lo, hi].filter(Boolean).join(' 且 ');
}

/** The score a rule gives a formula value, with its wording; null when the rule is a judgement. */
function ruleScore(rule: FrameworkRule, value: Decimal, weight: Decimal, places: number): { score: Decimal; text: string } | null {
  const f = (d: Decimal) => formatDecimal(d, places);
  if (rule.type === 'stated') return null;
  if (rule.type === 'steps') {
    const v = rule.absolute ? value.abs() : value;
    const step = rule.steps.find((s) => inStep(v, s));
    if (!step) return { score: ZERO, text: `${formatPercent(v, places)} 不在任何档次内，得 0 分` };
    const score = minDec(dec(step.points), weight);
    return { score, text: `${rule.absolute ? '调整幅度' : ''}${formatPercent(v, places)} 在“${stepText(step)}”档，得 ${f(score)} 分` };
  }
  const limit = dec(rule.limit);
  const over = (rule.direction === 'above' ? value.minus(limit) : limit.minus(value)).times(100);
  const word = rule.direction === 'above' ? '超过' : '低于';
  if (!over.isPositive() || over.isZero()) return { score: weight, text: `未${word}标准 ${formatPercent(limit, places)}，得满分 ${f(weight)} 分` };
  const per = rule.pointsPerPercent !== undefined ? dec(rule.pointsPerPercent) : weight.times(rule.sharePerPercent!);
  const deduction = over.times(per);
  const score = maxDec(ZERO, weight.minus(deduction));
  return {
    score,
    text: `${word}标准 ${formatPercent(limit, places)} ${f(over)} 个百分点，扣 ${f(over)} × ${f(per)} = ${f(deduction)} 分，得 ${f(score)} 分`,
  };
}

function scoreLine(line: FrameworkIndicator, leaf: Leaf | null, formulas: readonly DepartmentFormula[], places: number): ScoredIndicator {
  const f = (d: Decimal) => formatDecimal(d, places);
  const weight = decOrNull(line.weight) ?? decOrNull(leaf?.leaf.weight);
  const stated = decOrNull(leaf?.leaf.selfScore);
  const weightNote = line.weight === null ? (weight === null ? '分值不详（评分框架未定，评分表也未列）；' : `分值取评分表所列 ${f(weight)} 分；`) : '';
  const base = {
    path: leaf?.path ?? `departmentFramework.${line.id}`,
    level1: line.level1,
    level2: line.level2,
    name: line.name,
    weight,
    effectiveWeight: weight,
    target: null,
    actual: null,
    stated,
    computedRange: null,
    knobs: [`departmentFramework.${line.id}`],
  };
  const fallback = (why: string) => ({
    ...base,
    status: stated === null ? ('no_actual' as const) : ('stated_only' as const),
    achievement: null,
    computed: null,
    explanation: `${weightNote}${why}；${stated === null ? '也未填报得分' : `采用填报得分 ${f(stated)}`}（评分标准：${line.criterion}）`,
  });
  const formula = line.formula === null ? null : formulaFor(line.formula, formulas);
  if (line.rule.type === 'stated') return fallback('判断性指标，按评分标准由单位评分');
  if (line.formula === null) return fallback('基础数据表没有此项数据，按评分标准由单位评分');
  if (!formula || formula.value === null) return fallback(formula ? formula.explanation : `无法计算${line.name}`);
  if (weight === null) return fallback(`${formula.explanation}；分值不详，无法按评分标准计分`);
  const r = ruleScore(line.rule, formula.value, weight, places)!;
  return {
    ...base,
    status: 'base_data',
    achievement: formula.value,
    computed: r.score,
    explanation: `${weightNote}${formula.name} = ${formula.explanation}；${r.text}（评分标准：${line.criterion}）`,
  };
}

interface LevelScore {
  level: ScoredLevel1;
  lines: ScoredIndicator[];
  /** Score of the level for the total: computed lines, stated where not computable. */
  value: Decimal | null;
  weight: Decimal;
}

function levelOf(l: FrameworkLevel, lines: ScoredIndicator[], path: string, stated: Decimal | null, headed: Decimal | null, places: number, note = ''): LevelScore {
  const f = (d: Decimal) => formatDecimal(d, places);
  const scored = lines.filter((x) => x.status !== 'not_applicable');
  const parts = scored.map((x) => x.computed ?? x.stated).filter((x): x is Decimal => x !== null);
  const value = parts.length ? sumDec(parts) : null;
  const weights = scored.map((x) => x.effectiveWeight).filter((x): x is Decimal => x !== null);
  const childWeightSum = weights.length ? sumDec(weights) : null;
  const explanation = value === null ? `${l.name}：没有可计分的指标${note}` : `${l.name}：${parts.map(f).join(' + ')} = ${f(value)}${note}`;
  return {
    level: { path, name: l.name, headedWeight: headed ?? decOrNull(l.weight), childWeightSum, stated, computed: value, explanation, leafCount: lines.length, knobs: ['departmentFramework.levels'] },
    lines,
    value,
    weight: childWeightSum ?? ZERO,
  };
}

/** The department's own indicators under a `fromForm` level (产出 / 效果), scored like any indicator. */
function formLevel(l: FrameworkLevel, ev: Evaluation, profile: Profile, leaves: readonly Leaf[], used: Set<number>): LevelScore {
  const names = new Set([l.name, ...l.aliases].map(norm));
  const i = ev.indicators.findIndex((x, idx) => !used.has(idx) && names.has(norm(x.name)));
  if (i < 0) return levelOf(l, [], `departmentFramework.${l.name}`, null, null, profile.rounding.places, '（评分表未列出此一级指标）');
  used.add(i);
  const lines = leaves
    .filter((x) => x.l1 === i)
    .map((x) => scoreIndicator(x.leaf, { profile, path: x.path, level1: ev.indicators[i]!.name, level2: x.level2 }));
  return levelOf(l, lines, `indicators.${i}`, decOrNull(ev.indicators[i]!.selfScore), decOrNull(ev.indicators[i]!.weight), profile.rounding.places);
}

export function scoreDepartmentFramework(evaluation: Evaluation, profile: Profile): ScoreResult {
  const fw = profile.departmentFramework!;
  const places = profile.rounding.places;
  const f = (d: Decimal) => formatDecimal(d, places);
  const formulas = computeDepartmentFormulas(evaluation, profile);
  const leaves = leavesOf(evaluation);
  const claimed = new Set<string>();
  const usedLevels = new Set<number>();
  const levels: LevelScore[] = fw.level1.map((l) => {
    if (l.fromForm) return formLevel(l, evaluation, profile, leaves, usedLevels);
    const lines: ScoredIndicator[] = [];
    for (const line of fw.indicators.filter((x) => x.level1 === l.name)) {
      const leaf = matchLine(line, leaves, claimed);
      if (line.onlyWhenListed && !leaf) continue;
      lines.push(scoreLine(line, leaf, formulas, places));
    }
    return levelOf(l, lines, `departmentFramework.${l.name}`, null, null, places);
  });
  const explanation: string[] = [`按${fw.name}计分（${profile.name}）`];
  const extra = leaves.filter((x) => !claimed.has(x.path) && !usedLevels.has(x.l1)).map((x) => x.leaf.name);
  if (extra.length) explanation.push(`评分表中${extra.map((n) => `“${n}”`).join('、')}不在评分框架内，未计入总分`);

  const execution = scoreExecution(evaluation, profile);
  const kw = kindWeights(profile, evaluation.kind);
  const includeExecution = kw.totalIncludesBudgetExecution && !dec(kw.budgetExecution).isZero();
  execution.knobs = [`weights.byKind.${evaluation.kind}`];
  if (!includeExecution) explanation.push('按评分框架，预算执行率不单列计分（预算执行的指标列在“过程”之下）');

  const parts = levels.filter((x) => x.value !== null).map((x) => ({ label: x.level.name, value: x.value! }));
  if (includeExecution && execution.computed !== null) parts.unshift({ label: '预算执行', value: execution.computed });
  const computedTotal = parts.length ? sumDec(parts.map((p) => p.value)) : null;
  if (computedTotal !== null) explanation.push(`总分 = ${parts.map((p) => `${p.label} ${f(p.value)}`).join(' + ')} = ${f(computedTotal)}`);
  const indicators = levels.flatMap((x) => x.lines);
  const level1 = levels.map((x) => x.level);
  const totalWeight = sumDec([...levels.map((x) => x.weight), ...(includeExecution && execution.weight ? [execution.weight] : [])]);
  const gradeBlockers = assessGradability({
    execution,
    includeExecution,
    indicators,
    level1,
    computedTotal,
    noTotalReason: computedTotal === null ? '没有可计分的指标，无法计算总分' : null,
    totalWeight,
    profileTotal: dec(kw.total),
    places,
  });
  const computedGrade = gradeLine(computedTotal, gradeBlockers, profile, explanation);
  const statedTotal = decOrNull(evaluation.totals.statedScore);
  const statedGrade = evaluation.totals.statedGrade?.trim() || null;
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
    computedIndicatorTotal: computedTotal,
    gradeBlockers,
    totalKnobs: ['weights.total', 'departmentFramework.levels', 'grades'],
  });
}
