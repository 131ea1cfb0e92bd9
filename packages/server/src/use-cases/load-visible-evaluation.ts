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
  const r = repositories(ctx.db);
  const rec = await r.evaluations.findById(id);
  if (rec && actor.role === 'assessor' && isAssessorOf(actor, rec.bureauId) && (await r.samples.isAssigned(id, actor.id))) return rec;
  if (!rec || !canSee(actor, rec)) throw notFound(`评价报告 ${id}`);
  return rec;
}
