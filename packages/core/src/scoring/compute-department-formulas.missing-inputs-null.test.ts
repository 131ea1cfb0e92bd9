import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { computeDepartmentFormulas } from './compute-department-formulas.js';

describe('compute-department-formulas: missing or zero inputs give null, with the reason', () => {
  it('without a base-data sheet every formula is null and says what is missing', () => {
    const fs = computeDepartmentFormulas(Evaluation.parse({ kind: 'department', fiscalYear: 2023 }));
    expect(fs.length).toBeGreaterThanOrEqual(10);
    for (const f of fs) {
      expect(f.value).toBeNull();
      expect(f.explanation).toMatch(/^缺少/);
    }
    expect(new Set(fs.map((f) => f.id)).size).toBe(fs.length);
  });
  it('a zero denominator is null, not Infinity', () => {
    const e = Evaluation.parse({
      kind: 'department',
      fiscalYear: 2023,
      baseData: { staffing: { authorized: 0, actual: 3 }, threePublic: { total: { priorActual: '0', actual: '1' } } },
    });
    const fs = computeDepartmentFormulas(e);
    const staffing = fs.find((f) => f.id === 'staffing-control-rate')!;
    expect(staffing.value).toBeNull();
    expect(staffing.explanation).toContain('编制数为 0');
    expect(fs.find((f) => f.id === 'three-public-change-rate')!.value).toBeNull();
  });
  it('one entry per building when several are listed', () => {
    const e = Evaluation.parse({
      kind: 'department',
      fiscalYear: 2023,
      baseData: {
        buildings: [
          { name: '办公楼', approvedSize: '1000', actualSize: '1100', statedSizeControlRate: '110%' },
          { name: '食堂', budgetInvestment: '50', actualInvestment: '40' },
        ],
      },
    });
    const fs = computeDepartmentFormulas(e).filter((f) => f.id.startsWith('building-'));
    expect(fs.map((f) => f.id)).toEqual([
      'building-size-control-rate.0',
      'building-investment-control-rate.0',
      'building-size-control-rate.1',
      'building-investment-control-rate.1',
    ]);
    expect(fs[0]!.value!.toString()).toBe('1.1');
    expect(fs[0]!.stated).toBe('110');
    expect(fs[0]!.name).toBe('楼堂馆所面积控制率（办公楼）');
    expect(fs[3]!.value!.toString()).toBe('0.8');
  });
});
