/**
 * 整改: items opened by the finance bureau from a finding of an evaluation or a monitoring
 * return (with a source and a due date), worked and reported by the unit with evidence, signed
 * off (销号) or returned by the finance bureau — through the rectification machine, version
 * checked, every change in the audit log. Overdue is derived from the due date.
 */
import { JxError, findAuditRule, type Evaluation, type JxIssue } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { computeEvaluation } from '../core-bridge.js';
import { inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, badRequest, forbidden, invalidState, notFound } from '../errors.js';
import { RECTIFICATION_SOURCES, type RectificationRow, type RectificationSource } from '../db/schema.js';
import { chinaDate } from '../plan/calendar.js';
import { repositories } from '../repositories/index.js';
import type { RectificationRecord } from '../repositories/rectification.repository.js';
import { canSee, isFinanceOver, isOwnUnitMember, visibilityOf, type Actor, type UnitScope } from '../workflow/access.js';
import { RECTIFICATION_ACTIONS, RECTIFICATION_ACTION_LABELS, RECTIFICATION_MACHINE, RECTIFICATION_STATE_LABELS, type RectificationAction } from '../workflow/after-cycle-machines.js';
import { loadVisibleEvaluation } from './load-visible-evaluation.js';

export const SOURCE_LABELS: Record<RectificationSource, string> = {
  monitoring: '运行监控',
  self_evaluation: '单位自评',
  department_evaluation: '部门评价',
  finance_evaluation: '财政评价',
  sampling: '财政抽评',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const invalid = (issues: JxIssue[]) => new JxError('RECTIFICATION_INVALID', issues.map((i) => `${i.label}（${i.field}）：${i.message}`).join('；'), issues);

/** The item as the API shows it: Chinese rule title, source and state names, overdue as of today. */
export function rectificationJson(r: RectificationRecord, today: string) {
  const rule = r.rule ? findAuditRule(r.rule) : undefined;
  return {
    ...r,
    ruleTitle: r.rule ? rule?.title.zh ?? r.rule : null,
    sourceLabel: SOURCE_LABELS[r.source],
    statusLabel: RECTIFICATION_STATE_LABELS[r.status],
    overdue: r.status !== 'closed' && r.due_date !== null && r.due_date < today,
  };
}

function readNew(input: Record<string, unknown>): { source: RectificationSource; description: string; dueDate: string; rule: string | null } {
  const issues: JxIssue[] = [];
  const source = (input.source ?? 'finance_evaluation') as RectificationSource;
  if (!RECTIFICATION_SOURCES.includes(source)) issues.push({ field: 'source', label: '整改来源', message: `应为 ${RECTIFICATION_SOURCES.map((s) => `${s}（${SOURCE_LABELS[s]}）`).join('、')} 之一` });
  const description = typeof input.description === 'string' ? input.description.trim() : '';
  if (!description) issues.push({ field: 'description', label: '整改要求', message: '请填写整改要求' });
  else if (description.length > 2000) issues.push({ field: 'description', label: '整改要求', message: '最多 2000 字' });
  const dueDate = typeof input.dueDate === 'string' ? input.dueDate.trim() : '';
  if (!dueDate) issues.push({ field: 'dueDate', label: '整改期限', message: '请填写整改期限（YYYY-MM-DD）' });
  else if (!DATE.test(dueDate) || Number.isNaN(Date.parse(`${dueDate}T00:00:00Z`))) issues.push({ field: 'dueDate', label: '整改期限', message: `日期格式应为 YYYY-MM-DD，收到 ${JSON.stringify(input.dueDate)}` });
  if (issues.length) throw invalid(issues);
  const rule = typeof input.rule === 'string' && input.rule.trim() ? input.rule.trim() : null;
  return { source, description, dueDate, rule };
}

/** The unit and the findings the item answers: an evaluation's (a rule of its current audit) or a monitoring return's. */
async function subjectOf(ctx: AppContext, actor: Actor, input: Record<string, unknown>, rule: string | null): Promise<{ scope: UnitScope; evaluationId: number | null; monitoringReturnId: number | null; findings: unknown[] }> {
  if (Number.isInteger(input.evaluationId)) {
    const rec = await loadVisibleEvaluation(ctx, actor, input.evaluationId as number);
    let findings: unknown[] = [];
    if (rule) {
      const audit = computeEvaluation(rec.data as Evaluation).audit;
      if (audit) {
        findings = audit.findings.filter((f) => f.rule === rule);
        const title = findAuditRule(rule)?.title.zh ?? rule;
        if (findings.length === 0) throw badRequest(`该报告当前的审核结果中没有规则“${title}”的问题；不针对审核问题的整改事项请不填 rule`, [{ field: 'rule', message: '没有这条规则的问题' }]);
      }
    }
    return { scope: rec, evaluationId: rec.id, monitoringReturnId: null, findings: JSON.parse(JSON.stringify(findings)) };
  }
  if (Number.isInteger(input.monitoringReturnId)) {
    const m = await repositories(ctx.db).monitoring.findById(input.monitoringReturnId as number);
    if (!m || !canSee(actor, m)) throw notFound(`运行监控表 ${input.monitoringReturnId}`);
    return { scope: m, evaluationId: null, monitoringReturnId: m.id, findings: [] };
  }
  throw invalid([{ field: 'evaluationId', label: '整改对象', message: '请指明整改针对的自评报告（evaluationId）或运行监控表（monitoringReturnId）' }]);
}

export async function createRectification(ctx: AppContext, actor: Actor, input: Record<string, unknown>): Promise<RectificationRow> {
  const fields = readNew(input);
  const subject = await subjectOf(ctx, actor, input, fields.rule);
  if (!isFinanceOver(actor, subject.scope)) throw forbidden('只有财政局绩效科可以下达整改事项');
  const at = ctx.now();
  return inTransaction(ctx, 'create-rectification', async (r) => {
    const row = await r.rectifications.insert({ ...fields, unitId: subject.scope.unitId, evaluationId: subject.evaluationId, monitoringReturnId: subject.monitoringReturnId, findings: subject.findings, createdBy: actor.id, at });
    await r.auditLog.append({ entityType: 'rectification', entityId: row.id, evaluationId: row.evaluation_id, actor, action: AUDIT_EVENTS.RECTIFICATION_CREATED, at, before: null, after: row });
    return row;
  });
}

export async function loadRectification(ctx: AppContext, actor: Actor, id: number): Promise<RectificationRecord> {
  const rec = await repositories(ctx.db).rectifications.findById(id);
  if (!rec || !canSee(actor, rec)) throw notFound(`整改事项 ${id}`);
  return rec;
}

const EVENT: Record<RectificationAction, (typeof AUDIT_EVENTS)[keyof typeof AUDIT_EVENTS]> = {
  start: AUDIT_EVENTS.RECTIFICATION_STARTED,
  report: AUDIT_EVENTS.RECTIFICATION_REPORTED,
  sign_off: AUDIT_EVENTS.RECTIFICATION_SIGNED_OFF,
  return: AUDIT_EVENTS.RECTIFICATION_RETURNED,
};

function checkAction(actor: Actor, item: RectificationRecord, state: string, action: RectificationAction, version: number, current: number) {
  const rule = RECTIFICATION_MACHINE[state as RectificationRow['status']][action];
  if (rule.kind === 'refused') throw invalidState(`${RECTIFICATION_ACTION_LABELS[action]}：${rule.reason}`);
  const inScope = rule.roles.includes('finance_reviewer') ? isFinanceOver(actor, item) : isOwnUnitMember(actor, item);
  if (!rule.roles.includes(actor.role) || !inScope) throw forbidden(`“${RECTIFICATION_ACTION_LABELS[action]}”须由${rule.roles.includes('finance_reviewer') ? '财政局绩效科' : '被整改单位'}办理`);
  if (version !== current) throw new VersionConflictError(current);
}

/** start / report (text required) / sign_off / return (opinion required). */
export async function applyRectificationAction(ctx: AppContext, actor: Actor, id: number, actionName: string, input: Record<string, unknown>): Promise<RectificationRow> {
  if (!(RECTIFICATION_ACTIONS as readonly string[]).includes(actionName)) throw notFound(`操作 ${actionName}`);
  const action = actionName as RectificationAction;
  if (!Number.isInteger(input.version)) throw badRequest('缺少 version（当前版本号）', [{ field: 'version', message: '缺少当前版本号' }]);
  const version = input.version as number;
  const text = typeof input.text === 'string' ? input.text.trim() : typeof input.opinion === 'string' ? input.opinion.trim() : '';
  const item = await loadRectification(ctx, actor, id);
  checkAction(actor, item, item.status, action, version, item.version);
  if (action === 'report' && !text) throw invalid([{ field: 'text', label: '整改情况', message: '报送时请填写整改情况报告' }]);
  if (action === 'return' && !text) throw invalid([{ field: 'opinion', label: '退回意见', message: '退回时请写明需要补充或重改的内容' }]);
  if (text.length > 5000) throw invalid([{ field: 'text', label: '整改情况', message: '最多 5000 字' }]);
  const at = ctx.now();
  return inTransaction(ctx, `rectification-${action}`, async (r) => {
    const locked = await r.rectifications.findForUpdate(id);
    if (!locked) throw notFound();
    checkAction(actor, item, locked.status, action, version, locked.version);
    const rule = RECTIFICATION_MACHINE[locked.status][action];
    if (rule.kind !== 'allowed') throw invalidState('状态已变化');
    const opinions = ((locked.review as { opinions?: unknown[] } | null)?.opinions ?? []) as unknown[];
    const review = action === 'sign_off' || action === 'return' ? JSON.stringify({ opinions: [...opinions, { action, opinion: text || null, by: actor.displayName, at: at.toISOString() }] }) : undefined;
    const row = await r.rectifications.update(id, locked.version, {
      status: rule.to,
      updated_at: at,
      ...(action === 'report' ? { report: text, reported_at: at } : {}),
      ...(review !== undefined ? { review } : {}),
      ...(action === 'sign_off' ? { closed_at: at, closed_by: actor.id } : {}),
    });
    if (!row) throw new VersionConflictError(locked.version);
    await r.auditLog.append({ entityType: 'rectification', entityId: id, evaluationId: locked.evaluation_id, actor, action: EVENT[action], at, before: { status: locked.status, version: locked.version }, after: { status: row.status, version: row.version, ...(text ? { text } : {}) } });
    return row;
  });
}

/**
 * PATCH kept for clients written before sign-off existed: a note, and `status: in_progress`
 * (开始整改). A unit can no longer close its own item: `done` is refused with the way to go.
 */
export async function updateRectification(ctx: AppContext, actor: Actor, id: number, input: Record<string, unknown>): Promise<RectificationRow> {
  const item = await loadRectification(ctx, actor, id);
  if (!isOwnUnitMember(actor, item) && !isFinanceOver(actor, item)) throw forbidden('只有被整改单位或财政局绩效科可以更新整改事项');
  if (input.status === 'done' || input.status === 'closed' || input.status === 'reported') {
    throw invalidState('整改完成后请“报送整改情况”（POST /api/rectifications/:id/actions/report），由财政局销号');
  }
  if (input.status !== undefined && input.status !== item.status && input.status !== 'in_progress') throw badRequest('status 只能改为 in_progress（开始整改）', [{ field: 'status', message: '只能改为 in_progress' }]);
  const version = input.version === undefined ? item.version : input.version;
  if (!Number.isInteger(version)) throw badRequest('version 应为整数');
  if (input.status === 'in_progress' && item.status !== 'in_progress') return applyRectificationAction(ctx, actor, id, 'start', { version });
  const note = typeof input.note === 'string' ? input.note.slice(0, 2000) : item.note;
  const at = ctx.now();
  return inTransaction(ctx, 'update-rectification', async (r) => {
    const locked = await r.rectifications.findForUpdate(id);
    if (!locked) throw notFound();
    if (locked.version !== version) throw new VersionConflictError(locked.version);
    const row = await r.rectifications.update(id, locked.version, { note, updated_at: at });
    if (!row) throw new VersionConflictError(locked.version);
    await r.auditLog.append({ entityType: 'rectification', entityId: id, evaluationId: locked.evaluation_id, actor, action: AUDIT_EVENTS.RECTIFICATION_UPDATED, at, before: { note: locked.note, version: locked.version }, after: { note: row.note, version: row.version } });
    return row;
  });
}

export async function listRectifications(ctx: AppContext, actor: Actor, f: { evaluationId?: number | undefined; status?: string | undefined; source?: string | undefined; overdue?: boolean }) {
  const today = chinaDate(ctx.now());
  const rows = await repositories(ctx.db).rectifications.list(visibilityOf(actor), { evaluationId: f.evaluationId, status: f.status, source: f.source, overdueOn: f.overdue ? today : undefined });
  return rows.map((x) => rectificationJson(x, today));
}

export async function getRectification(ctx: AppContext, actor: Actor, id: number) {
  const item = await loadRectification(ctx, actor, id);
  const evidence = await repositories(ctx.db).rectifications.listEvidence(id);
  return { ...rectificationJson(item, chinaDate(ctx.now())), evidence };
}

