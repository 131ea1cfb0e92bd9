import { describe, expect, it } from 'vitest';
import { Indicator } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreIndicator } from './score-indicator.js';

const profile = getProfile('national');
const score = (x: Record<string, unknown>) => scoreIndicator(Indicator.parse({ name: '制度建设', weight: 5, ...x }), { profile });

describe('score-indicator: a qualitative level jixiao infers from the wording is marked as inferred', () => {
  it('基本健全 → 部分达成, inferred, and the explanation says jixiao made the call', () => {
    const s = score({ target: '健全', actual: '基本健全' });
    expect(s.qualitativeLevel).toBe('partial');
    expect(s.levelInferred).toBe(true);
    expect(s.explanation).toContain('推定为部分达成并具有一定效果');
    expect(s.explanation).toContain('jixiao 依据实际完成值“基本健全”推定，非单位填报的等级');
    expect(s.computedRange!.max.toString()).toBe('4');
  });
  it('a level the unit states is not inferred', () => {
    const s = score({ target: '健全', actual: '基本健全', qualitativeLevel: 'achieved' });
    expect(s.qualitativeLevel).toBe('achieved');
    expect(s.levelInferred).toBe(false);
    expect(s.explanation).toContain('依据填报的定性等级');
    expect(s.explanation).not.toContain('推定');
  });
});
