import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { allFullMarks } from './all-full-marks.js';

const leaves = (scores: string[]) => ({
  indicators: [{ name: '产出指标', children: [{ name: '数量指标', children: scores.map((s, k) => ({ name: `指标${k + 1}`, weight: '10', selfScore: s })) }] }],
});

describe('all-full-marks', () => {
  it('fires when all 3 indicators (the minimum) score 10 of 10', () => {
    const f = run(allFullMarks, leaves(['10', '10', '10']));
    expect(f).toHaveLength(1);
    expect(f[0]!.reported).toBe('3');
  });
  it('does not fire when one of them scores 9.99', () => {
    expect(run(allFullMarks, leaves(['10', '10', '9.99']))).toEqual([]);
  });
  it('does not fire below the minimum count (2 indicators)', () => {
    expect(run(allFullMarks, leaves(['10', '10']))).toEqual([]);
  });
});
