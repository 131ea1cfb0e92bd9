import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { repositories } from '../repositories/index.js';
import type { EvaluationRecord } from '../repositories/evaluation.repository.js';
import { canSee, type Actor } from '../workflow/access.js';

/** The evaluation if the actor may see it; 404 otherwise (no hint that it exists). */
export async function loadVisibleEvaluation(ctx: AppContext, actor: Actor, id: number): Promise<EvaluationRecord> {
  const rec = await repositories(ctx.db).evaluations.findById(id);
  if (!rec || !canSee(actor, rec)) throw notFound(`评价报告 ${id}`);
  return rec;
}
