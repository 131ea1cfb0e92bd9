/**
 * 结果应用: for every evaluation the finance bureau has approved (or published) in a year, the
 * budget action its grade suggests under its profile's rules, the finance bureau's decision and
 * the supervising department's response — the list the budget office uses for next year's
 * budget (also as .xlsx). Decisions and responses go through the result-application machine and
 * the audit log.
 */
import { JxError, actionLabel, getProfile, suggestBudgetAction, type BudgetSuggestion, type JxIssue } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, forbidden, invalidState, notFound } from '../errors.js';
import type { ResultApplicationRow } from '../db/schema.js';
import { repositories } from '../repositories/index.js';
import { isDepartmentOver, isFinanceOver, visibilityOf, type Actor, type UnitScope } from '../workflow/access.js';
import { RESULT_APPLICATION_MACHINE, RESULT_APPLICATION_STATE_LABELS, type ResultApplicationAction, type ResultApplicationMachineState } from '../workflow/after-cycle-machines.js';
import { loadVisibleEvaluation } from './load-visible-evaluation.js';

const FINAL = ['finance_approved', 'published'];
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const invalid = (issues: JxIssue[]) => new JxError('BAD_REQUEST', issues.map((i) => `${i.label}（${i.field}）：${i.message}`).join('；'), issues);

export interface ResultApplicationLine {
  evaluationId: number;
  fiscalYear: number;
  departmentName: string;
  unitName: string;
  kind: string;
  title: string;
  profile: string;
  score: string | null;
  suggestion: BudgetSuggestion | null;
  state: ResultApplicationMachineState;
  stateLabel: string;
  decision: { action: string; label: string; note: string | null; at: string | null } | null;
  response: { text: string; at: string | null } | null;
  version: number | null;
  /** The budget actions the evaluation's profile offers (id and Chinese name). */
  actions: { id: string; label: string }[];
}

function suggestionFor(profileRef: string, g: { sampleGrade: string | null; reviewTotal: string | null; computedGrade: string | null }): BudgetSuggestion | null {
  try {
    return suggestBudgetAction(getProfile(profileRef), g);
  } catch {
    return null;
  }
}

/** The year's approved evaluations the actor may see, each with its suggestion, decision and response. */
export async function listResultApplications(ctx: AppContext, actor: Actor, f: { year?: number | undefined }): Promise<ResultApplicationLine[]> {
  if (!['finance_reviewer', 'department_reviewer', 'admin'].includes(actor.role)) throw forbidden('结果应用由财政局和主管部门办理');
  const r = repositories(ctx.db);
  const rows = (await r.evaluations.listLight(visibilityOf(actor), { year: f.year })).filter((x) => FINAL.includes(x.status));
  const ids = rows.map((x) => x.id);
  const decisions = new Map((await r.resultApplications.listFor(ids)).map((d) => [d.evaluation_id, d]));
  const items = new Map((await r.samples.listItems({ activeOnly: true, year: f.year })).filter((i) => ids.includes(i.evaluation_id)).map((i) => [i.evaluation_id, i]));
  const profiles = new Map((await r.samples.profilesOf(ids)).map((p) => [p.id, p.profile]));
  return rows.map((x) => {
    const d = decisions.get(x.id);
    const rescore = items.get(x.id)?.rescore as { grade?: string | null } | null | undefined;
    const profile = profiles.get(x.id) ?? 'national';
    const state: ResultApplicationMachineState = d ? d.status : 'pending';
    return {
      evaluationId: x.id,
      fiscalYear: x.fiscal_year,
      departmentName: x.department_name,
      unitName: x.unit_name,
      kind: x.kind,
      title: x.title,
      profile,
      score: x.review_score ?? x.computed_score ?? x.self_score,
      suggestion: suggestionFor(profile, { sampleGrade: rescore?.grade ?? null, reviewTotal: x.review_score, computedGrade: x.grade }),
      state,
      stateLabel: RESULT_APPLICATION_STATE_LABELS[state],
      decision: d ? { action: d.decision, label: labelOf(d.profile, d.decision), note: d.note, at: iso(d.decided_at) } : null,
      response: d?.response ? { text: d.response, at: iso(d.responded_at) } : null,
      version: d?.version ?? null,
      actions: actionsOf(profile),
    };
  });
}

function actionsOf(profileRef: string): { id: string; label: string }[] {
  try {
    return getProfile(profileRef).resultApplication.actions;
  } catch {
    return [];
  }
}

function labelOf(profileRef: string, action: string): string {
  try {
    return actionLabel(getProfile(profileRef), action);
  } catch {
    return action;
  }
}

