import { describe, expect, it } from 'vitest';
import { dec } from '../decimal/decimal.js';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreExecution } from './score-execution.js';

const evaluationWith = (initial: string, adjusted: string, executed: string) =>
  Evaluation.parse({ kind: 'project', fiscalYear: 2023, funds: { total: { initial, adjusted, executed } } });

describe('score-execution: the rate is capped at the profile cap (100%)', () => {
  it('over-execution 110 ÷ 100 scores 10, not 11, but keeps the real rate', () => {
    const r = scoreExecution(evaluationWith('100', '100', '110'), getProfile('national'));
    expect(r.rate!.equals(dec('1.1'))).toBe(true);
    expect(r.computed!.toString()).toBe('10');
    expect(r.explanation).toContain('10 × min(110 ÷ 100, 1) = 10');
  });
  it('exactly at the cap 276.7 ÷ 276.7 → 10', () => {
    const r = scoreExecution(evaluationWith('263.38', '276.7', '276.7'), getProfile('national'));
    expect(r.computed!.toString()).toBe('10');
    expect(r.explanation).toContain('10 × min(276.7 ÷ 276.7, 1) = 10');
  });
  it('below the cap 9565.63 ÷ 9593.18 → 10 × rate', () => {
    const r = scoreExecution(evaluationWith('8779.84', '9593.18', '9565.63'), getProfile('national'));
    expect(r.computed!.equals(dec(10).times('9565.63').dividedBy('9593.18'))).toBe(true);
    expect(r.explanation).toContain('99.71%');
  });
  it('uses the stated execution weight when the table gives one', () => {
    const e = Evaluation.parse({
      kind: 'project',
      fiscalYear: 2023,
      funds: { total: { adjusted: '100', executed: '50' } },
      budgetExecution: { weight: 20 },
    });
    expect(scoreExecution(e, getProfile('national')).computed!.toString()).toBe('10');
  });
});
