import { describe, expect, it } from 'vitest';
import { Indicator } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreIndicator } from './score-indicator.js';

const profile = getProfile('national');
const score = (target: string, actual: string) =>
  scoreIndicator(Indicator.parse({ name: '安全事故', target, actual, weight: 5 }), { profile });

describe('score-indicator: "=" with target 0 only scores when actual ≤ 0', () => {
  it('0起 vs 0起 → full', () => {
    const r = score('0起', '0起');
    expect(r.status).toBe('met');
    expect(r.computed!.toString()).toBe('5');
  });
  it('=0 vs 1 → 0', () => {
    const r = score('=0', '1');
    expect(r.status).toBe('unmet');
    expect(r.computed!.isZero()).toBe(true);
    expect(r.explanation).toContain('不为 0');
  });
  it('"=" with a positive target is scored like "≥": =100% vs 90% → 5 × 90 ÷ 100', () => {
    expect(score('=100%', '90%').computed!.toString()).toBe('4.5');
  });
});
