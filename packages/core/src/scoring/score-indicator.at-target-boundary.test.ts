import { describe, expect, it } from 'vitest';
import { Indicator } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreIndicator } from './score-indicator.js';

const profile = getProfile('national');
const score = (target: string, actual: string, weight = 10) =>
  scoreIndicator(Indicator.parse({ name: '指标', target, actual, weight }), { profile });

describe('score-indicator: actual exactly at the target earns full weight', () => {
  it('≥95% with actual 95% → met, full 10', () => {
    const r = score('≥95%', '95%');
    expect(r.status).toBe('met');
    expect(r.computed!.toString()).toBe('10');
    expect(r.achievement!.toString()).toBe('1');
  });
  it('≥95% with actual 94.99% → unmet, 10 × 94.99 ÷ 95', () => {
    const r = score('≥95%', '94.99%');
    expect(r.status).toBe('unmet');
    expect(r.computed!.equals(r.weight!.times('94.99').dividedBy(95))).toBe(true);
    expect(r.explanation).toContain('10 × 94.99 ÷ 95 = 10');
  });
  it('≤263.38 with actual 263.38 → met, full weight', () => {
    const r = score('≤263.38', '263.38', 5);
    expect(r.status).toBe('met');
    expect(r.computed!.toString()).toBe('5');
  });
  it('">" treats equality like "≥" (full weight)', () => {
    const r = score('>3', '3');
    expect(r.status).toBe('met');
    expect(r.computed!.toString()).toBe('10');
  });
  it('"=100%" with actual 100% → met', () => {
    expect(score('=100%', '100%').status).toBe('met');
  });
});
