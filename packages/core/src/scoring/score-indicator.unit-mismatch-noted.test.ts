import { describe, expect, it } from 'vitest';
import { Indicator } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreIndicator } from './score-indicator.js';

const profile = getProfile('national');
const score = (target: string, actual: string) =>
  scoreIndicator(Indicator.parse({ name: '成本', target, actual, weight: 10 }), { profile });

describe('score-indicator: different units are noted, never silently converted', () => {
  it('≤90万元 vs 900000元 → scored as written, with a note', () => {
    const r = score('≤90万元', '900000元');
    expect(r.explanation).toContain('不一致，未换算');
    expect(r.computed!.toString()).toBe('0.001');
  });
  it('same unit → no note', () => {
    expect(score('≤90万元', '80万元').explanation).not.toContain('未换算');
  });
  it('a bare actual number under a percent target → no note (the unit is implied)', () => {
    expect(score('≥95%', '96').explanation).not.toContain('未换算');
  });
});
