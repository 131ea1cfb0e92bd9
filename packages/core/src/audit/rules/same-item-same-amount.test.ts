import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { sameItemSameAmount } from './same-item-same-amount.js';

const breakdown = (value: string) => ({
  type: 'sum',
  total: { label: '项目支出', value: '2604.1' },
  parts: [{ label: '案件审判', value }, { label: '“两庭”建设', value: '411.27' }],
});
const lines = [
  { name: '案件审判', initial: '411.95', adjusted: null, executed: '411.95' },
  { name: '两庭建设', initial: '411.27', adjusted: null, executed: '411.27' },
];

describe('same-item-same-amount', () => {
  it('an item of a breakdown with none of the amounts the project list gives it', () => {
    const f = run(sameItemSameAmount, { claims: [breakdown('414.35')], funds: { projectLines: lines } });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '414.35', expected: '411.95', difference: '2.4' });
    expect(f[0]!.message).toContain('案件审判');
  });

  it('the same amount, or an item the list does not name (quotes and spaces aside), is nothing', () => {
    expect(run(sameItemSameAmount, { claims: [breakdown('411.95')], funds: { projectLines: lines } })).toEqual([]);
    expect(run(sameItemSameAmount, { claims: [breakdown('411.95')], funds: { projectLines: [] } })).toEqual([]);
  });
});
