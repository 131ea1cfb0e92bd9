/** The whole ranking of a scope, a page at a time (best first; 无法定级 totals left out). */
import type { AppContext } from '../context.js';
import { DashboardRepository } from '../repositories/dashboard.repository.js';
import { visibilityOf, type Actor } from '../workflow/access.js';
import { dashboardScope, type DashboardFilters } from './get-dashboard.js';

export async function getRanking(ctx: AppContext, actor: Actor, f: DashboardFilters, page: { offset: number; limit: number }) {
  const repo = new DashboardRepository(ctx.db);
  const v = visibilityOf(actor);
  const scope = dashboardScope(f);
  const [items, kinds] = await Promise.all([repo.ranking(v, scope, page), repo.byKind(v, scope)]);
  const total = kinds.find((k) => k.kind === null)?.ranked ?? 0;
  return { items: items.map((r, i) => ({ rank: page.offset + i + 1, ...r })), total, offset: page.offset, limit: page.limit };
}
