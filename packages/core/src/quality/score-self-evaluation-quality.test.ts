import { describe, expect, it } from 'vitest';
import { auditEvaluation } from '../audit/audit-evaluation.js';
import { dec } from '../decimal/decimal.js';
import { parseEvaluation } from '../model/parse-evaluation.js';
import type { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreEvaluation } from '../scoring/score-evaluation.js';
import {
  scoreCompleteness,
  scoreConsistency,
  scoreDeviationReasons,
  scoreDistortion,
  scoreFullMarks,
  scoreSelfEvaluationQuality,
  scoreTargets,
} from './score-self-evaluation-quality.js';

const national = getProfile('national');

function evaluation(over: Record<string, unknown> = {}): Evaluation {
  const leaf = (name: string, target: string, actual: string, weight: string, selfScore: string, deviationReason?: string) => ({ name, target, actual, weight, selfScore, ...(deviationReason ? { deviationReason } : {}) });
  const p = parseEvaluation({
    kind: 'project',
    fiscalYear: 2024,
    profile: 'national',
    project: { name: '质量测试项目' },
    funds: { total: { initial: '100', adjusted: '100', executed: '90' } },
    budgetExecution: { weight: '10', selfScore: '9' },
    indicators: [
      { name: '产出指标', weight: '50', children: [{ name: '数量指标', children: [leaf('培训人次', '≥100人次', '120人次', '30', '30'), leaf('课程质量', '良好', '良好', '20', '20')] }] },
      { name: '效益指标', weight: '30', children: [{ name: '社会效益指标', children: [leaf('覆盖率', '≥90%', '85%', '30', '28', '部分乡镇未覆盖')] }] },
      { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', children: [leaf('满意度', '≥90%', '88%', '10', '9')] }] },
    ],
    totals: { statedScore: '96', statedGrade: '优' },
    ...over,
  });
  if (!p.ok) throw p.error;
  return p.value;
}

describe('自评质量 rubric parts (national profile: 20 / 25 / 15 / 20 / 10 / 10)', () => {
  it('completeness: share of the required fields filled', () => {
    const e = evaluation();
    expect(scoreCompleteness(e, dec(20)).score.toString()).toBe('20');
    e.indicators[0]!.children[0]!.children[0]!.actual = null;
    e.totals.statedGrade = null;
    // 6 header items + 4 leaves × 3 = 18; two missing → 16/18 of 20
    expect(scoreCompleteness(e, dec(20)).score.toString()).toBe(dec(20).times(16).div(18).toString());
  });

  it('consistency: 5 per audit error and 1 per warning taken off, never below 0', () => {
    const audit = (error: number, warning: number) => ({ counts: { error, warning, info: 0 } }) as never;
    expect(scoreConsistency(audit(0, 0), national.quality.consistency).score.toString()).toBe('25');
    expect(scoreConsistency(audit(2, 3), national.quality.consistency).score.toString()).toBe('12');
    expect(scoreConsistency(audit(9, 0), national.quality.consistency).score.toString()).toBe('0');
    expect(scoreConsistency(null, national.quality.consistency).score.toString()).toBe('0');
  });

  it('targets: the share of leaf targets stated as figures', () => {
    const e = evaluation();
    const part = scoreTargets(scoreEvaluation(e, national), dec(15));
    // 3 of 4 targets are figures; 课程质量 "良好" is qualitative
    expect(part.score.toString()).toBe(dec(15).times(3).div(4).toString());
  });

  it('distortion: full at no gap, linear to the threshold, none (失真) at it', () => {
    const e = evaluation();
    const t = national.quality.distortion;
    expect(scoreDistortion(e, null, '96', t).score.toString()).toBe('20');
    const four = scoreDistortion(e, null, '92', t);
    expect(four.score.toString()).toBe('12'); // 20 × (1 − 4 ÷ 10)
    expect(four.distorted).toBe(false);
    const ten = scoreDistortion(e, null, '86', t);
    expect([ten.score.toString(), ten.distorted]).toEqual(['0', true]);
    // without a re-score the computed total is the reference
    expect(scoreDistortion(e, scoreEvaluation(e, national), null, t).explanation).toContain('系统计算得分');
    // the explanation prints figures rounded half up to 2 places; the score stays exact
    const third = scoreDistortion(e, null, '97.83333333333333333333333333333333333333', t);
    expect(third.explanation).toContain('复评得分 97.83 相差 1.83');
    expect(third.score.toString()).toBe(dec('20').times(dec(1).minus(dec('96').minus('97.83333333333333333333333333333333333333').abs().div(10))).toString());
  });

  it('full marks: no deduction up to 80%, none at 100%', () => {
    const e = evaluation();
    // 2 of 4 at full marks (50%) → full 10
    expect(scoreFullMarks(e, national.quality.fullMarks).score.toString()).toBe('10');
    for (const l1 of e.indicators) for (const l2 of l1.children) for (const x of l2.children) x.selfScore = x.weight;
    expect(scoreFullMarks(e, national.quality.fullMarks).score.toString()).toBe('0');
    e.indicators[2]!.children[0]!.children[0]!.selfScore = '9';
    // 3 of 4 = 75% ≤ 80% → 10
    expect(scoreFullMarks(e, national.quality.fullMarks).score.toString()).toBe('10');
  });

  it('deviation reasons: the share of below-full indicators that explain why', () => {
    const e = evaluation();
    // 覆盖率 (28/30) explains, 满意度 (9/10) does not → 1/2 of 10
    expect(scoreDeviationReasons(e, dec(10)).score.toString()).toBe('5');
    e.indicators[2]!.children[0]!.children[0]!.deviationReason = '样本量小';
    expect(scoreDeviationReasons(e, dec(10)).score.toString()).toBe('10');
  });

  it('the total is the sum of the parts, each named in Chinese, under the evaluation profile', () => {
    const e = evaluation();
    const q = scoreSelfEvaluationQuality({ evaluation: e, profile: national, score: scoreEvaluation(e, national), audit: auditEvaluation(e, { profile: national }), reviewTotal: null });
    expect(q.parts.map((p) => p.label)).toEqual(['填报完整性', '内部一致性', '绩效目标质量', '自评失真', '满分指标占比', '偏差原因说明']);
    expect(q.parts.reduce((a, p) => a.plus(p.weight), dec(0)).toString()).toBe('100');
    expect(q.total.toString()).toBe(q.parts.reduce((a, p) => a.plus(p.score), dec(0)).toString());
    expect(q.profile).toEqual({ id: 'national', version: national.version });
  });
});
