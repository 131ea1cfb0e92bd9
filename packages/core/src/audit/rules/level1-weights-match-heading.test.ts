import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { level1WeightsMatchHeading } from './level1-weights-match-heading.js';

const l1 = (heading: string, weights: string[]) => ({
  indicators: [{ name: '效益指标', weight: heading, children: [{ name: '社会效益指标', children: weights.map((w, k) => ({ name: `指标${k + 1}`, weight: w })) }] }],
});

describe('level1-weights-match-heading', () => {
  it('fires when 效益指标 is headed 30 but its indicators carry 5 + 5 = 10', () => {
    const f = run(level1WeightsMatchHeading, l1('30', ['5', '5']));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '30', expected: '10', difference: '20', location: { path: 'indicators.0.weight' } });
  });
  it('does not fire when 10 + 20 = 30', () => {
    expect(run(level1WeightsMatchHeading, l1('30', ['10', '20']))).toEqual([]);
  });
  it('does not fire when the heading has no weight', () => {
    expect(run(level1WeightsMatchHeading, { indicators: [{ name: '产出指标', children: [{ name: '数量指标', children: [{ name: 'a', weight: '5' }] }] }] })).toEqual([]);
  });
});
