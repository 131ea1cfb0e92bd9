import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { repositories } from '../repositories/index.js';
import type { EvaluationRecord } from '../repositories/evaluation.repository.js';
import { canSee, isAssessorOf, type Actor } from '../workflow/access.js';

/**
 * The evaluation if the actor may see it; 404 otherwise (no hint that it exists). A third-party
 * reviewer sees an evaluation only while it is in an active sample assigned to it.
 */
export async function loadVisibleEvaluation(ctx: AppContext, actor: Actor, id: number): Promise<EvaluationRecord> {
  return assertVisible(ctx, actor, id, await repositories(ctx.db).evaluations.findById(id));
}

/** `rec` (the row read for `id`, undefined when there is none) if the actor may see it; 404 otherwise. */
export async function assertVisible(ctx: AppContext, actor: Actor, id: number, rec: EvaluationRecord | undefined): Promise<EvaluationRecord> {
  if (rec && actor.role === 'assessor' && isAssessorOf(actor, rec.bureauId) && (await repositories(ctx.db).samples.isAssigned(id, actor.id))) return rec;
  if (!rec || !canSee(actor, rec)) throw notFound(`评价报告 ${id}`);
  return rec;
}
