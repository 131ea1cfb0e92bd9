import { describe, expect, it } from 'vitest';
import { allocate, planSample, targetSize, type SampleCandidate, type SampleSettings } from './plan-sample.js';

/** 20 evaluations: department 1 has ids 1–12 (8 projects, 4 transfers), department 2 ids 13–20 (projects). */
const POP: SampleCandidate[] = Array.from({ length: 20 }, (_, i) => {
  const id = i + 1;
  return {
    id,
    departmentId: id <= 12 ? 1 : 2,
    departmentName: id <= 12 ? '教育局' : '卫健委',
    kind: id <= 8 || id > 12 ? 'project' : 'transfer',
    amount: String(id * 50),
    lastYearPoor: id === 3,
  };
});

const settings = (over: Partial<SampleSettings> = {}): SampleSettings => ({
  ratio: null,
  count: null,
  strata: [],
  amountBands: [],
  mandatory: { amountAtLeast: null, lastYearPoor: false },
  seed: 's-1',
  ...over,
});

describe('targetSize', () => {
  it('a ratio is rounded half up, at least one', () => {
    expect(targetSize({ ratio: '0.25', count: null }, 10)).toBe(3); // 2.5 → 3 (四舍五入)
    expect(targetSize({ ratio: '0.01', count: null }, 10)).toBe(1);
    expect(targetSize({ ratio: '0.2', count: null }, 0)).toBe(0);
  });
});

describe('allocate', () => {
  it('shares by largest remainder and never beyond a stratum', () => {
    expect(allocate(5, [12, 8])).toEqual([3, 2]);
    expect(allocate(3, [1, 1, 1, 1])).toEqual([1, 1, 1, 0]);
    expect(allocate(10, [2, 30])).toEqual([1, 9]);
  });
});

describe('planSample', () => {
  it('a ratio over department strata gives each department its share, reproducibly', () => {
    const a = planSample(POP, settings({ ratio: '0.25', strata: ['department'] }));
    expect(a.target).toBe(5);
    expect(a.strata.map((s) => [s.label, s.population, s.quota])).toEqual([
      ['教育局', 12, 3],
      ['卫健委', 8, 2],
    ]);
    expect(a.ids).toHaveLength(5);
    expect(a.ids.filter((id) => id <= 12)).toHaveLength(3);
    expect(planSample([...POP].reverse(), settings({ ratio: '0.25', strata: ['department'] })).ids).toEqual(a.ids);
    expect(planSample(POP, settings({ ratio: '0.25', strata: ['department'], seed: 'other' })).ids).not.toEqual(a.ids);
  });

  it('strata combine (department × kind) and amount bands label their ranges', () => {
    const p = planSample(POP, settings({ count: 6, strata: ['department', 'kind'] }));
    expect(p.strata.map((s) => s.label)).toEqual(['教育局 · 项目支出', '教育局 · 转移支付', '卫健委 · 项目支出']);
    // 6 × 8/20 = 2.4, 6 × 4/20 = 1.2, 2.4: floors 2 + 1 + 2, the one left goes to the first largest remainder
    expect(p.strata.map((s) => s.quota)).toEqual([3, 1, 2]);
    const bands = planSample(POP, settings({ count: 4, strata: ['amountBand'], amountBands: ['300', '800'] }));
    expect(bands.strata.map((s) => [s.label, s.population])).toEqual([
      ['300 万元以下', 5],
      ['300–800 万元', 10],
      ['800 万元及以上', 5],
    ]);
  });

  it('mandatory inclusion comes first and counts toward the stratum quota', () => {
    const p = planSample(POP, settings({ count: 4, mandatory: { amountAtLeast: '900', lastYearPoor: true } }));
    expect(p.mandatory.map((m) => m.id)).toEqual([3, 18, 19, 20]);
    expect(p.mandatory[0]!.reason).toContain('上年');
    expect(p.mandatory[1]!.reason).toContain('900');
    expect(p.ids).toEqual([3, 18, 19, 20]);
    // more mandatory than asked: all of them are in, nothing drawn besides
    const q = planSample(POP, settings({ count: 2, mandatory: { amountAtLeast: '900', lastYearPoor: true } }));
    expect(q.ids).toEqual([3, 18, 19, 20]);
  });
});
