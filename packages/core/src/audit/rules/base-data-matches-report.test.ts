import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { baseDataMatchesReport } from './base-data-matches-report.js';

describe('base-data-matches-report', () => {
  it('fires when the sheet says 公用经费 55.51 and the table 56.51', () => {
    const f = run(baseDataMatchesReport, {
      funds: { operating: { executed: '56.51' } },
      baseData: { operating: { actual: '55.51' } },
    });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '56.51', expected: '55.51', difference: '1', location: { path: 'funds.operating.executed' } });
  });
  it('does not fire when the project lines (empty total row) add to the reported 60.89', () => {
    expect(
      run(baseDataMatchesReport, {
        funds: { project: { executed: '60.89' }, operating: { executed: '55.51' } },
        baseData: { projectLines: [{ name: '业务工作经费', actual: '60.89' }], operating: { actual: '55.51' } },
      }),
    ).toEqual([]);
  });
});
