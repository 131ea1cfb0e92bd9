import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../decimal/decimal.js';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { Profile } from '../profiles/profile.js';
import { scoreExecution } from './score-execution.js';

// A budget cut from 7319.56 to 1770.59 and fully executed: the initial budget is the wrong base.
const evaluation = Evaluation.parse({
  kind: 'department',
  fiscalYear: 2021,
  funds: { total: { initial: '7319.56', adjusted: '1770.59', executed: '1770.59' } },
  budgetExecution: { weight: 10, selfScore: 3, statedRate: '24%' },
});

describe('score-execution: the rate is computed against the adjusted budget, not the initial one', () => {
  it('national: 1770.59 ÷ 1770.59 = 100% → 10 (not 24.19% → 2.42)', () => {
    const r = scoreExecution(evaluation, getProfile('national'));
    expect(r.base).toBe('adjusted');
    expect(r.baseFallback).toBe(false);
    expect(r.rate!.toString()).toBe('1');
    expect(r.computed!.toString()).toBe('10');
    expect(r.stated!.toString()).toBe('3');
  });
  it('a profile whose base is the initial budget gives 2.42', () => {
    const initial = Profile.parse({ ...getProfile('national'), execution: { ...getProfile('national').execution, base: 'initial' } });
    const r = scoreExecution(evaluation, initial);
    expect(r.base).toBe('initial');
    expect(formatDecimal(r.computed!)).toBe('2.42');
  });
});
