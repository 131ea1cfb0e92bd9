import { describe, expect, it } from 'vitest';
import { getProfile } from '../profiles/get-profile.js';
import { Profile } from '../profiles/profile.js';
import { MonitoringData, assessMonitoring, validateMonitoringData } from './monitoring.js';

const national = getProfile('national');
const approved = new Map([['q1', '培训人次'], ['q2', '培训覆盖率']]);
const data = (executedToDate: string, entries: unknown[] = []) => MonitoringData.parse({ periodEndMonth: 7, budget: { adjusted: '120', executedToDate }, entries });

describe('运行监控', () => {
  it('profiles written before monitoring existed load with the default thresholds', () => {
    const { monitoring: _m, ...old } = national;
    expect(Profile.parse(old).monitoring).toEqual({ executionLag: { yellow: '10', red: '20' }, forecastTolerance: '0.2' });
  });
  it('lights budget execution against the time schedule: 7 months = 58.33%', () => {
    expect(assessMonitoring(data('42'), national)).toMatchObject({ budgetLight: 'red' }); // 35% → 23.33 points behind
    expect(assessMonitoring(data('54'), national).budgetLight).toBe('yellow'); // 45% → 13.33 behind
    expect(assessMonitoring(data('70'), national).budgetLight).toBe('green'); // 58.33% → on schedule
    const a = assessMonitoring(data('46'), national); // 38.33% → exactly 20 points: red (inclusive)
    expect(a.lagPoints!.toString()).toBe('20');
    expect(a.budgetLight).toBe('red');
  });
  it("lights by the profile's own thresholds: with red at 30 points behind, 23.33 behind is yellow", () => {
    const lenient = Profile.parse({ ...national, monitoring: { executionLag: { yellow: '15', red: '30' }, forecastTolerance: '0.2' } });
    expect(assessMonitoring(data('42'), lenient).budgetLight).toBe('yellow');
    expect(assessMonitoring(data('54'), lenient).budgetLight).toBe('green'); // 13.33 behind, under 15
  });
  it('lights an indicator red when it will not be met and counts the red lights', () => {
    const a = assessMonitoring(data('70', [{ indicatorId: 'q1', name: '培训人次', willMeet: false, reason: '场地检修', action: '下半年加开两期' }, { indicatorId: 'q2', name: '培训覆盖率', willMeet: true }]), national);
    expect(a.entries).toEqual([{ indicatorId: 'q1', light: 'red' }, { indicatorId: 'q2', light: 'green' }]);
    expect(a.redCount).toBe(1);
  });
  it('needs the reason and the corrective action for an indicator that will not be met', () => {
    const r = validateMonitoringData({ periodEndMonth: 7, entries: [{ indicatorId: 'q1', name: '培训人次', willMeet: false }] }, approved, { submit: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.map((i) => i.field)).toEqual(['entries.0.reason', 'entries.0.action']);
  });
  it('on submit needs every approved indicator judged and the execution to date', () => {
    const r = validateMonitoringData({ periodEndMonth: 7, entries: [{ indicatorId: 'q1', name: '培训人次', willMeet: null }] }, approved, { submit: true });
    if (r.ok) throw new Error('expected issues');
    expect(r.error.code).toBe('MONITORING_INVALID');
    expect(r.error.issues.map((i) => i.field)).toEqual(['entries.0.willMeet', 'entries', 'budget.executedToDate']);
  });
  it('refuses a row for an indicator that was not approved, and a month outside 1–12', () => {
    const r = validateMonitoringData({ periodEndMonth: 13, entries: [] }, approved, { submit: false });
    if (r.ok) throw new Error('expected issues');
    expect(r.error.issues[0]).toMatchObject({ field: 'periodEndMonth', label: '监控期间' });
    const s = validateMonitoringData({ periodEndMonth: 7, entries: [{ indicatorId: 'zz', name: '自加指标', willMeet: true }] }, approved, { submit: false });
    if (s.ok) throw new Error('expected issues');
    expect(s.error.issues[0]!.message).toContain('不是批复的绩效指标');
  });
});
