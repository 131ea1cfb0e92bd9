import { describe, expect, it } from 'vitest';
import { getProfile } from './get-profile.js';
import { matchLevel1Template, normaliseLevel1Name } from './match-level1-template.js';

describe('matchLevel1Template', () => {
  it('matches printed names with weight remarks and line breaks', () => {
    expect(normaliseLevel1Name('产出指标\n\n（50分）')).toBe('产出指标');
    expect(matchLevel1Template('产出指标\n\n（50分）', 'department', getProfile('hunan'))).toEqual({
      name: '产出指标',
      weight: '50',
      alternative: null,
    });
  });
  it('matches aliases and the henan department tree', () => {
    expect(matchLevel1Template('投入管理', 'department', getProfile('henan'))?.weight).toBe('20');
    expect(matchLevel1Template('满意度', 'project', getProfile('national'))?.name).toBe('满意度指标');
  });
  it('finds 成本指标 in the 2021 alternative tree', () => {
    const m = matchLevel1Template('成本指标', 'project', getProfile('national'));
    expect(m?.alternative).toContain('2021');
    expect(m?.weight).toBe('10');
  });
  it('returns null for names outside the templates', () => {
    expect(matchLevel1Template('其他', 'project', getProfile('national'))).toBeNull();
    expect(matchLevel1Template('', 'project', getProfile('national'))).toBeNull();
  });
});
