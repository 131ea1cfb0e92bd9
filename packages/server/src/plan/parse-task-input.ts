/**
 * Validates the annual task a finance bureau opens or edits. Every problem is an issue naming
 * its field; one JxError TASK_INVALID carries them all, and nothing is written.
 */
import { EVALUATION_KINDS, JxError, getProfile, type EvaluationKind, type JxIssue } from '@jixiao/core';
import type { MonitoringPeriod } from '../db/schema.js';
import type { NewTask } from '../repositories/annual-task.repository.js';
import { isIsoDate } from './calendar.js';

export type TaskInput = Omit<NewTask, 'bureauId'>;

const LABELS: Record<string, string> = {
  fiscalYear: '预算年度',
  kinds: '评价类型',
  unitIds: '纳入范围的单位',
  opensOn: '开始日期',
  dueOn: '报送截止日期',
  profile: '评分规则',
  template: '报告模板',
  monitoringPeriods: '运行监控期间',
  notice: '通知',
};
const issue = (field: string, message: string): JxIssue => ({ field, label: LABELS[field.split('.')[0]!] ?? field, message });

function periods(raw: unknown, issues: JxIssue[]): MonitoringPeriod[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.push(issue('monitoringPeriods', '应为列表：[{ endMonth, opensOn, dueOn }]'));
    return [];
  }
  const seen = new Set<number>();
  return raw.map((p, n) => {
    const o = (p ?? {}) as Record<string, unknown>;
    const f = `monitoringPeriods.${n}`;
    if (!Number.isInteger(o.endMonth) || (o.endMonth as number) < 1 || (o.endMonth as number) > 12) issues.push(issue(`${f}.endMonth`, '监控期间的截止月份应为 1 到 12'));
    else if (seen.has(o.endMonth as number)) issues.push(issue(`${f}.endMonth`, `监控期间 1–${String(o.endMonth)}月 重复`));
    seen.add(o.endMonth as number);
    if (!isIsoDate(o.opensOn)) issues.push(issue(`${f}.opensOn`, '开始日期应为 YYYY-MM-DD'));
    if (!isIsoDate(o.dueOn)) issues.push(issue(`${f}.dueOn`, '截止日期应为 YYYY-MM-DD'));
    if (isIsoDate(o.opensOn) && isIsoDate(o.dueOn) && o.dueOn < o.opensOn) issues.push(issue(`${f}.dueOn`, `监控截止日期 ${o.dueOn} 早于开始日期 ${o.opensOn}`));
    return { endMonth: o.endMonth as number, opensOn: String(o.opensOn), dueOn: String(o.dueOn) };
  });
}

/** `templates`: the known report template ids (from the documents package). */
export function parseTaskInput(b: Record<string, unknown>, templates: readonly string[]): TaskInput {
  const issues: JxIssue[] = [];
  const year = b.fiscalYear;
  if (!Number.isInteger(year) || (year as number) < 1990 || (year as number) > 2100) issues.push(issue('fiscalYear', '预算年度应为 1990 到 2100 的整数年份'));
  const kinds = Array.isArray(b.kinds) ? b.kinds : null;
  if (!kinds || kinds.length === 0 || kinds.some((k) => !(EVALUATION_KINDS as readonly unknown[]).includes(k))) {
    issues.push(issue('kinds', '评价类型应为 department（部门整体）、project（项目）、transfer（转移支付）中的一种或几种'));
  }
  const unitIds = b.unitIds === undefined || b.unitIds === null ? null : b.unitIds;
  if (unitIds !== null && (!Array.isArray(unitIds) || unitIds.length === 0 || unitIds.some((u) => !Number.isInteger(u)))) {
    issues.push(issue('unitIds', '纳入范围的单位应为单位编号列表，或不填（全部单位）'));
  }
  for (const f of ['opensOn', 'dueOn'] as const) if (!isIsoDate(b[f])) issues.push(issue(f, `${LABELS[f]}应为 YYYY-MM-DD 格式的日期`));
  if (isIsoDate(b.opensOn) && isIsoDate(b.dueOn) && b.dueOn < b.opensOn) issues.push(issue('dueOn', `报送截止日期 ${b.dueOn} 早于开始日期 ${b.opensOn}`));
  const profile = typeof b.profile === 'string' && b.profile.trim() ? b.profile.trim() : 'national';
  try {
    getProfile(profile);
  } catch (e) {
    issues.push(issue('profile', (e as Error).message));
  }
  const template = typeof b.template === 'string' && b.template.trim() ? b.template.trim() : 'national';
  if (!templates.includes(template)) issues.push(issue('template', `没有报告模板“${template}”；可用的模板：${templates.join('、')}`));
  const monitoringPeriods = periods(b.monitoringPeriods, issues);
  const notice = typeof b.notice === 'string' && b.notice.trim() ? b.notice.trim() : null;
  if (notice !== null && notice.length > 2000) issues.push(issue('notice', '通知不超过 2000 字'));
  if (issues.length) throw new JxError('TASK_INVALID', issues.length === 1 ? issues[0]!.message : `共 ${issues.length} 处`, issues);
  return {
    fiscalYear: year as number,
    kinds: [...new Set(kinds as EvaluationKind[])],
    unitIds: unitIds === null ? null : [...new Set(unitIds as number[])],
    opensOn: b.opensOn as string,
    dueOn: b.dueOn as string,
    profile,
    template,
    monitoringPeriods: monitoringPeriods.sort((a, c) => a.endMonth - c.endMonth),
    notice,
  };
}
