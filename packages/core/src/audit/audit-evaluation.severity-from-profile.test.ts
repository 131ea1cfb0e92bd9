import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { Profile } from '../profiles/profile.js';
import { auditEvaluation } from './audit-evaluation.js';

/** 12 against ≥10 is 120%: at the national over-achievement threshold, with no reason given. */
const evaluation = Evaluation.parse({
  kind: 'project',
  fiscalYear: 2023,
  funds: { total: { adjusted: '100', executed: '100' } },
  budgetExecution: { weight: 10, selfScore: 10 },
  indicators: [
    { name: '产出指标', weight: 50, children: [{ name: '数量指标', children: [{ name: '完成数量', target: '≥10个', actual: '12个', weight: 50, selfScore: 50 }] }] },
    { name: '效益指标', weight: 30, children: [{ name: '社会效益指标', children: [{ name: '覆盖率', target: '≥90%', actual: '90%', weight: 30, selfScore: 30 }] }] },
    { name: '满意度指标', weight: 10, children: [{ name: '满意度指标', children: [{ name: '满意度', target: '≥90%', actual: '90%', weight: 10, selfScore: 10 }] }] },
  ],
  totals: { statedScore: 100, statedGrade: '优' },
});
const overAchievement = (p: Profile) => auditEvaluation(evaluation, { profile: p }).findings.filter((f) => f.rule === 'over-achievement-explained');

describe('audit: a rule’s severity is the profile’s', () => {
  it('nationally an unexplained over-achievement is a warning (财预〔2020〕10号 asks for the reason)', () => {
    expect(overAchievement(getProfile('national')).map((f) => f.severity)).toEqual(['warning']);
  });
  it('a province that requires the reason makes it an error', () => {
    const strict = Profile.parse({ ...getProfile('national'), severity: { 'over-achievement-explained': 'error' } });
    const r = auditEvaluation(evaluation, { profile: strict });
    expect(overAchievement(strict).map((f) => f.severity)).toEqual(['error']);
    expect(r.counts.error).toBe(r.findings.filter((f) => f.severity === 'error').length);
  });
  it('without an override the catalog’s severity stands (info)', () => {
    const lenient = Profile.parse({ ...getProfile('national'), severity: {} });
    expect(overAchievement(lenient).map((f) => f.severity)).toEqual(['info']);
  });
  it('the complete table is graded, and nothing blocks submission', () => {
    const r = auditEvaluation(evaluation);
    expect(r.grade).toBe('优');
    expect(r.ungradableReason).toBeNull();
    expect(r.blocking).toEqual([]);
  });
});
