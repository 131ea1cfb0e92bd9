import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { baseDataSums } from './base-data-sums.js';

describe('base-data-sums', () => {
  it('fires when 三公经费 0.33 is not reception 0.31 + vehicles 0.05 (empty overseas cell counts as none)', () => {
    const f = run(baseDataSums, {
      baseData: { threePublic: { total: { actual: '0.33' }, reception: { actual: '0.31' }, vehicles: { actual: '0.05' } } },
    });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '0.33', expected: '0.36', difference: '-0.03', location: { path: 'baseData.threePublic.total.actual' } });
  });
  it('does not fire when 三公经费 equals 公务接待 alone (0.31 / 0.33 / 0.33)', () => {
    const row = { priorActual: '0.31', budget: '0.33', actual: '0.33' };
    expect(run(baseDataSums, { baseData: { threePublic: { total: row, reception: row } } })).toEqual([]);
  });
  it('fires when project lines do not add up to the project row', () => {
    const f = run(baseDataSums, {
      baseData: { project: { actual: '70' }, projectLines: [{ name: '业务工作经费', actual: '60.89' }] },
    });
    expect(f.map((x) => x.location.path)).toEqual(['baseData.project.actual']);
  });
});
