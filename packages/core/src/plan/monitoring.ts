/**
 * 运行监控 (双监控): a mid-year return for one period (e.g. 1–7月) that reports, per approved
 * indicator, the value to date, the full-year forecast, whether the target will be met, and
 * for one that will not, the reason and the corrective action; and on the budget side the
 * execution to date against the time schedule (序时进度 = months elapsed ÷ 12). Traffic-light
 * thresholds come from the profile (`monitoring.executionLag`).
 */
import { z } from 'zod';
import { dec, type Decimal } from '../decimal/decimal.js';
import { JxError, type JxIssue } from '../errors/error-codes.js';
import { Amount } from '../model/evaluation.js';
import { labelForPath } from '../model/field-labels.js';
import { zodToJxError, type ParseResult } from '../model/parse-evaluation.js';
import type { Profile } from '../profiles/profile.js';

const Text = z.string({ error: '应为文字' });
const optText = Text.nullable().optional().transform((v) => (v?.trim() ? v.trim() : null));

export const MonitoringEntry = z.object({
  /** The approved target leaf this row reports on. */
  indicatorId: z.string().min(1, '缺少指标编号'),
  name: Text,
  /** The approved target as printed ("≥95%"), copied for the reader. */
  target: optText,
  valueToDate: optText,
  forecast: optText,
  /** 能否完成全年目标: true, false, or null while not yet judged. */
  willMeet: z.boolean({ error: '能否完成应为 是 / 否' }).nullable().optional().transform((v) => v ?? null),
  reason: optText,
  action: optText,
});
export type MonitoringEntry = z.output<typeof MonitoringEntry>;

export const MonitoringData = z.object({
  /** The period ends with this month: 7 = 1–7月. */
  periodEndMonth: z.number({ error: '监控期间应为 1 到 12 的月份' }).int('监控期间应为整月').min(1, '监控期间应为 1 到 12 的月份').max(12, '监控期间应为 1 到 12 的月份'),
  budget: z
    .object({
      /** 全年预算数 (万元). */
      adjusted: Amount.nullable().optional().transform((v) => v ?? null),
      /** 截至期末执行数 (万元). */
      executedToDate: Amount.nullable().optional().transform((v) => v ?? null),
      reason: optText,
      action: optText,
    })
    .default({ adjusted: null, executedToDate: null, reason: null, action: null }),
  entries: z.array(MonitoringEntry).default([]),
});
export type MonitoringData = z.output<typeof MonitoringData>;
export type MonitoringDataInput = z.input<typeof MonitoringData>;

export type Light = 'green' | 'yellow' | 'red';
export const LIGHT_LABELS: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

export interface MonitoringAssessment {
  /** 序时进度 as a ratio (7 months → 7/12). */
  schedule: Decimal;
  /** executedToDate ÷ adjusted, or null when either is missing or the budget is zero. */
  executionRate: Decimal | null;
  /** Percentage points the execution lags the schedule (negative: ahead). */
  lagPoints: Decimal | null;
  budgetLight: Light | null;
  entries: Array<{ indicatorId: string; light: Light }>;
  redCount: number;
}

/** Lights for a return: budget by lag against the schedule, indicators by "will the target be met". */
export function assessMonitoring(data: MonitoringData, profile: Profile): MonitoringAssessment {
  const schedule = dec(data.periodEndMonth).div(12);
  const { adjusted, executedToDate } = data.budget;
  const executionRate = adjusted !== null && executedToDate !== null && !dec(adjusted).isZero() ? dec(executedToDate).div(adjusted) : null;
  const lagPoints = executionRate === null ? null : schedule.minus(executionRate).times(100);
  const t = profile.monitoring.executionLag;
  const budgetLight: Light | null = lagPoints === null ? null : lagPoints.greaterThanOrEqualTo(t.red) ? 'red' : lagPoints.greaterThanOrEqualTo(t.yellow) ? 'yellow' : 'green';
  const entries = data.entries.map((e) => ({ indicatorId: e.indicatorId, light: (e.willMeet === false ? 'red' : e.willMeet === null ? 'yellow' : 'green') as Light }));
  const redCount = entries.filter((e) => e.light === 'red').length + (budgetLight === 'red' ? 1 : 0);
  return { schedule, executionRate, lagPoints, budgetLight, entries, redCount };
}

function issue(path: string, message: string): JxIssue {
  return { field: path, label: labelForPath(path.split('.')), message };
}

/**
 * What must hold before a return is saved (`submit: false`) or submitted (`submit: true`):
 * rows only for approved indicators (id → name), no indicator twice; an indicator that will not be met
 * names the reason and the corrective action; on submit every row says whether it will be met.
 */
export function monitoringIssues(data: MonitoringData, approved: ReadonlyMap<string, string>, opts: { submit: boolean }): JxIssue[] {
  const out: JxIssue[] = [];
  const seen = new Set<string>();
  data.entries.forEach((e, n) => {
    const p = `entries.${n}`;
    if (!approved.has(e.indicatorId)) out.push(issue(`${p}.indicatorId`, `“${e.name}”不是批复的绩效指标`));
    if (seen.has(e.indicatorId)) out.push(issue(`${p}.indicatorId`, `“${e.name}”重复填报`));
    seen.add(e.indicatorId);
    if (e.willMeet === false && e.reason === null) out.push(issue(`${p}.reason`, `“${e.name}”预计不能完成，请说明原因`));
    if (e.willMeet === false && e.action === null) out.push(issue(`${p}.action`, `“${e.name}”预计不能完成，请填写纠偏措施`));
    if (opts.submit && e.willMeet === null) out.push(issue(`${p}.willMeet`, `“${e.name}”请判断能否完成全年目标`));
  });
  if (opts.submit) {
    for (const [id, name] of approved) if (!seen.has(id)) out.push(issue('entries', `批复的指标“${name}”没有填报监控情况`));
    if (data.budget.executedToDate === null) out.push(issue('budget.executedToDate', '请填写截至期末的预算执行数'));
  }
  return out;
}

/** Validate untrusted input into a return (shape, then `monitoringIssues`). */
export function validateMonitoringData(input: unknown, approved: ReadonlyMap<string, string>, opts: { submit: boolean }): ParseResult<MonitoringData> {
  const r = MonitoringData.safeParse(input);
  if (!r.success) {
    const e = zodToJxError(r.error);
    return { ok: false, error: new JxError('MONITORING_INVALID', e.issues.length === 1 ? e.issues[0]!.message : `共 ${e.issues.length} 处`, e.issues) };
  }
  const issues = monitoringIssues(r.data, approved, opts);
  if (issues.length) return { ok: false, error: new JxError('MONITORING_INVALID', issues.length === 1 ? issues[0]!.message : `共 ${issues.length} 处`, issues) };
  return { ok: true, value: r.data };
}
