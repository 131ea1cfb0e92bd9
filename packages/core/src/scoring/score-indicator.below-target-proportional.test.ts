import { describe, expect, it } from 'vitest';
import { dec, formatDecimal } from '../decimal/decimal.js';
import { Indicator } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreIndicator } from './score-indicator.js';

const profile = getProfile('national');

describe('score-indicator: "≥" below target scores weight × actual ÷ target', () => {
  it('≥95% with 93% of weight 10 → 10 × 93 ÷ 95 = 9.79', () => {
    const r = scoreIndicator(Indicator.parse({ name: '完成率', target: '≥95%', actual: '93%', weight: 10 }), { profile });
    expect(r.status).toBe('unmet');
    expect(r.computed!.equals(dec(10).times(93).dividedBy(95))).toBe(true);
    expect(formatDecimal(r.computed!)).toBe('9.79');
    expect(r.explanation).toContain('10 × 93 ÷ 95 = 9.79');
  });
  it('不少于3次 with 1次 of weight 6 → 2', () => {
    const r = scoreIndicator(Indicator.parse({ name: '培训', target: '不少于3次', actual: '1次', weight: 6 }), { profile });
    expect(r.computed!.toString()).toBe('2');
  });
  it('keeps full precision (no float, no early rounding)', () => {
    const r = scoreIndicator(Indicator.parse({ name: 'x', target: '≥3', actual: '1', weight: 10 }), { profile });
    expect(r.computed!.equals(dec(10).dividedBy(3))).toBe(true);
  });
  it('records the stated score beside the computed one', () => {
    const r = scoreIndicator(Indicator.parse({ name: 'x', target: '≥3', actual: '2', weight: 9, selfScore: 9 }), { profile });
    expect(r.stated!.toString()).toBe('9');
    expect(r.computed!.toString()).toBe('6');
  });
});
