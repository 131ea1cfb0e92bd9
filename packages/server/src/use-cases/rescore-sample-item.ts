/**
 * 抽评复评: the third-party reviewer the item is assigned to (or, when the draw named none, the
 * finance bureau) records its re-score per indicator, the total and the 抽评等级; the finance
 * bureau may return a re-score with an opinion. Both through the sample-item machine, version
 * checked, audit-logged.
 */
import { dec, getProfile, gradeScore, type Evaluation } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { computeEvaluation } from '../core-bridge.js';
import { inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, badRequest, forbidden, invalidState, notFound } from '../errors.js';
import type { SampleItemState } from '../db/schema.js';
import { repositories } from '../repositories/index.js';
import type { SampleItemRecord } from '../repositories/sample.repository.js';
import { canSee, isAssessorOf, type Actor } from '../workflow/access.js';
import { SAMPLE_ITEM_MACHINE, type SampleItemAction } from '../workflow/after-cycle-machines.js';
import { cleanReviewScores, reviewTotal } from './review-evaluation.js';
import { refreshStoredFigures } from './refresh-stored-figures.js';

/** May this actor take `action` on the item (role from the machine, scope here)? */
function mayActOnItem(actor: Actor, item: SampleItemRecord, action: SampleItemAction): boolean {
  const financeOver = actor.role === 'finance_reviewer' && item.bureauId !== null && actor.bureauId === item.bureauId;
  if (action === 'return') return financeOver;
  if (item.assessor_id !== null) return item.assessor_id === actor.id && item.bureauId !== null && isAssessorOf(actor, item.bureauId);
  return financeOver;
}

async function loadItem(ctx: AppContext, actor: Actor, id: number): Promise<SampleItemRecord> {
  const item = await repositories(ctx.db).samples.findItem(id);
  // Whoever may see the evaluation sees its item (then the machine says what they may do); an assessor only its own.
  const visible = item && (actor.role === 'assessor' ? item.assessor_id === actor.id : item.bureauId !== null && canSee(actor, { ...item, bureauId: item.bureauId }));
  if (!item || !visible) throw notFound(`抽评事项 ${id}`);
  return item;
}

function check(actor: Actor, item: SampleItemRecord, state: string, action: SampleItemAction, version: unknown, current: number) {
  if (item.sampleStatus !== 'active') throw invalidState('这次抽样已被重新抽取的抽样取代，不能再复评');
  const rule = SAMPLE_ITEM_MACHINE[state as SampleItemState][action];
  if (rule.kind === 'refused') throw invalidState(rule.reason);
  if (!rule.roles.includes(actor.role) || !mayActOnItem(actor, item, action)) {
    throw forbidden(action === 'return' ? '只有财政局绩效科可以退回复评' : item.assessor_id !== null ? '这份报告已抽评给评价机构，由该机构复评' : '只有财政局绩效科可以复评');
  }
  if (version !== current) throw new VersionConflictError(current);
}

/**
 * The given 抽评等级 if it is one of the profile's grades; otherwise the grade of the re-scored total —
 * none (无法定级) when the evaluation's table cannot be graded (weights not adding up to the profile's total).
 */
function sampleGrade(evaluation: Evaluation, total: string | null, given: unknown): string | null {
  const profile = getProfile(evaluation.profile);
  const names = profile.grades.map((g) => g.name);
  if (given !== undefined && given !== null && given !== '') {
    if (typeof given !== 'string' || !names.includes(given)) throw badRequest(`抽评等级应为 ${names.join('、')} 之一`, [{ field: 'grade', label: '抽评等级', message: `应为 ${names.join('、')} 之一` }]);
    return given;
  }
  if (total === null || computeEvaluation(evaluation).score?.ungradableReason) return null;
  return gradeScore(dec(total), profile);
}

export async function rescoreSampleItem(ctx: AppContext, actor: Actor, id: number, body: Record<string, unknown>) {
  if (!Number.isInteger(body.version)) throw badRequest('缺少 version（当前版本号）', [{ field: 'version', message: '缺少当前版本号' }]);
  const item = await loadItem(ctx, actor, id);
  check(actor, item, item.status, 'rescore', body.version, item.version);
  const rec = await repositories(ctx.db).evaluations.findById(item.evaluation_id);
  if (!rec) throw notFound();
  const evaluation = rec.data as Evaluation;
  const scores = cleanReviewScores(evaluation, body.scores, 'scores');
  if (Object.keys(scores).length === 0) throw badRequest('请至少复评一项指标（scores）', [{ field: 'scores', label: '复评得分', message: '至少复评一项指标' }]);
  const total = reviewTotal(evaluation, scores);
  const grade = sampleGrade(evaluation, total, body.grade);
  const opinion = typeof body.opinion === 'string' ? body.opinion.trim().slice(0, 2000) : '';
  const at = ctx.now();
  const rescore = { scores, total, grade, opinion: opinion || null, by: actor.displayName, role: actor.role, at: at.toISOString() };
  const rescored = await inTransaction(ctx, 'rescore-sample-item', async (r) => {
    const locked = await r.samples.findItemForUpdate(id);
    if (!locked) throw notFound();
    check(actor, item, locked.status, 'rescore', body.version, locked.version);
    const row = await r.samples.updateItem(id, locked.version, { status: 'rescored', rescore });
    if (!row) throw new VersionConflictError(locked.version);
    await r.auditLog.append({ entityType: 'sample_item', entityId: id, evaluationId: item.evaluation_id, actor, action: AUDIT_EVENTS.SAMPLE_ITEM_RESCORED, at, before: { status: locked.status, rescore: locked.rescore }, after: { status: row.status, rescore } });
    return row;
  });
  // The re-score total is the 自评质量's reference (失真): the stored computed quality follows it.
  await refreshStoredFigures(ctx, [item.evaluation_id]);
  return rescored;
}

export async function returnSampleItem(ctx: AppContext, actor: Actor, id: number, body: Record<string, unknown>) {
  const opinion = typeof body.opinion === 'string' ? body.opinion.trim() : '';
  const item = await loadItem(ctx, actor, id);
  check(actor, item, item.status, 'return', body.version, item.version);
  if (!opinion) throw badRequest('退回复评时必须填写意见（opinion）', [{ field: 'opinion', label: '退回意见', message: '请填写退回意见' }]);
  const at = ctx.now();
  const returned = await inTransaction(ctx, 'return-sample-item', async (r) => {
    const locked = await r.samples.findItemForUpdate(id);
    if (!locked) throw notFound();
    check(actor, item, locked.status, 'return', body.version, locked.version);
    const review = { opinions: [...(((locked.review as { opinions?: unknown[] } | null)?.opinions ?? []) as unknown[]), { action: 'return', opinion, by: actor.displayName, at: at.toISOString() }] };
    const row = await r.samples.updateItem(id, locked.version, { status: 'returned', review });
    if (!row) throw new VersionConflictError(locked.version);
    await r.auditLog.append({ entityType: 'sample_item', entityId: id, evaluationId: item.evaluation_id, actor, action: AUDIT_EVENTS.SAMPLE_ITEM_RETURNED, at, before: { status: locked.status }, after: { status: row.status, opinion } });
    return row;
  });
  await refreshStoredFigures(ctx, [item.evaluation_id]); // the reference falls back to the review score
  return returned;
}
