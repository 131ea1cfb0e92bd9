import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { totalWithoutIndicatorScores } from './total-without-indicator-scores.js';

describe('total-without-indicator-scores', () => {
  it('fires when a total of 99 has no indicator-level score behind it', () => {
    const f = run(totalWithoutIndicatorScores, { totals: { statedScore: '99' } });
    expect(f).toHaveLength(1);
    expect(f[0]!.reported).toBe('99');
  });
  it('does not fire when level-1 scores are given (a score table without leaves)', () => {
    expect(run(totalWithoutIndicatorScores, { totals: { statedScore: '91' }, indicators: [{ name: '产出指标', weight: '40', selfScore: '40' }] })).toEqual([]);
  });
  it('does not fire when no total is stated', () => {
    expect(run(totalWithoutIndicatorScores, {})).toEqual([]);
  });
});
