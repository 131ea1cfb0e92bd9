import { describe, expect, it } from 'vitest';
import { PROFILES, getProfile } from './get-profile.js';
import { COMMON_GRADE_BANDS, commonGradeBand, unmappedGrades } from './common-grade-band.js';
import { knobBasis } from './profile-sources.js';

describe('common grade bands', () => {
  for (const p of PROFILES) {
    it(`${p.id}: every grade maps to a band, highest grade to the highest band, in order, with a source`, () => {
      expect(unmappedGrades(p)).toEqual([]);
      const order = COMMON_GRADE_BANDS.map((b) => b.id);
      const bands = [...p.grades].sort((a, b) => Number(b.min) - Number(a.min)).map((g) => order.indexOf(commonGradeBand(p, g.name)!));
      expect([...bands].sort((a, b) => a - b)).toEqual(bands);
      expect(knobBasis(p, 'gradeBands')).not.toBeNull();
    });
  }

  it('优 (national) and 优秀 (hebei) are one band; 差 and 较差 too', () => {
    expect(commonGradeBand(getProfile('national'), '优')).toBe('excellent');
    expect(commonGradeBand(getProfile('hebei'), '优秀')).toBe('excellent');
    expect(commonGradeBand(getProfile('hebei'), '较差')).toBe(commonGradeBand(getProfile('national'), '差'));
  });

  it('a grade name the profile does not map has no band', () => {
    expect(commonGradeBand(getProfile('national'), '优秀')).toBeNull();
    expect(commonGradeBand({ gradeBands: undefined }, '优')).toBeNull();
    expect(unmappedGrades({ grades: [{ name: '甲', min: '90' }], gradeBands: { 乙: 'good' } })).toEqual(['甲']);
  });
});
