import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { strayLatinWords, strayLatinWordsRule } from './stray-latin-words.js';

describe('stray-latin-words', () => {
  it('fires for "and" between Chinese words', () => {
    const f = run(strayLatinWordsRule, { chapters: [{ level: 1, number: '一、', title: '目标', body: '提高政策理论水平 and 督查业务能力。' }] });
    expect(f).toHaveLength(1);
    expect(f[0]!.reported).toBe('and');
  });
  it('does not fire for acronyms, LaTeX debris or words next to Latin text', () => {
    expect(strayLatinWords('充分利用新建 OA 系统办公平台')).toEqual([]);
    expect(strayLatinWords('年度指标值 $\\geq 90\\%$ ，完成满意度')).toEqual([]);
    expect(strayLatinWords('网址 www.example.gov.cn 查询')).toEqual([]);
  });
  it('reports the same phrase once when goals and chapters repeat it', () => {
    const text = '提高政策理论水平 and 督查业务能力。';
    const f = run(strayLatinWordsRule, { goals: [{ expected: text }], chapters: [{ level: 2, number: '（七）', title: '综合督导工作', body: text }] });
    expect(f).toHaveLength(1);
    expect(f[0]!.location.path).toBe('goals.0.expected');
  });
});
