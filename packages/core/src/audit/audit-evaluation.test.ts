import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { auditEvaluation } from './audit-evaluation.js';

const evaluation = Evaluation.parse({
  kind: 'department',
  fiscalYear: 2023,
  profile: 'national',
  unit: { name: null },
  funds: { total: { initial: '100', adjusted: '100', executed: '100' } },
  budgetExecution: { weight: '10', selfScore: '10' },
  indicators: [
    {
      name: '产出指标',
      weight: '90',
      children: [{ name: '数量指标', children: [{ name: '完成数', target: '≥10', actual: '9', weight: '90', selfScore: '81' }] }],
    },
  ],
  totals: { statedWeight: '100', statedScore: '95', statedGrade: '优' },
  provenance: { 'totals.statedScore': { file: 'r.txt', line: 42, snippet: '95' }, indicators: { file: 'r.txt', line: 7 } },
});

describe('auditEvaluation', () => {
  it('fills the catalog fields, takes the source from provenance and sorts errors before warnings', () => {
    const r = auditEvaluation(evaluation);
    expect(r.profile).toMatchObject({ id: 'national' });
    const total = r.findings.find((f) => f.rule === 'total-score-sum')!;
    expect(total).toMatchObject({ severity: 'error', category: 'accuracy', reported: '95', expected: '91', difference: '4' });
    expect(total.location.source).toMatchObject({ line: 42 });
    const ranks = r.findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(r.findings.some((f) => f.rule === 'unit-named' && f.severity === 'warning')).toBe(true);
    expect(r.counts.error).toBe(r.findings.filter((f) => f.severity === 'error').length);
  });
  it('finds the source of a nested path through its nearest ancestor in provenance', () => {
    const r = auditEvaluation(evaluation);
    const leaf = r.findings.find((f) => f.rule === 'deviation-reason-present')!;
    expect(leaf.location.path).toBe('indicators.0.children.0.children.0.deviationReason');
    expect(leaf.location.source).toMatchObject({ line: 7 });
    expect(r.findings.every((f) => typeof f.message === 'string' && f.message.length > 0)).toBe(true);
  });
  it('uses the profile given in options instead of the evaluation’s own', () => {
    const r = auditEvaluation(evaluation, { profile: getProfile('hebei') });
    expect(r.profile.id).toBe('hebei');
  });
  it('returns no findings for a clean evaluation', () => {
    const clean = Evaluation.parse({ ...evaluation, totals: { statedWeight: '100', statedScore: '100', statedGrade: '优' }, unit: { name: '某单位' }, indicators: [{ name: '产出指标', weight: '90', children: [{ name: '数量指标', children: [{ name: '完成数', target: '≥10', actual: '10', weight: '90', selfScore: '90' }] }] }] });
    expect(auditEvaluation(clean).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
