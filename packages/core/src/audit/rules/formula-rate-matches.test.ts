import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { formulaRateMatches } from './formula-rate-matches.js';

const building = (rate: string) => ({
  baseData: { buildings: [{ name: '办公楼', approvedSize: '1000', actualSize: '1100', statedSizeControlRate: rate }] },
});

describe('formula-rate-matches', () => {
  it('fires when a building size control rate of 1100 ÷ 1000 = 110% is stated as 100%', () => {
    const f = run(formulaRateMatches, building('100'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '100', expected: '110', difference: '-10' });
  });
  it('does not fire for 110%', () => {
    expect(run(formulaRateMatches, building('110'))).toEqual([]);
  });
  it('leaves the staffing control rate to its own rule', () => {
    expect(run(formulaRateMatches, { baseData: { staffing: { authorized: 12, actual: 11, statedControlRate: '50' } } })).toEqual([]);
  });
});
