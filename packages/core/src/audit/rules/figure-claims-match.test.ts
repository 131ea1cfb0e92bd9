import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { figureClaimsMatch } from './figure-claims-match.js';

describe('figure-claims-match', () => {
  it('fires when the text says 98 points and the table 99', () => {
    const f = run(figureClaimsMatch, { totals: { statedScore: '99' }, claims: [{ type: 'figure', field: 'selfScore', value: '98' }] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '98', expected: '99', difference: '-1' });
  });
  it('does not fire when the text quotes 276.7 and the table 276.70', () => {
    expect(run(figureClaimsMatch, { funds: { total: { executed: '276.70' } }, claims: [{ type: 'figure', field: 'executed', value: '276.7' }] })).toEqual([]);
  });
  it('treats 优秀 in the text and 优 in the table as the same grade', () => {
    expect(run(figureClaimsMatch, { totals: { statedGrade: '优' }, claims: [{ type: 'figure', field: 'grade', value: '优秀' }] })).toEqual([]);
  });
  it('fires when the text grade differs from the table grade', () => {
    expect(run(figureClaimsMatch, { totals: { statedGrade: '良' }, claims: [{ type: 'figure', field: 'grade', value: '优' }] })).toHaveLength(1);
  });
});
