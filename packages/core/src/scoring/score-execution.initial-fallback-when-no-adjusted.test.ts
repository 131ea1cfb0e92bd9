import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreExecution } from './score-execution.js';

describe('score-execution: falls back to the initial budget only when no adjusted budget is stated', () => {
  it('initial 200, executed 150, no adjusted → 10 × min(150 ÷ 200, 1) = 7.5, saying so', () => {
    const e = Evaluation.parse({ kind: 'project', fiscalYear: 2023, funds: { total: { initial: '200', executed: '150' } } });
    const r = scoreExecution(e, getProfile('national'));
    expect(r.base).toBe('initial');
    expect(r.baseFallback).toBe(true);
    expect(r.computed!.toString()).toBe('7.5');
    expect(r.explanation).toContain('未填写全年预算数，按年初预算数计算');
  });
  it('no executed amount → nothing computed', () => {
    const e = Evaluation.parse({ kind: 'project', fiscalYear: 2023, funds: { total: { initial: '200', adjusted: '200' } } });
    const r = scoreExecution(e, getProfile('national'));
    expect(r.computed).toBeNull();
    expect(r.rate).toBeNull();
    expect(r.explanation).toContain('未填写全年执行数');
  });
  it('a zero budget → nothing computed', () => {
    const e = Evaluation.parse({ kind: 'project', fiscalYear: 2023, funds: { total: { adjusted: '0', executed: '0' } } });
    expect(scoreExecution(e, getProfile('national')).computed).toBeNull();
  });
});
