import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { executionScoreMatches } from './execution-score-matches.js';

const input = (score: string) => ({
  funds: { total: { initial: '7319.56', adjusted: '1770.59', executed: '1770.59' } },
  budgetExecution: { weight: '10', selfScore: score },
});

describe('execution-score-matches', () => {
  it('fires when 3 of 10 fits neither base (10 against adjusted, 2.42 against initial)', () => {
    const f = run(executionScoreMatches, input('3'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '3', expected: '10', difference: '-7' });
    expect(f[0]!.message).toContain('2.42');
    expect(f[0]!.message).toContain('都不符');
  });
  it('fires and names the wrong base when the score is 2.42 (the initial budget)', () => {
    const f = run(executionScoreMatches, input('2.42'));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('计分口径有误');
  });
  it('does not fire for 10 of 10 at 100% execution', () => {
    expect(run(executionScoreMatches, input('10'))).toEqual([]);
  });
});
