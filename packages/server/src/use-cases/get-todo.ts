import type { AppContext } from '../context.js';
import { repositories } from '../repositories/index.js';
import { DashboardRepository } from '../repositories/dashboard.repository.js';
import { visibilityOf, type Actor } from '../workflow/access.js';
import { toSummary } from './evaluation-views.js';
import { chinaDate } from '../plan/calendar.js';

/** Each list sends its first items (the page links to the full list) and its full count. */
export const TODO_LIST_LIMIT = 20;

/**
 * What waits for this user (in `year` when given): the first items of each list of evaluation
 * summaries with every list's count — each list one SQL query by status — and the open
 * rectification items.
 */
export async function getTodo(ctx: AppContext, actor: Actor, f: { year?: number | undefined } = {}) {
  const r = repositories(ctx.db);
  const stats = new DashboardRepository(ctx.db);
  const v = visibilityOf(actor);
  const isUnit = actor.role === 'unit_filler' || actor.role === 'unit_head';
  const pendingState = actor.role === 'department_reviewer' ? 'submitted' : actor.role === 'finance_reviewer' ? 'department_approved' : null;
  const none = { total: 0, rows: [] as never[] };
  const [drafts, returned, pendingReview, pendingSample] = await Promise.all([
    isUnit ? stats.todoList(v, { year: f.year, status: 'draft' }, TODO_LIST_LIMIT) : none,
    isUnit ? stats.todoList(v, { year: f.year, status: 'returned' }, TODO_LIST_LIMIT) : none,
    pendingState ? stats.todoList(v, { year: f.year, status: pendingState }, TODO_LIST_LIMIT) : none,
    actor.role === 'finance_reviewer' ? stats.todoList(v, { year: f.year, sampledUnreviewed: true }, TODO_LIST_LIMIT) : none,
  ]);
  const rect = await r.rectifications.list(v, {});
  return {
    drafts: drafts.rows.map(toSummary),
    returned: returned.rows.map(toSummary),
    pendingReview: pendingReview.rows.map(toSummary),
    pendingSample: pendingSample.rows.map(toSummary),
    /** How many each list holds (its array carries the first TODO_LIST_LIMIT). */
    counts: { drafts: drafts.total, returned: returned.total, pendingReview: pendingReview.total, pendingSample: pendingSample.total },
    // Not yet signed off (销号); for the finance bureau the ones reported and waiting for it come first.
    openRectifications: rect
      .filter((x) => x.status !== 'closed')
      .sort((a, b) => Number(b.status === 'reported') - Number(a.status === 'reported') || a.id - b.id)
      .map((x) => ({ id: x.id, evaluationId: x.evaluation_id, unitName: x.unitName, description: x.description, dueDate: x.due_date, status: x.status, overdue: x.due_date !== null && x.due_date < chinaDate(ctx.now()) })),
  };
}
