import type { AppContext } from '../context.js';
import { forbidden } from '../errors.js';
import { repositories } from '../repositories/index.js';
import { visibilityOf, type Actor } from '../workflow/access.js';
import { toSummary } from './evaluation-views.js';

/** 抽评记录 of a year, each with the summaries of its drawn evaluations (those the actor may see). */
export async function listSamples(ctx: AppContext, actor: Actor, f: { year?: number | undefined }) {
  if (actor.role !== 'finance_reviewer' && actor.role !== 'admin') throw forbidden('只有财政局绩效科可以查看抽评记录');
  const r = repositories(ctx.db);
  const samples = await r.samples.list(f.year);
  const ids = [...new Set(samples.flatMap((s) => idsOf(s.evaluation_ids)))];
  const rows = ids.length ? await r.evaluations.listLight(visibilityOf(actor), { ids }) : [];
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
  return samples.map((s) => ({
    sample: s,
    evaluations: idsOf(s.evaluation_ids).flatMap((id) => byId.get(id) ?? []),
  }));
}

function idsOf(v: unknown): number[] {
  const list = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(list) ? list.map(Number) : [];
}
