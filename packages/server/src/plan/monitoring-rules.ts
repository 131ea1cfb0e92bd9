/** What a monitoring return is checked against: its target's approved version, the task's periods, the profile. */
import { JxError, assessMonitoring, getProfile, targetLeaves, validateMonitoringData, type MonitoringData, type Profile, type TargetTree } from '@jixiao/core';
import type { AnnualTaskRow } from '../db/schema.js';
import { invalidState, notFound } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { TargetRecord } from '../repositories/target.repository.js';
import { chinaDate } from './calendar.js';

export interface MonitoringBasis {
  task: AnnualTaskRow | undefined;
  profile: Profile;
  tree: TargetTree;
  versionNo: number;
  approved: Map<string, string>;
}

export async function monitoringBasis(r: Repositories, t: TargetRecord): Promise<MonitoringBasis> {
  if (t.status !== 'approved' || t.approved_version === null) throw invalidState('绩效目标尚未批复，不能填报运行监控');
  const [v, task] = await Promise.all([r.targets.findVersion(t.id, t.approved_version), r.tasks.findForBureauYear(t.bureauId, t.fiscal_year)]);
  if (!v) throw notFound('批复的绩效目标版本');
  const tree = v.tree as TargetTree;
  return { task, profile: getProfile(task?.profile ?? 'national'), tree, versionNo: v.version_no, approved: new Map(targetLeaves(tree).map((e) => [e.leaf.id, e.leaf.name])) };
}

/** A return is accepted only for a period of the year's task that is open today. */
export function assertPeriodOpen(task: AnnualTaskRow | undefined, periodEndMonth: unknown, now: Date): void {
  const field = [{ field: 'periodEndMonth', label: '监控期间', message: '' }];
  if (!task) throw new JxError('PERIOD_CLOSED', '本年度尚未发布年度任务，没有开放的监控期间', [{ ...field[0]!, message: '没有年度任务' }]);
  const p = task.monitoring_periods.find((x) => x.endMonth === periodEndMonth);
  const open = task.monitoring_periods.map((x) => `1–${x.endMonth}月（${x.opensOn} 至 ${x.dueOn}）`).join('、') || '无';
  if (!p) throw new JxError('PERIOD_CLOSED', `年度任务没有 1–${String(periodEndMonth)}月 这一监控期间；已设置的期间：${open}`, [{ ...field[0]!, message: '不是年度任务设置的监控期间' }]);
  const today = chinaDate(now);
  if (today < p.opensOn || today > p.dueOn) {
    throw new JxError('PERIOD_CLOSED', `1–${p.endMonth}月 监控期间的填报时间为 ${p.opensOn} 至 ${p.dueOn}，今天（${today}）不在其内`, [{ ...field[0]!, message: today < p.opensOn ? '尚未开放' : '已截止' }]);
  }
}

/** Validated data and its red-light count. */
export function checkedData(raw: unknown, basis: MonitoringBasis, submit: boolean): { data: MonitoringData; redCount: number } {
  const v = validateMonitoringData(raw, basis.approved, { submit });
  if (!v.ok) throw v.error;
  return { data: v.value, redCount: assessMonitoring(v.value, basis.profile).redCount };
}
