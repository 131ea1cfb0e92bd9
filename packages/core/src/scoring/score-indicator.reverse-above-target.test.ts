import { describe, expect, it } from 'vitest';
import { dec, formatDecimal } from '../decimal/decimal.js';
import { Indicator } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { Profile } from '../profiles/profile.js';
import { scoreIndicator } from './score-indicator.js';

const cost = Indicator.parse({ name: '费用开支控制', target: '≤263.38', actual: '265.45', weight: 5, selfScore: 4 });

describe('score-indicator: reverse ("≤") indicator above its target', () => {
  it('target_over_actual: 5 × 263.38 ÷ 265.45 = 4.96', () => {
    const r = scoreIndicator(cost, { profile: getProfile('national') });
    expect(r.status).toBe('unmet');
    expect(r.computed!.equals(dec(5).times('263.38').dividedBy('265.45'))).toBe(true);
    expect(formatDecimal(r.computed!)).toBe('4.96');
    expect(r.explanation).toContain('5 × 263.38 ÷ 265.45 = 4.96');
    expect(r.achievement!.equals(dec('263.38').dividedBy('265.45'))).toBe(true);
  });

  it('linear_to_zero: 5 × (1 − (265.45 − 263.38) ÷ 263.38) = 4.96', () => {
    const linear = Profile.parse({ ...getProfile('national'), reverse: { formula: 'linear_to_zero' } });
    const r = scoreIndicator(cost, { profile: linear });
    const expected = dec(5).times(dec(1).minus(dec('265.45').minus('263.38').dividedBy('263.38')));
    expect(r.computed!.equals(expected)).toBe(true);
    expect(r.explanation).toContain('5 × (1 − (265.45 − 263.38) ÷ 263.38) = 4.96');
  });

  it('"<" is scored like "≤": 10 × 5 ÷ 8 for <5天 vs 8天', () => {
    const r = scoreIndicator(Indicator.parse({ name: '办结时间', target: '<5天', actual: '8天', weight: 10 }), {
      profile: getProfile('national'),
    });
    expect(r.computed!.toString()).toBe('6.25');
  });

  it('reverse target 0 exceeded scores 0', () => {
    const r = scoreIndicator(Indicator.parse({ name: '安全事故', target: '≤0起', actual: '2起', weight: 5 }), {
      profile: getProfile('national'),
    });
    expect(r.status).toBe('unmet');
    expect(r.computed!.isZero()).toBe(true);
  });
});
