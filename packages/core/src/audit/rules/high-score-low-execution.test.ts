import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { highScoreLowExecution } from './high-score-low-execution.js';

const input = (executed: string, score = '95') => ({
  funds: { total: { adjusted: '100', executed } },
  totals: { statedScore: score },
});

describe('high-score-low-execution', () => {
  it('fires when a 优 score of 95 comes with 89.99% execution (below 90%)', () => {
    const f = run(highScoreLowExecution, input('89.99'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '89.99', expected: '90' });
  });
  it('does not fire at the boundary: exactly 90% execution', () => {
    expect(run(highScoreLowExecution, input('90'))).toEqual([]);
  });
  it('does not fire when the score is below the top grade (89 with 50% execution)', () => {
    expect(run(highScoreLowExecution, input('50', '89'))).toEqual([]);
  });
});
