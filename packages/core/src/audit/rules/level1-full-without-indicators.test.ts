import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { level1FullWithoutIndicators } from './level1-full-without-indicators.js';

describe('level1-full-without-indicators', () => {
  it('fires when 产出指标 scores 40 of 40 with no indicators listed', () => {
    const f = run(level1FullWithoutIndicators, { indicators: [{ name: '产出指标', weight: '40', selfScore: '40' }] });
    expect(f).toHaveLength(1);
    expect(f[0]!.reported).toBe('40');
  });
  it('does not fire below full marks (18 of 20)', () => {
    expect(run(level1FullWithoutIndicators, { indicators: [{ name: '投入管理', weight: '20', selfScore: '18' }] })).toEqual([]);
  });
  it('does not fire when indicators are listed', () => {
    expect(
      run(level1FullWithoutIndicators, { indicators: [{ name: '产出指标', weight: '10', selfScore: '10', children: [{ name: '数量指标', children: [{ name: 'a', weight: '10', selfScore: '10' }] }] }] }),
    ).toEqual([]);
  });
});
