import { describe, expect, it } from 'vitest';
import { getIn, mergeThreeWay, setIn } from './paths.js';

describe('setIn / getIn', () => {
  it('copies only the objects along the path (untouched rows keep their identity)', () => {
    const doc = { indicators: [{ children: [{ name: 'a' }, { name: 'b' }] }, { children: [] }] };
    const next = setIn(doc, 'indicators.0.children.1.name', 'B');
    expect(getIn(next, 'indicators.0.children.1.name')).toBe('B');
    expect(next.indicators[0]!.children[0]).toBe(doc.indicators[0]!.children[0]);
    expect(next.indicators[1]).toBe(doc.indicators[1]);
    expect(doc.indicators[0]!.children[1]!.name).toBe('b');
  });
  it('creates missing objects and arrays', () => {
    expect(setIn({} as Record<string, unknown>, 'funds.bySource.0.executed', '1')).toEqual({ funds: { bySource: [{ executed: '1' }] } });
  });
});

describe('mergeThreeWay', () => {
  const base = { a: '1', b: '2', list: [{ x: '1' }] };
  it('re-applies our changes on top of theirs', () => {
    const mine = { ...base, a: 'mine' };
    const theirs = { ...base, b: 'theirs' };
    const r = mergeThreeWay(base, mine, theirs);
    expect(r.merged).toEqual({ a: 'mine', b: 'theirs', list: [{ x: '1' }] });
    expect(r.conflicts).toEqual([]);
    expect(r.applied).toEqual(['a']);
  });
  it('keeps ours where both changed the same field, and reports it', () => {
    const r = mergeThreeWay(base, { ...base, a: 'mine' }, { ...base, a: 'theirs' });
    expect(r.merged.a).toBe('mine');
    expect(r.conflicts).toEqual(['a']);
  });
  it('is not a conflict when both made the same change', () => {
    const r = mergeThreeWay(base, { ...base, a: 'same' }, { ...base, a: 'same' });
    expect(r.conflicts).toEqual([]);
  });
  it('keeps rows we added to an array', () => {
    const r = mergeThreeWay(base, { ...base, list: [{ x: '1' }, { x: '2' }] }, { ...base, b: 'theirs' });
    expect(r.merged.list).toEqual([{ x: '1' }, { x: '2' }]);
    expect(r.merged.b).toBe('theirs');
  });
});
