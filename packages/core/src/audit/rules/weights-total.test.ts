import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { weightsTotal } from './weights-total.js';

const input = (leafWeight: string, statedWeight: string | null) => ({
  budgetExecution: { weight: '10' },
  indicators: [{ name: '产出指标', weight: '90', children: [{ name: '数量指标', children: [{ name: 'a', weight: leafWeight }] }] }],
  totals: { statedWeight },
});

describe('weights-total', () => {
  it('fires when execution 10 + indicators 100 = 110 against a stated total of 100', () => {
    const f = run(weightsTotal, input('100', '100'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '100', expected: '110', difference: '-10', location: { path: 'totals.statedWeight' } });
  });
  it('does not fire when 10 + 90 = 100', () => {
    expect(run(weightsTotal, input('90', '100'))).toEqual([]);
  });
  it('counts the profile’s execution weight when neither it nor the total is stated (10 + 90 = 100)', () => {
    expect(run(weightsTotal, { indicators: [{ name: '产出指标', children: [{ name: '数量指标', children: [{ name: 'a', weight: '90' }] }] }] })).toEqual([]);
  });
  it('compares with the profile total when no total is stated (10 + 80 = 90 ≠ 100)', () => {
    const f = run(weightsTotal, input('80', null));
    expect(f).toHaveLength(1);
    expect(f[0]!.expected).toBe('100');
  });
  it('uses level-1 weights when no indicators are listed (10 + 20 + 40 + 30 = 100)', () => {
    expect(
      run(weightsTotal, {
        budgetExecution: { weight: '10' },
        indicators: [{ name: '投入管理', weight: '20' }, { name: '产出指标', weight: '40' }, { name: '效益指标', weight: '30' }],
        totals: { statedWeight: '100' },
      }),
    ).toEqual([]);
  });
  it('a national transfer: no execution weight, indicators 100 add up; 90 alone does not (0 + 90 ≠ 100)', () => {
    const tree = (w: string) => [{ name: '产出指标', children: [{ name: '数量指标', children: [{ name: 'a', weight: w }] }] }];
    expect(run(weightsTotal, { kind: 'transfer', indicators: tree('100') })).toEqual([]);
    const [f, ...rest] = run(weightsTotal, { kind: 'transfer', indicators: tree('90') });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ reported: '90', expected: '100', difference: '-10' });
    expect(f!.message).not.toContain('预算执行');
  });
});
