import { describe, expect, it } from 'vitest';
import { dec } from '../decimal/decimal.js';
import { Indicator } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreIndicator } from './score-indicator.js';

const profile = getProfile('national');
const score = (actual: string) =>
  scoreIndicator(Indicator.parse({ name: '区间', target: '90%-95%', actual, weight: 10 }), { profile });

describe('score-indicator: ranges, both ends inclusive', () => {
  it('at the lower end 90% → full', () => {
    expect(score('90%').computed!.toString()).toBe('10');
  });
  it('at the upper end 95% → full', () => {
    expect(score('95%').status).toBe('met');
    expect(score('95%').computed!.toString()).toBe('10');
  });
  it('below the range (81%) → 10 × 81 ÷ 90 = 9', () => {
    const r = score('81%');
    expect(r.status).toBe('unmet');
    expect(r.computed!.toString()).toBe('9');
  });
  it('above the range (100%) → reverse formula against the upper end: 10 × 95 ÷ 100 = 9.5', () => {
    const r = score('100%');
    expect(r.status).toBe('unmet');
    expect(r.computed!.equals(dec('9.5'))).toBe(true);
    expect(r.explanation).toContain('高于上限');
  });
});
