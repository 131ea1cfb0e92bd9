import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { changeClaimMatches } from './change-claim-matches.js';
import { percentRounding } from './percent-rounding.js';

const change = (o: { current: string; previous?: string; delta?: string; direction: 'up' | 'down'; percent: string }) => ({
  type: 'change' as const,
  current: { label: '收入', value: o.current },
  previous: o.previous ? { label: '上年', value: o.previous } : null,
  delta: o.delta ? { label: o.direction === 'up' ? '增加' : '减少', value: o.delta } : null,
  direction: o.direction,
  percent: o.percent,
  text: null,
});

describe('change-claim-matches', () => {
  it('fires when 1050 against last year 1000 (5%) is stated as a 6% rise', () => {
    const f = run(changeClaimMatches, { claims: [change({ current: '1050', previous: '1000', direction: 'up', percent: '6' })] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '6', expected: '5', difference: '1' });
  });
  it('recomputes last year from the change in amount: 1050 after a 50 rise is 50 ÷ 1000 = 5%', () => {
    expect(run(changeClaimMatches, { claims: [change({ current: '1050', delta: '50', direction: 'up', percent: '5.0' })] })).toEqual([]);
    expect(run(changeClaimMatches, { claims: [change({ current: '1050', delta: '50', direction: 'up', percent: '5.5' })] })).toHaveLength(1);
  });
  it('a fall: 10 against 12 is 16.67% down; 20% is an error, 16.67% is not', () => {
    expect(run(changeClaimMatches, { claims: [change({ current: '10', previous: '12', direction: 'down', percent: '16.67' })] })).toEqual([]);
    expect(run(changeClaimMatches, { claims: [change({ current: '10', previous: '12', direction: 'down', percent: '20' })] })).toHaveLength(1);
    expect(run(changeClaimMatches, { claims: [change({ current: '10', delta: '2', direction: 'down', percent: '16.67' })] })).toEqual([]);
  });
  it('judges within the printed precision, and leaves a truncated percent to the rounding rule', () => {
    // 10 against 12: 16.666…% — 16.7 is right at one place, 16.6 truncated
    expect(run(changeClaimMatches, { claims: [change({ current: '10', previous: '12', direction: 'down', percent: '16.6' })] })).toEqual([]);
    expect(run(percentRounding, { claims: [change({ current: '10', previous: '12', direction: 'down', percent: '16.6' })] })).toHaveLength(1);
  });
  it('says nothing when last year was nothing, or the figures move the other way than the words', () => {
    expect(run(changeClaimMatches, { claims: [change({ current: '10', previous: '0', direction: 'up', percent: '100' })] })).toEqual([]);
    expect(run(changeClaimMatches, { claims: [change({ current: '10', previous: '12', direction: 'up', percent: '20' })] })).toEqual([]);
  });
});
