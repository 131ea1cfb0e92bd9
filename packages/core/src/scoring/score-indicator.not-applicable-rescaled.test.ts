import { describe, expect, it } from 'vitest';
import { dec } from '../decimal/decimal.js';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { Profile } from '../profiles/profile.js';
import { scoreEvaluation } from './score-evaluation.js';

const evaluation = Evaluation.parse({
  kind: 'project',
  fiscalYear: 2023,
  funds: { total: { initial: '100', adjusted: '100', executed: '100' } },
  indicators: [
    {
      name: '产出指标',
      weight: 60,
      children: [
        {
          name: '数量指标',
          children: [
            { name: 'A', target: '≥10', actual: '10', weight: 30 },
            { name: 'B', target: '≥10', actual: '5', weight: 30 },
          ],
        },
      ],
    },
    {
      name: '效益指标',
      weight: 30,
      children: [{ name: '社会效益', children: [{ name: 'C', target: '≥1', actual: '——', weight: 30, notApplicable: true }] }],
    },
  ],
});

describe('score-indicator: not-applicable indicators are dropped and the rest rescaled', () => {
  const r = scoreEvaluation(evaluation, getProfile('national'));

  it('marks the dropped indicator and does not score it', () => {
    const c = r.indicators.find((x) => x.name === 'C')!;
    expect(c.status).toBe('not_applicable');
    expect(c.computed).toBeNull();
  });

  it('rescales the others by 90 ÷ 60 (weights 30 → 45)', () => {
    const a = r.indicators.find((x) => x.name === 'A')!;
    const b = r.indicators.find((x) => x.name === 'B')!;
    expect(a.effectiveWeight!.toString()).toBe('45');
    expect(a.computed!.toString()).toBe('45');
    expect(b.computed!.equals(dec(45).times(5).dividedBy(10))).toBe(true);
    expect(a.explanation).toContain('折算为 45');
  });

  it('keeps the total weight at 100 (10 + 90)', () => {
    expect(r.totalWeight.toString()).toBe('100');
    expect(r.computedTotal!.toString()).toBe('77.5');
  });

  it('with notApplicable "drop" the others keep their weights and the total weight shrinks', () => {
    const drop = Profile.parse({ ...getProfile('national'), notApplicable: 'drop' });
    const d = scoreEvaluation(evaluation, drop);
    expect(d.indicators.find((x) => x.name === 'A')!.effectiveWeight!.toString()).toBe('30');
    expect(d.totalWeight.toString()).toBe('70');
    expect(d.computedTotal!.toString()).toBe('55');
  });
});
