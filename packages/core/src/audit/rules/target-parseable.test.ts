import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { targetParseable } from './target-parseable.js';

const goal = (target: string) => ({ goals: [{ title: '会议保障', targets: [{ name: '大型会议控制率', target }] }] });

describe('target-parseable', () => {
  it('fires for the self-contradictory "低于达到 0.5%及以上"', () => {
    const f = run(targetParseable, goal('低于达到 0.5%及以上'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '低于达到 0.5%及以上', location: { path: 'goals.0.targets.0' } });
  });
  it('does not fire for "达到 90%及以上"', () => {
    expect(run(targetParseable, goal('达到 90%及以上'))).toEqual([]);
  });
  it('fires for a contradictory target in the indicator table', () => {
    const f = run(targetParseable, {
      indicators: [{ name: '产出指标', children: [{ name: '质量指标', children: [{ name: '控制率', target: '低于达到 0.5%及以上', actual: '0.3%', weight: '5' }] }] }],
    });
    expect(f.map((x) => x.location.path)).toEqual(['indicators.0.children.0.children.0.target']);
  });
});
