import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { level2WithoutIndicators } from './level2-without-indicators.js';

describe('level2-without-indicators', () => {
  it('fires for each empty level-2 row (经济效益指标)', () => {
    const f = run(level2WithoutIndicators, {
      indicators: [{ name: '效益指标', children: [{ name: '经济效益指标' }, { name: '社会效益指标', children: [{ name: 'a', weight: '5' }] }] }],
    });
    expect(f.map((x) => x.location.path)).toEqual(['indicators.0.children.0']);
  });
  it('does not fire when every level-2 row has an indicator', () => {
    expect(run(level2WithoutIndicators, { indicators: [{ name: '效益指标', children: [{ name: '社会效益指标', children: [{ name: 'a' }] }] }] })).toEqual([]);
  });
});
