import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { auditEvaluation } from './audit-evaluation.js';
import { parseEvaluation } from '../model/parse-evaluation.js';
import { scoreEvaluation } from '../scoring/index.js';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  it('orders findings of one severity by source line, then by model order', () => {
    const ev = Evaluation.parse({
      kind: 'department',
      fiscalYear: 2023,
      unit: { name: null },
      totals: { statedScore: '99' },
      dates: { evaluationStart: '2023-04-10' },
      provenance: { 'dates.evaluationStart': { line: 3 }, 'totals.statedScore': { line: 9 } },
    });
    const warnings = auditEvaluation(ev).findings.filter((f) => f.severity === 'warning');
    expect(warnings.map((f) => f.rule)).toEqual(['evaluation-after-year-end', 'total-without-indicator-scores', 'unit-named']);
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

describe('auditEvaluation on arbitrary input', () => {
  it('never throws and always fills message and location for random evaluations', async () => {
    const fc = await import('fast-check');
    const amount = fc.oneof(fc.constant(null), fc.constant('0'), fc.integer({ min: 0, max: 100000 }).map((n) => (n / 100).toString()));
    const score = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1000 }).map((n) => (n / 10).toString()));
    const leaf = fc.record({
      name: fc.constantFrom('完成数', '满意度', '费用控制'),
      target: fc.oneof(fc.constant(null), fc.constantFrom('≥95%', '≤263.38', '增强', '低于达到 0.5%及以上', '=0', '90%-95%', '')),
      actual: fc.oneof(fc.constant(null), fc.constantFrom('93%', '265.45', '增强', '0', '')),
      weight: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 20 }).map(String)),
      selfScore: score,
    });
    const input = fc.record({
      kind: fc.constantFrom('department', 'project'),
      fiscalYear: fc.integer({ min: 2015, max: 2030 }),
      profile: fc.constantFrom('national', 'hunan', 'henan', 'hebei'),
      funds: fc.record({ total: fc.record({ initial: amount, adjusted: amount, executed: amount }), basic: fc.record({ executed: amount }) }),
      budgetExecution: fc.record({ weight: fc.oneof(fc.constant(null), fc.constant('10'), fc.constant('0')), selfScore: score, statedRate: score }),
      indicators: fc.array(fc.record({ name: fc.constantFrom('产出指标', '效益指标'), weight: score, selfScore: score, children: fc.array(fc.record({ name: fc.constant('数量指标'), children: fc.array(leaf, { maxLength: 3 }) }), { maxLength: 2 }) }), { maxLength: 3 }),
      totals: fc.record({ statedWeight: score, statedScore: score, statedGrade: fc.oneof(fc.constant(null), fc.constantFrom('优', '良好', '差', '')) }),
      claims: fc.array(
        fc.oneof(
          fc.record({ type: fc.constant('share'), part: fc.record({ label: fc.constant('a'), value: fc.constantFrom('0', '11', '215.81') }), whole: fc.record({ label: fc.constant('b'), value: fc.constantFrom('0', '30', '276.7') }), percent: fc.constantFrom('0', '36.6', '100') }),
          fc.record({ type: fc.constant('sum'), total: fc.record({ label: fc.constant('t'), value: fc.constantFrom('0', '10.5') }), parts: fc.array(fc.record({ label: fc.constant('p'), value: fc.constantFrom('0', '5.25') }), { minLength: 1, maxLength: 3 }) }),
          fc.record({ type: fc.constant('yearComparison'), year: fc.integer({ min: 2010, max: 2030 }) }),
          fc.record({ type: fc.constant('gradeBands'), bands: fc.array(fc.record({ grade: fc.constantFrom('优', '良好', 'A'), min: fc.constantFrom('0', '60', '85', '90') }), { minLength: 1, maxLength: 4 }) }),
          fc.record({ type: fc.constant('figure'), field: fc.constantFrom('selfScore', 'grade', 'executionRate', 'executed'), value: fc.constantFrom('99', '优', '24%', 'x') }),
        ),
        { maxLength: 4 },
      ),
      baseData: fc.oneof(fc.constant(null), fc.record({ staffing: fc.record({ authorized: fc.constantFrom(0, 12, 20), actual: fc.constantFrom(0, 11, 18), statedControlRate: fc.constantFrom(null, '91.67', '0') }), operating: fc.record({ actual: amount }) })),
      dates: fc.record({ evaluationStart: fc.constantFrom(null, '2015-04-10', '2031-01-01'), reportDate: fc.constantFrom(null, '2016-06-11') }),
      chapters: fc.array(fc.record({ level: fc.integer({ min: 1, max: 3 }), number: fc.oneof(fc.constant(null), fc.constantFrom('一、', '（二）', '3.', '(四）', '①', '第五章', '')), title: fc.constant('标题'), body: fc.oneof(fc.constant(null), fc.constantFrom('包括……', '无。', 'text and 文字')) }), { maxLength: 6 }),
    });
    let audited = 0;
    fc.assert(
      fc.property(input, (raw) => {
        const parsed = Evaluation.safeParse(raw);
        if (!parsed.success) return true; // invalid input is rejected before the audit
        audited++;
        const r = auditEvaluation(parsed.data);
        return r.findings.every((f) => f.message.length > 0 && f.location.label !== undefined);
      }),
      { numRuns: 300 },
    );
    expect(audited).toBeGreaterThan(150);
  });
});

describe('auditEvaluation with the score already computed', () => {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../../examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it.each(files)('%s: passing scoreEvaluation\'s result gives the same audit as scoring again, and leaves the score as it was', (file) => {
    const parsed = parseEvaluation(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.ok) throw parsed.error;
    const ev = parsed.value;
    const profile = getProfile(ev.profile);
    const score = scoreEvaluation(ev, profile);
    const before = JSON.stringify(score);
    expect(JSON.stringify(auditEvaluation(ev, { profile, score }))).toBe(JSON.stringify(auditEvaluation(ev, { profile })));
    expect(JSON.stringify(score)).toBe(before);
  });
});
