import { describe, expect, it } from 'vitest';
import { dec } from '../decimal/decimal.js';
import { Indicator } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { classifyQualitativeScore } from './classify-qualitative-score.js';
import { scoreIndicator } from './score-indicator.js';

const profile = getProfile('national');

describe('score-indicator: qualitative bands, lower bounds inclusive', () => {
  it('achieved (from the actual word 有效增强) → range [4, 5] of weight 5, computed = 5', () => {
    const r = scoreIndicator(Indicator.parse({ name: '作风', target: '有效增强', actual: '有效增强', weight: 5 }), { profile });
    expect(r.status).toBe('qualitative');
    expect(r.computedRange!.min.toString()).toBe('4');
    expect(r.computedRange!.max.toString()).toBe('5');
    expect(r.computed!.toString()).toBe('5');
  });
  it('the stated qualitativeLevel wins over the actual word', () => {
    const r = scoreIndicator(
      Indicator.parse({ name: '作风', target: '增强', actual: '增强', qualitativeLevel: 'partial', weight: 10 }),
      { profile },
    );
    expect([r.computedRange!.min.toString(), r.computedRange!.max.toString()]).toEqual(['6', '8']);
    expect(r.explanation).toContain('部分达成');
  });
  it('部分达成 → [60%, 80%]; 未达成 → [0, 60%]', () => {
    const p = scoreIndicator(Indicator.parse({ name: 'x', target: '提高', actual: '部分达成', weight: 10 }), { profile });
    expect([p.computedRange!.min.toString(), p.computedRange!.max.toString()]).toEqual(['6', '8']);
    const n = scoreIndicator(Indicator.parse({ name: 'x', target: '提高', actual: '未达成', weight: 10 }), { profile });
    expect([n.computedRange!.min.toString(), n.computedRange!.max.toString()]).toEqual(['0', '6']);
  });
  it('a stated score exactly at 80% of the weight belongs to 达成, at 60% to 部分达成', () => {
    expect(classifyQualitativeScore(dec(8), dec(10), profile)).toBe('achieved');
    expect(classifyQualitativeScore(dec('7.99'), dec(10), profile)).toBe('partial');
    expect(classifyQualitativeScore(dec(6), dec(10), profile)).toBe('partial');
    expect(classifyQualitativeScore(dec('5.99'), dec(10), profile)).toBe('not_achieved');
    expect(classifyQualitativeScore(dec(0), dec(10), profile)).toBe('not_achieved');
    expect(classifyQualitativeScore(dec('10.01'), dec(10), profile)).toBeNull();
  });
  it('是/否 targets compare the words: 否 vs 否 achieved, 否 vs 是 not achieved', () => {
    const ok = scoreIndicator(Indicator.parse({ name: '是否发生事故', target: '否', actual: '否', weight: 5 }), { profile });
    expect(ok.computedRange!.min.toString()).toBe('4');
    const bad = scoreIndicator(Indicator.parse({ name: '是否发生事故', target: '否', actual: '是', weight: 5 }), { profile });
    expect(bad.computedRange!.max.toString()).toBe('3');
  });
  it('an unreadable qualitative actual is not guessed', () => {
    const r = scoreIndicator(Indicator.parse({ name: 'x', target: '提高', actual: '见附件', weight: 5 }), { profile });
    expect(r.status).toBe('unparseable');
    expect(r.computed).toBeNull();
  });
});
