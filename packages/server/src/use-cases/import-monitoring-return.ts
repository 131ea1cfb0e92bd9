/** 运行监控表 from an .xlsx (the downloaded blank, filled in): creates the period's draft or replaces the rows of the existing one. */
import { JxError } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import type { AppContext } from '../context.js';
import { badRequest } from '../errors.js';
import { monitoringBasis } from '../plan/monitoring-rules.js';
import { parseMonitoringRows } from '../plan/monitoring-sheet.js';
import { readProjectListFile } from '../project-list/read-project-list-file.js';
import { repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';
import { createMonitoringReturn, updateMonitoringReturn } from './save-monitoring-return.js';
import { loadVisibleTarget } from './update-targets.js';

/** A 运行监控表 lists one row per approved indicator: far fewer than this. */
const MONITORING_MAX_ROWS = 500;

export async function importMonitoringReturn(ctx: AppContext, actor: Actor, targetId: number, file: { bytes: Uint8Array; name: string }, periodEndMonth: unknown) {
  if (!/\.xlsx$/i.test(file.name)) throw new JxError('UNSUPPORTED_FORMAT', '运行监控表请上传 .xlsx 文件（可先下载模板）');
  if (!Number.isInteger(periodEndMonth)) throw badRequest('请选择监控期间（periodEndMonth）', [{ field: 'periodEndMonth', label: '监控期间', message: '应为 1 到 12 的月份' }]);
  const t = await loadVisibleTarget(ctx, actor, targetId);
  const basis = await monitoringBasis(repositories(ctx.db), t);
  const rows = await readProjectListFile(file.bytes, file.name, MONITORING_MAX_ROWS, '运行监控表');
  const data = parseMonitoringRows(rows, basis.tree, periodEndMonth as number);
  const existing = await repositories(ctx.db).monitoring.findByTargetPeriod(targetId, periodEndMonth as number);
  if (existing) return updateMonitoringReturn(ctx, actor, existing.id, { version: existing.version, data }, AUDIT_EVENTS.MONITORING_IMPORTED);
  return createMonitoringReturn(ctx, actor, targetId, data, AUDIT_EVENTS.MONITORING_IMPORTED);
}
