import { describe, expect, it } from 'vitest';
import { Indicator } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreIndicator } from './score-indicator.js';

const profile = getProfile('national');
const score = (actual: string | null) =>
  scoreIndicator(Indicator.parse({ name: '满意度', target: '≥95%', actual, weight: 10, selfScore: 10 }), { profile });

describe('score-indicator: a numeric target needs a numeric actual', () => {
  it('word actual 完成 → no_actual, nothing computed', () => {
    const r = score('完成');
    expect(r.status).toBe('no_actual');
    expect(r.computed).toBeNull();
    expect(r.explanation).toContain('不是数值');
  });
  it('empty actual —— → no_actual', () => {
    expect(score('——').status).toBe('no_actual');
    expect(score(null).status).toBe('no_actual');
  });
  it('an actual with several numbers → unparseable', () => {
    expect(score('95%，98%').status).toBe('unparseable');
  });
});
