import { describe, expect, it } from 'vitest';
import { Indicator } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreIndicator } from './score-indicator.js';

const profile = getProfile('national');

describe('score-indicator: a negative actual counts as 0', () => {
  it('≥10% with −5% → 0, never negative', () => {
    const r = scoreIndicator(Indicator.parse({ name: '增长率', target: '≥10%', actual: '-5%', weight: 10 }), { profile });
    expect(r.computed!.isZero()).toBe(true);
    expect(r.explanation).toContain('为负，按 0 计');
  });
  it('≤5% with −5% → met (0 ≤ 5)', () => {
    const r = scoreIndicator(Indicator.parse({ name: '变动率', target: '≤5%', actual: '-5%', weight: 10 }), { profile });
    expect(r.status).toBe('met');
    expect(r.computed!.toString()).toBe('10');
  });
});
