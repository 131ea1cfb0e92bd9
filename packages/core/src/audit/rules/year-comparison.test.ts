import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { yearComparison } from './year-comparison.js';

describe('year-comparison', () => {
  it('fires when a 2022 report compares with 2020', () => {
    const f = run(yearComparison, { fiscalYear: 2022, claims: [{ type: 'yearComparison', year: 2020 }] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '2020', expected: '2021', difference: '-1' });
  });
  it('does not fire for the previous year (2021 in a 2022 report)', () => {
    expect(run(yearComparison, { fiscalYear: 2022, claims: [{ type: 'yearComparison', year: 2021, statedAs: 'previous_year' }] })).toEqual([]);
  });
  it('fires when a 2022 report compares with its own year', () => {
    expect(run(yearComparison, { fiscalYear: 2022, claims: [{ type: 'yearComparison', year: 2022 }] })).toHaveLength(1);
  });
});
