import { describe, expect, it } from 'vitest';
import { MonitoringData } from '../../plan/monitoring.js';
import { contextOf } from '../testing/context-of.js';
import { monitoringMatchesYearEnd } from './monitoring-matches-year-end.js';

const evaluation = (actual: string, reason: string | null = null) => ({
  kind: 'project',
  project: { name: '培训项目' },
  indicators: [
    {
      name: '产出指标',
      weight: '50',
      children: [{ name: '数量指标', children: [{ id: 'q1', name: '培训人次', target: '≥100人次', actual, weight: '50', selfScore: '40', deviationReason: reason }] }],
    },
  ],
});

const monitoring = (willMeet: boolean, forecast: string) =>
  MonitoringData.parse({ periodEndMonth: 7, entries: [{ indicatorId: 'q1', name: '培训人次', target: '≥100人次', valueToDate: '60人次', forecast, willMeet }] });

function run(ev: object, m: MonitoringData) {
  const ctx = contextOf(ev as Record<string, unknown>);
  ctx.monitoring = m;
  return monitoringMatchesYearEnd.check(ctx);
}

describe('monitoring-matches-year-end', () => {
  it('flags "will be met" in July and unmet at year end without a reason', () => {
    const f = run(evaluation('90人次'), monitoring(true, '100人次'));
    expect(f).toHaveLength(1);
    expect(f[0]!.location.path).toBe('indicators.0.children.0.children.0.deviationReason');
    expect(f[0]!.message).toContain('1–7月');
  });
  it('does not flag the unmet indicator when the year-end reason is given', () => {
    expect(run(evaluation('90人次', '下半年两期培训因场地检修取消'), monitoring(true, '100人次'))).toEqual([]);
  });
  it('does not flag an indicator the monitoring already reported as not to be met', () => {
    expect(run(evaluation('90人次'), monitoring(false, '92人次'))).toEqual([]);
  });
  it('flags a forecast more than 20% (the national tolerance) from the final figure', () => {
    const f = run(evaluation('150人次'), monitoring(true, '110人次'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '150人次', expected: '110人次', difference: '40', location: { path: 'indicators.0.children.0.children.0.actual' } });
    expect(f[0]!.message).toContain('26.67%');
  });
  it('accepts a forecast exactly at the tolerance (120 against 100 is 20%)', () => {
    expect(run(evaluation('100人次'), monitoring(true, '120人次'))).toEqual([]);
  });
  it('checks nothing without a monitoring return', () => {
    expect(monitoringMatchesYearEnd.check(contextOf(evaluation('90人次')))).toEqual([]);
  });
});
