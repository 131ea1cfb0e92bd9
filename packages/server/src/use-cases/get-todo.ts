import type { AppContext } from '../context.js';
import { repositories } from '../repositories/index.js';
import { visibilityOf, type Actor } from '../workflow/access.js';
import { toSummary } from './evaluation-views.js';
import { chinaDate } from '../plan/calendar.js';

/** What waits for this user: lists of evaluation summaries and open rectification items. */
export async function getTodo(ctx: AppContext, actor: Actor) {
  const r = repositories(ctx.db);
  const v = visibilityOf(actor);
  const rows = (await r.evaluations.listLight(v, {})).map((x) => ({ ...toSummary(x), review: x.review }));
  const isUnit = actor.role === 'unit_filler' || actor.role === 'unit_head';
  const pendingState = actor.role === 'department_reviewer' ? 'submitted' : actor.role === 'finance_reviewer' ? 'department_approved' : null;
  const strip = ({ review: _r, ...s }: (typeof rows)[number]) => s;
  const rect = await r.rectifications.list(v, {});
  return {
    drafts: isUnit ? rows.filter((x) => x.status === 'draft').map(strip) : [],
    returned: isUnit ? rows.filter((x) => x.status === 'returned').map(strip) : [],
    pendingReview: pendingState ? rows.filter((x) => x.status === pendingState).map(strip) : [],
    pendingSample:
      actor.role === 'finance_reviewer'
        ? rows.filter((x) => x.sampled && !(x.review as { total?: unknown } | null)?.total).map(strip)
        : [],
    // Not yet signed off (销号); for the finance bureau the ones reported and waiting for it come first.
    openRectifications: rect
      .filter((x) => x.status !== 'closed')
      .sort((a, b) => Number(b.status === 'reported') - Number(a.status === 'reported') || a.id - b.id)
      .map((x) => ({ id: x.id, evaluationId: x.evaluation_id, unitName: x.unitName, description: x.description, dueDate: x.due_date, status: x.status, overdue: x.due_date !== null && x.due_date < chinaDate(ctx.now()) })),
  };
}
