import { describe, expect, it } from 'vitest';
import { dec, formatDecimal } from '../decimal/decimal.js';
import { Evaluation } from '../model/evaluation.js';
import { computeDepartmentFormulas } from './compute-department-formulas.js';

const evaluation = Evaluation.parse({
  kind: 'department',
  fiscalYear: 2023,
  funds: {
    total: { initial: '263.38', adjusted: '276.7', executed: '276.7' },
    operating: { initial: '55.51', adjusted: '55.51', executed: '55.51' },
  },
  budgetExecution: { statedRate: '100%' },
  baseData: {
    staffing: { authorized: 12, actual: 11, statedControlRate: '91.67%' },
    threePublic: { reception: { priorActual: '0.31', budget: '0.33', actual: '0.33' } },
    operating: { priorActual: '31.97', budget: '55.51', actual: '55.51' },
    procurement: { budget: '20', actual: '18' },
    fixedAssets: { total: '100', inUse: '95' },
    carryOverBalance: '13.835',
  },
});

const byId = (id: string) => computeDepartmentFormulas(evaluation).find((f) => f.id === id)!;

describe('compute-department-formulas: from the base-data sheet', () => {
  it('在职人员控制率 = 11 ÷ 12 = 91.67%, with the stated figure', () => {
    const f = byId('staffing-control-rate');
    expect(f.name).toBe('在职人员控制率');
    expect(f.value!.equals(dec(11).dividedBy(12))).toBe(true);
    expect(f.stated).toBe('91.67');
    expect(f.explanation).toContain('11 ÷ 12 = 91.67%');
  });
  it('三公经费变动率 = (0.33 − 0.31) ÷ 0.31, summed from the parts when the total row is blank', () => {
    const f = byId('three-public-change-rate');
    expect(f.value!.equals(dec('0.02').dividedBy('0.31'))).toBe(true);
    expect(f.explanation).toContain('(0.33 − 0.31) ÷ 0.31 = 6.45%');
  });
  it('三公经费控制率 = 0.33 ÷ 0.33 = 100%', () => {
    expect(byId('three-public-control-rate').value!.toString()).toBe('1');
  });
  it('预算调整率 = (276.7 − 263.38) ÷ 263.38 = 5.06%', () => {
    const f = byId('budget-adjustment-rate');
    expect(formatDecimal(f.value!.times(100))).toBe('5.06');
  });
  it('预算执行率 carries the stated rate', () => {
    const f = byId('budget-execution-rate');
    expect(f.value!.toString()).toBe('1');
    expect(f.stated).toBe('100');
  });
  it('公用经费控制率, 政府采购执行率, 固定资产利用率, 结转结余率', () => {
    expect(byId('operating-control-rate').value!.toString()).toBe('1');
    expect(byId('procurement-execution-rate').value!.toString()).toBe('0.9');
    expect(byId('fixed-asset-utilisation-rate').value!.toString()).toBe('0.95');
    expect(byId('carry-over-rate').value!.equals(dec('13.835').dividedBy('276.7'))).toBe(true);
  });
});
