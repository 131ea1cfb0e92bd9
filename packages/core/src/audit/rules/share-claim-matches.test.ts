import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { shareClaimMatches } from './share-claim-matches.js';

const share = (part: string, whole: string, percent: string) => ({
  type: 'share' as const,
  part: { label: '基本支出', value: part },
  whole: { label: '本年整体支出', value: whole },
  percent,
});

describe('share-claim-matches', () => {
  it('fires when 215.81 / 276.7 = 77.99% is stated as 79.99%', () => {
    const f = run(shareClaimMatches, { claims: [share('215.81', '276.7', '79.99')] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '79.99', expected: '77.99', difference: '2' });
  });
  it('does not fire when 215.81 / 276.7 = 77.994…% is stated as 77.99%', () => {
    expect(run(shareClaimMatches, { claims: [share('215.81', '276.7', '77.99')] })).toEqual([]);
  });
  it('leaves a truncated 36.6% for 11/30 to the rounding rule (misrounded is not an error)', () => {
    expect(run(shareClaimMatches, { claims: [share('11', '30', '36.6')] })).toEqual([]);
  });
  it('fires at one full unit off: 11/30 stated as 36.5%', () => {
    expect(run(shareClaimMatches, { claims: [share('11', '30', '36.5')] })).toHaveLength(1);
  });
});
