import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { selfScorePresent } from './self-score-present.js';

describe('self-score-present', () => {
  it('fires when no total score is stated anywhere', () => {
    const f = run(selfScorePresent, {});
    expect(f).toHaveLength(1);
    expect(f[0]!.location.path).toBe('totals.statedScore');
  });
  it('does not fire when the total is stated (even 0)', () => {
    expect(run(selfScorePresent, { totals: { statedScore: '0' } })).toEqual([]);
  });
});
