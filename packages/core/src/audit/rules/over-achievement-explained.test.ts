import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { overAchievementExplained } from './over-achievement-explained.js';

const leaf = (actual: string, reason: string | null = null) => ({
  indicators: [{ name: '产出指标', children: [{ name: '数量指标', children: [{ name: '开展巡察整改评估', target: '≥10', actual, weight: '10', selfScore: '10', deviationReason: reason }] }] }],
});

describe('over-achievement-explained', () => {
  it('fires at the boundary: actual 12 against ≥10 (120%) with no explanation', () => {
    const f = run(overAchievementExplained, leaf('12'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '120', expected: '120' });
  });
  it('does not fire just below the threshold (11.9 of 10)', () => {
    expect(run(overAchievementExplained, leaf('11.9'))).toEqual([]);
  });
  it('does not fire when the over-achievement is explained', () => {
    expect(run(overAchievementExplained, leaf('20', '上级临时追加整改评估任务'))).toEqual([]);
  });
});
