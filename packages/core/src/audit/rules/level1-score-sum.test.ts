import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { level1ScoreSum } from './level1-score-sum.js';

const input = (l1Score: string) => ({
  indicators: [{ name: '产出指标', selfScore: l1Score, children: [{ name: '数量指标', children: [{ name: 'a', weight: '10', selfScore: '9' }, { name: 'b', weight: '10', selfScore: '10' }] }] }],
});

describe('level1-score-sum', () => {
  it('fires when 产出指标 is stated as 20 but its indicators score 9 + 10 = 19', () => {
    const f = run(level1ScoreSum, input('20'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '20', expected: '19', difference: '1' });
  });
  it('does not fire when 9 + 10 = 19', () => {
    expect(run(level1ScoreSum, input('19'))).toEqual([]);
  });
});
