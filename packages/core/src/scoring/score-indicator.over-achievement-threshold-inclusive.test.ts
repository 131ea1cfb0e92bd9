import { describe, expect, it } from 'vitest';
import { Indicator } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { Profile } from '../profiles/profile.js';
import { scoreIndicator } from './score-indicator.js';

const national = getProfile('national');
const score = (actual: string, profile = national) =>
  scoreIndicator(Indicator.parse({ name: '培训', target: '≥100人次', actual, weight: 10 }), { profile });

describe('score-indicator: over-achievement at or above the threshold is flagged', () => {
  it('exactly 120% of the target → over_achieved, still full weight', () => {
    const r = score('120');
    expect(r.status).toBe('over_achieved');
    expect(r.computed!.toString()).toBe('10');
    expect(r.explanation).toContain('须说明超额原因');
  });
  it('119.99% → met, not flagged', () => {
    expect(score('119.99').status).toBe('met');
  });
  it('a 130% profile (Guangxi style) does not flag 120%', () => {
    const p130 = Profile.parse({ ...national, quantitative: { overAchievementThreshold: '1.3' } });
    expect(score('120', p130).status).toBe('met');
    expect(score('130', p130).status).toBe('over_achieved');
  });
});
