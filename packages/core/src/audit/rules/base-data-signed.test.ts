import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { baseDataSigned } from './base-data-signed.js';

const sheet = { operating: { budget: '55.51', actual: '55.51' } };

describe('base-data-signed', () => {
  it('fires when a filled base-data sheet has no filler, head signature or date', () => {
    const f = run(baseDataSigned, { baseData: sheet });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('填报日期');
  });
  it('does not fire when signed and dated', () => {
    expect(run(baseDataSigned, { baseData: { ...sheet, signatures: { filler: '张三', head: '李四', date: '2024-03-01' } } })).toEqual([]);
  });
  it('does not fire when only staffing counts are known (no sheet figures)', () => {
    expect(run(baseDataSigned, { baseData: { staffing: { authorized: 20, actual: 18 } } })).toEqual([]);
  });
});