function check(actor: Actor, scope: UnitScope, state: ResultApplicationMachineState, action: ResultApplicationAction) {
  const rule = RESULT_APPLICATION_MACHINE[state][action];
  if (rule.kind === 'refused') throw invalidState(rule.reason);
  const inScope = action === 'decide' ? isFinanceOver(actor, scope) : isDepartmentOver(actor, scope);
  if (!rule.roles.includes(actor.role) || !inScope) throw forbidden(action === 'decide' ? '结果应用的决定由本地区财政局作出' : '结果应用的反馈由主管部门填写');
}

/** The finance bureau records the budget action (one of the profile's actions) for next year. */
export async function decideResultApplication(ctx: AppContext, actor: Actor, evaluationId: number, body: Record<string, unknown>): Promise<ResultApplicationRow> {
  const rec = await loadVisibleEvaluation(ctx, actor, evaluationId);
  const r0 = repositories(ctx.db);
  const existing = (await r0.resultApplications.listFor([evaluationId]))[0];
  check(actor, rec, existing?.status ?? 'pending', 'decide');
  if (!FINAL.includes(rec.status)) throw invalidState('只有财政审核通过（或已公开）的报告才能作出结果应用决定');
  const profile = getProfile(rec.profile);
  const ids = profile.resultApplication.actions.map((a) => a.id);
  if (typeof body.decision !== 'string' || !ids.includes(body.decision)) {
    throw invalid([{ field: 'decision', label: '预算处理', message: `应为 ${profile.resultApplication.actions.map((a) => `${a.id}（${a.label}）`).join('、')} 之一` }]);
  }
  const note = typeof body.note === 'string' ? body.note.trim().slice(0, 2000) : '';
  const item = await r0.samples.activeItemOf(evaluationId);
  const suggestion = suggestBudgetAction(profile, { sampleGrade: (item?.rescore as { grade?: string | null } | null)?.grade ?? null, reviewTotal: rec.review_score, computedGrade: rec.grade });
  if (body.decision !== suggestion.action && !note) {
    throw invalid([{ field: 'note', label: '说明', message: `决定与建议（${suggestion.actionLabel}）不同时，请说明理由` }]);
  }
  const at = ctx.now();
  return inTransaction(ctx, 'decide-result-application', async (r) => {
    const locked = await r.resultApplications.findForUpdate(evaluationId);
    check(actor, rec, locked?.status ?? 'pending', 'decide');
    const row = await r.resultApplications.insert({ evaluationId, grade: suggestion.grade, gradeBasis: suggestion.gradeBasis, suggested: suggestion.action, decision: body.decision as string, note: note || null, profile: `${profile.id}@${profile.version}`, by: actor.id, at });
    await r.auditLog.append({ entityType: 'result_application', entityId: row.id, evaluationId, actor, action: AUDIT_EVENTS.RESULT_APPLICATION_DECIDED, at, before: null, after: row });
    return row;
  });
}

/** The supervising department answers the decision (how next year's budget request takes it into account). */
export async function respondResultApplication(ctx: AppContext, actor: Actor, evaluationId: number, body: Record<string, unknown>): Promise<ResultApplicationRow> {
  const rec = await loadVisibleEvaluation(ctx, actor, evaluationId);
  const existing = (await repositories(ctx.db).resultApplications.listFor([evaluationId]))[0];
  check(actor, rec, existing?.status ?? 'pending', 'respond');
  const response = typeof body.response === 'string' ? body.response.trim() : '';
  if (!response) throw invalid([{ field: 'response', label: '部门反馈', message: '请填写反馈（如何在下年预算中落实）' }]);
  if (!Number.isInteger(body.version)) throw invalid([{ field: 'version', label: '版本号', message: '缺少当前版本号' }]);
  const at = ctx.now();
  return inTransaction(ctx, 'respond-result-application', async (r) => {
    const locked = await r.resultApplications.findForUpdate(evaluationId);
    if (!locked) throw notFound();
    check(actor, rec, locked.status, 'respond');
    if (locked.version !== body.version) throw new VersionConflictError(locked.version);
    const row = await r.resultApplications.respond(evaluationId, locked.version, { status: 'responded', response: response.slice(0, 5000), by: actor.id, at });
    if (!row) throw new VersionConflictError(locked.version);
    await r.auditLog.append({ entityType: 'result_application', entityId: row.id, evaluationId, actor, action: AUDIT_EVENTS.RESULT_APPLICATION_RESPONDED, at, before: { status: locked.status }, after: { status: row.status, response: row.response } });
    return row;
  });
}
