/** JSON view of a monitoring return, with its traffic lights by the task's profile. */
import { LIGHT_LABELS, MonitoringData, assessMonitoring, type Profile } from '@jixiao/core';
import type { MonitoringRecord } from '../repositories/monitoring.repository.js';
import { isOwnUnitMember, mayAct, type Actor } from '../workflow/access.js';
import { MONITORING_ACTIONS, MONITORING_EDITABLE, MONITORING_MACHINE, MONITORING_STATE_LABELS } from '../workflow/plan-machines.js';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const str = (d: { toString(): string } | null) => (d === null ? null : d.toString());

export function monitoringJson(m: MonitoringRecord, actor: Actor, profile: Profile) {
  const parsed = MonitoringData.safeParse(m.data);
  const a = parsed.success ? assessMonitoring(parsed.data, profile) : null;
  return {
    id: m.id,
    targetId: m.target_id,
    targetName: m.targetName,
    unitId: m.unit_id,
    unitName: m.unitName,
    departmentName: m.departmentName,
    fiscalYear: m.fiscal_year,
    periodEndMonth: m.period_end_month,
    periodLabel: `1–${m.period_end_month}月`,
    targetVersion: m.target_version,
    status: m.status,
    statusLabel: MONITORING_STATE_LABELS[m.status],
    version: m.version,
    data: m.data,
    redCount: m.red_count,
    assessment: a && {
      schedule: str(a.schedule),
      executionRate: str(a.executionRate),
      lagPoints: str(a.lagPoints),
      budgetLight: a.budgetLight,
      budgetLightLabel: a.budgetLight ? LIGHT_LABELS[a.budgetLight] : null,
      entries: a.entries.map((e) => ({ ...e, label: LIGHT_LABELS[e.light] })),
      redCount: a.redCount,
      thresholds: profile.monitoring.executionLag,
    },
    review: m.review,
    allowedActions: MONITORING_ACTIONS.filter((x) => {
      const rule = MONITORING_MACHINE[m.status]?.[x];
      return rule?.kind === 'allowed' && mayAct(actor, rule.roles, m);
    }),
    canEdit: MONITORING_EDITABLE.includes(m.status) && isOwnUnitMember(actor, m),
    updatedAt: iso(m.updated_at),
    submittedAt: iso(m.submitted_at),
  };
}
