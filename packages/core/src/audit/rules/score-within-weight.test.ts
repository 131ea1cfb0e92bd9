import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { scoreWithinWeight } from './score-within-weight.js';

const tree = (score: string) => ({
  indicators: [{ name: '产出指标', children: [{ name: '数量指标', children: [{ name: '开展常规巡察', weight: '10', selfScore: score }] }] }],
});

describe('score-within-weight', () => {
  it('fires when a leaf scores 10.5 of 10', () => {
    const f = run(scoreWithinWeight, tree('10.5'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '10.5', expected: '10', difference: '0.5', location: { path: 'indicators.0.children.0.children.0.selfScore' } });
  });
  it('does not fire at the boundary: 10 of 10', () => {
    expect(run(scoreWithinWeight, tree('10'))).toEqual([]);
  });
  it('fires when the execution score exceeds its weight', () => {
    expect(run(scoreWithinWeight, { budgetExecution: { weight: '10', selfScore: '12' } })).toHaveLength(1);
  });
});
