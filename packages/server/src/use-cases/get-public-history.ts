/**
 * What the public portal may know beyond a report's content: its publication history (公开,
 * 撤回公开 with the reason given — never who did it or internal opinions) and the departments
 * with published reports, for the portal's filter.
 */
import type { AppContext } from '../context.js';
import { AUDIT_EVENTS } from '../audit-events.js';
import { repositories } from '../repositories/index.js';

export interface PublicHistory {
  id: number;
  title: string;
  status: 'published' | 'withdrawn';
  history: { event: 'published' | 'withdrawn'; at: string; reason: string | null }[];
}

/** Null when the evaluation was never published (the portal then knows nothing of it). */
export async function publicHistory(ctx: AppContext, id: number): Promise<PublicHistory | null> {
  const r = repositories(ctx.db);
  const rec = await r.evaluations.findById(id);
  if (!rec) return null;
  const rows = (await r.auditLog.listForEvaluation(id)).filter((x) => x.action === AUDIT_EVENTS.EVALUATION_PUBLISHED || x.action === AUDIT_EVENTS.EVALUATION_UNPUBLISHED);
  if (rows.length === 0) return null;
  const history = rows.map((x) => ({
    event: x.action === AUDIT_EVENTS.EVALUATION_PUBLISHED ? ('published' as const) : ('withdrawn' as const),
    at: new Date(x.at).toISOString(),
    reason: x.action === AUDIT_EVENTS.EVALUATION_UNPUBLISHED ? (((x.after as { opinion?: string } | null)?.opinion ?? null) as string | null) : null,
  }));
  return { id, title: rec.title, status: rec.status === 'published' ? 'published' : 'withdrawn', history };
}

export function publicKind(k: string | undefined): string | undefined {
  return k === 'department' || k === 'project' || k === 'transfer' ? k : undefined;
}

export function listPublicDepartments(ctx: AppContext, year: number | undefined) {
  return repositories(ctx.db).publicPortal.listPublishedDepartments(year);
}
