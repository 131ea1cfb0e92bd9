import { describe, expect, it } from 'vitest';
import { diffJson } from './diff-json.js';

describe('diffJson', () => {
  it('records only the changed leaves, with their values on both sides', () => {
    const d = diffJson(
      { totals: { statedScore: '97.5', statedGrade: '优' }, indicators: [{ name: 'a', actual: '1' }] },
      { totals: { statedScore: '96', statedGrade: '优' }, indicators: [{ name: 'a', actual: '2' }, { name: 'b' }] },
    );
    expect(d.before).toEqual({ 'totals.statedScore': '97.5', 'indicators.0.actual': '1', 'indicators.1.name': null });
    expect(d.after).toEqual({ 'totals.statedScore': '96', 'indicators.0.actual': '2', 'indicators.1.name': 'b' });
  });

  it('identical documents give an empty diff; removed leaves become null after', () => {
    expect(diffJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual({ before: {}, after: {} });
    expect(diffJson({ a: { b: 1 } }, { a: {} })).toEqual({ before: { 'a.b': 1, a: null }, after: { 'a.b': null, a: {} } });
  });
});
