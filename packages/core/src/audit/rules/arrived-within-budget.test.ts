import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { arrivedWithinBudget } from './arrived-within-budget.js';

describe('arrived-within-budget', () => {
  it('does not fire when everything budgeted arrived (52.8 of 52.8)', () => {
    expect(run(arrivedWithinBudget, { funds: { total: { adjusted: '52.8', arrived: '52.8' } } })).toEqual([]);
  });
  it('fires on the total and on a row where more arrived than was budgeted (60 > 52.8; 中央 55 > 50)', () => {
    const out = run(arrivedWithinBudget, {
      kind: 'transfer',
      funds: {
        total: { adjusted: '52.8', arrived: '60' },
        bySource: [
          { source: 'central', label: '中央财政资金', adjusted: '50', arrived: '55' },
          { source: 'local', adjusted: '2.8', arrived: '2.8' },
        ],
      },
    });
    expect(out.map((f) => [f.location.path, f.reported, f.expected, f.difference])).toEqual([
      ['funds.total.arrived', '60', '52.8', '7.2'],
      ['funds.bySource.0.arrived', '55', '50', '5'],
    ]);
    expect(out[1]!.message).toContain('中央财政资金');
  });
  it('checks nothing when either figure is blank', () => {
    expect(run(arrivedWithinBudget, { funds: { total: { arrived: '60' } } })).toEqual([]);
  });
});
