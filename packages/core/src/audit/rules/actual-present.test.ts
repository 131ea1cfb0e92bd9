import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { actualPresent } from './actual-present.js';

const leaf = (actual: string | null, target = '≥95%') => ({
  indicators: [{ name: '产出指标', children: [{ name: '质量指标', children: [{ name: '验收合格率', target, actual, weight: '10', selfScore: '10' }] }] }],
});

describe('actual-present', () => {
  it('fires when a ≥95% target has an empty actual', () => {
    const f = run(actualPresent, leaf(null));
    expect(f).toHaveLength(1);
    expect(f[0]!.location.path).toBe('indicators.0.children.0.children.0.actual');
  });
  it('fires when a ≥95% target has a word for an actual (“较好”)', () => {
    expect(run(actualPresent, leaf('较好'))).toHaveLength(1);
  });
  it('does not fire for a numeric actual (95%)', () => {
    expect(run(actualPresent, leaf('95%'))).toEqual([]);
  });
  it('does not fire for a qualitative target with a word actual', () => {
    expect(run(actualPresent, leaf('增强', '增强'))).toEqual([]);
  });
});
