import { describe, expect, it } from 'vitest';
import { Indicator } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { Profile } from '../profiles/profile.js';
import { scoreIndicator } from './score-indicator.js';

const linear = Profile.parse({ ...getProfile('national'), reverse: { formula: 'linear_to_zero' } });
const score = (actual: string) =>
  scoreIndicator(Indicator.parse({ name: '成本', target: '≤100万元', actual, weight: 10 }), { profile: linear });

describe('score-indicator: linear_to_zero reaches 0 at twice the target and never goes below', () => {
  it('150 → 10 × (1 − 50 ÷ 100) = 5', () => {
    expect(score('150').computed!.toString()).toBe('5');
  });
  it('exactly twice the target (200) → 0', () => {
    expect(score('200').computed!.isZero()).toBe(true);
  });
  it('beyond twice the target (300) → floored at 0, not negative', () => {
    const r = score('300');
    expect(r.computed!.isZero()).toBe(true);
    expect(r.computed!.isNegative()).toBe(false);
  });
});
