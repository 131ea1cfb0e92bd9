/**
 * A workflow action on several evaluations at once (e.g. a unit head submitting 85
 * project self-evaluations). Per item: each goes through applyWorkflowAction — the same
 * state machine, guards and version check, in its own transaction — so one stale or
 * refused item does not hold back the others, and its result says why.
 *
 * A batch 公开 may carry one `overrideReason` from the finance bureau: each item whose checks
 * before publication block it is then published with that reason recorded on it and in the
 * audit log (as a single publish with a reason does); an item nothing blocks is published
 * without one. The reason is checked before any item is touched.
 */
import { isJxError, JxError } from '@jixiao/core';
import type { AppContext } from '../context.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import { isWorkflowAction } from '../workflow/state-machine.js';
import type { Actor } from '../workflow/access.js';
import { applyWorkflowAction } from './apply-workflow-action.js';
import { readOverrideReason } from './check-publication.js';

export const MAX_BATCH_ITEMS = 500;

export type BatchItemResult =
  | { id: number; ok: true; status: string; version: number; overridden?: true }
  | { id: number; ok: false; error: { code: string; message: string; currentVersion?: number } };

function parseItems(x: unknown): { id: number; version: unknown }[] {
  if (!Array.isArray(x) || x.length === 0) throw badRequest('items 应为非空列表：[{ id, version }]');
  if (x.length > MAX_BATCH_ITEMS) throw badRequest(`一次最多处理 ${MAX_BATCH_ITEMS} 份`);
  const seen = new Set<number>();
  return x.map((item, i) => {
    const o = item as { id?: unknown; version?: unknown } | null;
    if (!o || !Number.isInteger(o.id)) throw badRequest(`items.${i}.id 应为评价报告编号（整数）`);
    if (seen.has(o.id as number)) throw badRequest(`items.${i}.id：评价报告 ${o.id} 重复`);
    seen.add(o.id as number);
    return { id: o.id as number, version: o.version };
  });
}

/** The batch's one reason to publish despite the checks (finance only, 公开 only), or null. */
function batchOverrideReason(actor: Actor, action: string, raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  if (action !== 'publish') throw badRequest('只有批量公开可以填写放行理由（overrideReason）', [{ field: 'overrideReason', label: '公开理由', message: `“${action}”不接受放行理由` }]);
  if (actor.role !== 'finance_reviewer') throw forbidden('只有财政局绩效科可以填写理由放行公开');
  return readOverrideReason(raw, 'overrideReason');
}

export async function applyBatchAction(ctx: AppContext, actor: Actor, action: string, input: { items?: unknown; opinion?: unknown; overrideReason?: unknown }) {
  if (!isWorkflowAction(action)) throw notFound(`操作 ${action}`);
  const items = parseItems(input.items);
  const overrideReason = batchOverrideReason(actor, action, input.overrideReason);
  const results: BatchItemResult[] = [];
  for (const item of items) {
    try {
      const r = await applyWorkflowAction(ctx, actor, item.id, action, { version: item.version, opinion: input.opinion, ...(overrideReason ? { overrideReason } : {}) });
      results.push({ id: item.id, ok: true, status: r.status, version: r.version, ...(r.overridden ? { overridden: true as const } : {}) });
    } catch (e) {
      if (!isJxError(e)) throw e;
      const json = (e as JxError).toJSON() as { code: string; message: string; currentVersion?: number };
      results.push({ id: item.id, ok: false, error: { code: json.code, message: json.message, ...(json.currentVersion !== undefined ? { currentVersion: json.currentVersion } : {}) } });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { action, succeeded, failed: results.length - succeeded, results };
}
