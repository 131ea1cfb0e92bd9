import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { indicatorTablePresent } from './indicator-table-present.js';

describe('indicator-table-present', () => {
  it('fires when there are no indicators and nothing is scored', () => {
    expect(run(indicatorTablePresent, { funds: { total: { executed: '10' } } })).toHaveLength(1);
  });
  it('does not fire when only a total is stated (another rule asks for the scores behind it)', () => {
    expect(run(indicatorTablePresent, { totals: { statedScore: '99' } })).toEqual([]);
  });
  it('does not fire when level-1 indicators are listed', () => {
    expect(run(indicatorTablePresent, { indicators: [{ name: '产出指标', weight: '40' }] })).toEqual([]);
  });
});
