import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { evaluationAfterYearEnd } from './evaluation-after-year-end.js';

describe('evaluation-after-year-end', () => {
  it('fires when a 2023 evaluation ran 2023-04-10..2023-04-30', () => {
    const f = run(evaluationAfterYearEnd, { fiscalYear: 2023, dates: { evaluationStart: '2023-04-10', evaluationEnd: '2023-04-30', reportDate: '2024-06-11' } });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('2023-04-10 至 2023-04-30');
    expect(f[0]!.message).toContain('2024-06-11');
  });
  it('fires at the boundary: a report dated on the last day of the year (2023-12-31)', () => {
    expect(run(evaluationAfterYearEnd, { fiscalYear: 2023, dates: { reportDate: '2023-12-31' } })).toHaveLength(1);
  });
  it('does not fire for an evaluation starting on 2024-01-01', () => {
    expect(run(evaluationAfterYearEnd, { fiscalYear: 2023, dates: { evaluationStart: '2024-01-01', evaluationEnd: '2024-03-31', reportDate: '2024-04-01' } })).toEqual([]);
  });
});
