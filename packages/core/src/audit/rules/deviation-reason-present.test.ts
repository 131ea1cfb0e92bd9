import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { deviationReasonPresent } from './deviation-reason-present.js';

const leaf = (score: string, reason: string | null, target = '≤263.38', actual = '265.45') => ({
  indicators: [{ name: '产出指标', children: [{ name: '成本指标', children: [{ name: '费用开支控制在预算内执行', target, actual, weight: '5', selfScore: score, deviationReason: reason }] }] }],
});

describe('deviation-reason-present', () => {
  it('fires for an unmet reverse indicator scored 4 of 5 with an empty reason, naming the formula score 4.96', () => {
    const f = run(deviationReasonPresent, leaf('4', null));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '4', expected: '4.96' });
    expect(f[0]!.message).toContain('4.96');
  });
  it('fires for a met indicator scored below its weight (4.99 of 5) with a blank reason', () => {
    expect(run(deviationReasonPresent, leaf('4.99', '　', '≥3', '3'))).toHaveLength(1);
  });
  it('does not fire when a reason is given', () => {
    expect(run(deviationReasonPresent, leaf('4', '年中追加巡察任务，支出超出年初预算'))).toEqual([]);
  });
  it('does not fire for a met indicator at full marks', () => {
    expect(run(deviationReasonPresent, leaf('5', null, '≥3', '3'))).toEqual([]);
  });
});
