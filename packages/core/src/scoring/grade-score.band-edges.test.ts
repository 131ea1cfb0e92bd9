import { describe, expect, it } from 'vitest';
import { dec } from '../decimal/decimal.js';
import { getProfile } from '../profiles/get-profile.js';
import { gradeBandOf, gradeScore } from './grade-score.js';

describe('grade-score: band edges belong to the higher grade', () => {
  const national = getProfile('national');
  const cases: Array<[string, string]> = [
    ['100', '优'],
    ['90', '优'],
    ['89.99', '良'],
    ['80', '良'],
    ['79.999', '中'],
    ['60', '中'],
    ['59.99', '差'],
    ['0', '差'],
  ];
  for (const [score, grade] of cases) {
    it(`national: ${score} → ${grade}`, () => {
      expect(gradeScore(dec(score), national)).toBe(grade);
    });
  }

  it('hebei: 85 → 优秀, 84.99 → 良好, 75 → 良好, 74.99 → 一般, 60 → 一般, 59.99 → 较差', () => {
    const hebei = getProfile('hebei');
    expect(['85', '84.99', '75', '74.99', '60', '59.99'].map((s) => gradeScore(dec(s), hebei))).toEqual([
      '优秀',
      '良好',
      '良好',
      '一般',
      '一般',
      '较差',
    ]);
  });

  it('gives the band bounds: 良 is [80, 90)', () => {
    const b = gradeBandOf(dec(85), national);
    expect([b.name, b.min.toString(), b.max!.toString()]).toEqual(['良', '80', '90']);
    expect(gradeBandOf(dec(95), national).max).toBeNull();
  });

  it('scores above 100 (e.g. 110-point tables) stay in the top grade', () => {
    expect(gradeScore(dec('109.96'), national)).toBe('优');
  });
});
