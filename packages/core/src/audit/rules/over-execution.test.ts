import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { overExecution } from './over-execution.js';

describe('over-execution', () => {
  it('fires when 429.59 is spent against a budget of 397.72 with no adjusted budget or rate (31.87, 8.01%)', () => {
    const f = run(overExecution, { funds: { total: { initial: '397.72', executed: '429.59' } } });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '429.59', expected: '397.72', difference: '31.87' });
    expect(f[0]!.message).toContain('8.01%');
  });
  it('does not fire at the boundary: executed equals the adjusted budget (276.7)', () => {
    expect(run(overExecution, { funds: { total: { initial: '263.38', adjusted: '276.7', executed: '276.7' } } })).toEqual([]);
  });
  it('judges against the adjusted budget when there is one (executed 300 > initial 263.38 but < adjusted 310)', () => {
    expect(run(overExecution, { funds: { total: { initial: '263.38', adjusted: '310', executed: '300' } } })).toEqual([]);
  });
});
