import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { sumClaims } from './sum-claims.js';

const claim = (total: string) => ({
  type: 'sum' as const,
  total: { label: '基本支出', value: total },
  parts: [
    { label: '人员经费', value: '204.30' },
    { label: '日常公用经费', value: '41.19' },
  ],
});

describe('sum-claims', () => {
  it('fires when the parts add to 245.49 but the text says 254.49', () => {
    const f = run(sumClaims, { claims: [claim('254.49')] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '254.49', expected: '245.49', difference: '9', location: { path: 'claims.0' } });
  });
  it('does not fire when 204.30 + 41.19 = 245.49', () => {
    expect(run(sumClaims, { claims: [claim('245.49')] })).toEqual([]);
  });
});
