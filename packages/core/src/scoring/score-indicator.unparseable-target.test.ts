import { describe, expect, it } from 'vitest';
import { Indicator } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreIndicator } from './score-indicator.js';

const profile = getProfile('national');

describe('score-indicator: a garbled or missing target is reported, not scored', () => {
  it('低于达到0.5%及以上 → unparseable with the contradiction', () => {
    const r = scoreIndicator(Indicator.parse({ name: '大型会议控制率', target: '低于达到0.5%及以上', actual: '0.3%', weight: 5 }), {
      profile,
    });
    expect(r.status).toBe('unparseable');
    expect(r.computed).toBeNull();
    expect(r.explanation).toContain('方向矛盾');
  });
  it('no target text → no_target', () => {
    const r = scoreIndicator(Indicator.parse({ name: 'x', actual: '3', weight: 5 }), { profile });
    expect(r.status).toBe('no_target');
  });
  it('no weight → status still decided, no computed score', () => {
    const r = scoreIndicator(Indicator.parse({ name: 'x', target: '≥3', actual: '2' }), { profile });
    expect(r.status).toBe('unmet');
    expect(r.computed).toBeNull();
    expect(r.explanation).toContain('未填写分值');
  });
});
