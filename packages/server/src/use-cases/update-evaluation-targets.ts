/**
 * 更新为最新批复版本: a self-evaluation generated from approved targets follows the version it
 * came from; when an adjustment is approved later, the unit moves it to the latest approved
 * version. The indicator tree (names, targets, weights, the initial target beside an adjusted
 * one) and the 年度总体目标 become the new version's; what the unit entered is kept on every
 * indicator still approved; an indicator the new version no longer has is named in the answer
 * and the audit log. Only while the unit may edit it (draft or returned, not after the deadline
 * lock), by the unit's own filler or head, at the version it was read.
 */
import { carryIndicatorEntries, indicatorsFromTargets, parseEvaluation, type TargetTree } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import type { AppContext } from '../context.js';
import { badRequest, invalidState, notFound } from '../errors.js';
import { assertNotLocked } from '../plan/deadline-lock.js';
import { loadEvaluationPlan } from '../plan/evaluation-plan.js';
import { repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';
import { assertEvaluationEditable } from './assert-evaluation-editable.js';
import { loadVisibleEvaluation } from './load-visible-evaluation.js';
import { writeEvaluation } from './save-evaluation.js';

export async function updateEvaluationTargets(ctx: AppContext, actor: Actor, id: number, input: { version: unknown }) {
  if (!Number.isInteger(input.version)) throw badRequest('缺少 version（当前版本号）', [{ field: 'version', label: '版本号', message: '应为整数' }]);
  const version = input.version as number;
  const rec = await loadVisibleEvaluation(ctx, actor, id);
  assertEvaluationEditable(actor, rec, version);
  if (rec.target_id === null || rec.target_version === null) throw invalidState('这份自评不是由批复的绩效目标生成的，没有可更新的批复版本');
  const r = repositories(ctx.db);
  const t = await r.targets.findById(rec.target_id);
  if (!t || t.approved_version === null) throw notFound('批复的绩效目标');
  if (t.approved_version === rec.target_version) throw invalidState(`已是最新批复版本（第 ${rec.target_version} 版），无需更新`);
  await assertNotLocked(r, rec.unit_id, rec.fiscal_year, ctx.now(), rec.bureauId);
  const [latest, first, from] = await Promise.all([
    r.targets.findVersion(t.id, t.approved_version),
    r.targets.findVersion(t.id, 1),
    r.targets.findVersion(t.id, rec.target_version),
  ]);
  if (!latest || !from) throw notFound('批复的绩效目标版本');
  const tree = latest.tree as TargetTree;
  const fromIds = new Set((from.tree as TargetTree).indicators.flatMap((a) => a.children.flatMap((b) => b.children.map((c) => c.id))));
  const stored = parseEvaluation(rec.data);
  if (!stored.ok) throw stored.error;
  const fresh = indicatorsFromTargets(tree, first && first.version_no !== latest.version_no ? (first.tree as TargetTree) : undefined);
  const { indicators, dropped } = carryIndicatorEntries(fresh, stored.value.indicators, fromIds);
  const goals = tree.goal
    ? [{ ...(stored.value.goals[0] ?? { title: null, achieved: null, targets: [] }), expected: tree.goal }, ...stored.value.goals.slice(1)]
    : stored.value.goals;
  const parsed = parseEvaluation({ ...stored.value, indicators, goals });
  if (!parsed.ok) throw parsed.error;
  const plan = await loadEvaluationPlan(r, { target_id: t.id, target_version: latest.version_no });
  const saved = await writeEvaluation(ctx, actor, rec, version, parsed.value, plan, {
    event: AUDIT_EVENTS.EVALUATION_TARGETS_UPDATED,
    targetVersion: latest.version_no,
    note: { targetId: t.id, ...(dropped.length ? { dropped } : {}) },
  });
  return { version: saved.version, targetVersion: latest.version_no, dropped };
}
