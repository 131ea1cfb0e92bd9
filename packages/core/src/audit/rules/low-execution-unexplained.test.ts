import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { lowExecutionUnexplained } from './low-execution-unexplained.js';

const funds = (executed: string) => ({ total: { initial: null, adjusted: '239', executed } });
const noProblems = { type: 'statement', says: 'no_problems', text: '运转正常,暂无问题' };

describe('low-execution-unexplained', () => {
  it('36.43% spent while the text says there are no problems', () => {
    const f = run(lowExecutionUnexplained, { kind: 'project', funds: funds('87.06'), claims: [noProblems] });
    expect(f).toHaveLength(1);
    expect(f[0]!.reported).toBe('36.43');
    expect(f[0]!.message).toContain('87.06');
    expect(f[0]!.message).toContain('239');
  });

  it('nothing when the money was spent, or when the text does not say all is well', () => {
    expect(run(lowExecutionUnexplained, { kind: 'project', funds: funds('239'), claims: [noProblems] })).toEqual([]);
    expect(run(lowExecutionUnexplained, { kind: 'project', funds: funds('87.06'), claims: [] })).toEqual([]);
  });
});

describe('low-execution-unexplained on a transfer (whose form does not score execution)', () => {
  it('uses executed ÷ budget', () => {
    const f = run(lowExecutionUnexplained, { kind: 'transfer', funds: { total: { adjusted: '100', executed: '40' } }, claims: [{ type: 'statement', says: 'runs_normally', text: '项目运行良好' }] });
    expect(f.map((x) => x.reported)).toEqual(['40']);
  });
});
