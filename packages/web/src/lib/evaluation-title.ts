/** The title a page shows for an evaluation: the project's name, or the unit's 部门整体 title. */
import type { Evaluation } from '@jixiao/core';

export function evaluationTitle(ev: Evaluation, unitName?: string | null): string {
  if (ev.kind === 'department') return `${ev.unit.name ?? unitName ?? ''} 部门整体支出绩效自评`;
  return ev.project?.name || (ev.kind === 'transfer' ? '转移支付绩效自评' : '项目支出绩效自评');
}
