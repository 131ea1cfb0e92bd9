import { describe, expect, it } from 'vitest';
import { parseCellNumber } from '../parse-number.js';
import type { FundsColumn } from '../vocab/table-vocab.js';
import { assignValues } from './assign-values.js';

const vals = (...xs: Array<string | null>) => xs.map((x) => (x === null ? null : parseCellNumber(x)));
const named = (cols: FundsColumn[], values: Array<string | null>) => {
  const idx = assignValues(cols, vals(...values));
  return idx === null ? null : values.map((v, i) => `${idx[i]! >= 0 ? cols[idx[i]!] : '—'}=${v}`);
};

describe('assigning the values of a row to its header’s columns', () => {
  it('as many values as columns: in order', () => {
    expect(named(['initial', 'adjusted', 'executed', 'weight', 'rate', 'score'], ['100', '100', '100', '10', '100%', '10'])).toEqual([
      'initial=100', 'adjusted=100', 'executed=100', 'weight=10', 'rate=100%', 'score=10',
    ]);
  });

  it('a row number first, an empty column left out, percentages on the rate columns', () => {
    const cols: FundsColumn[] = ['rowNo', 'adjusted', 'skip', 'skip', 'arrived', 'arrivalRate', 'executed', 'rate', 'skip'];
    expect(named(cols, ['1', '52.800000', '52.800000', '52.800000', '100.00%', '30.800000', '58.33%'])).toEqual([
      'rowNo=1', 'adjusted=52.800000', 'skip=52.800000', 'arrived=52.800000', 'arrivalRate=100.00%', 'executed=30.800000', 'rate=58.33%',
    ]);
  });

  it('sources as columns with only some filled: the totals keep their places, the sources stay unknown', () => {
    const cols: FundsColumn[] = ['part', 'part', 'part', 'part', 'adjusted', 'executed', 'rate'];
    expect(named(cols, ['309', '309', '309', '100%'])).toEqual(['part=309', 'adjusted=309', 'executed=309', 'rate=100%']);
  });

  it('more values than columns cannot be placed', () => {
    expect(named(['adjusted', 'executed'], ['1', '2', '3'])).toBeNull();
  });
});
