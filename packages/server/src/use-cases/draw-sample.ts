import { randomBytes } from 'node:crypto';
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { badRequest, forbidden } from '../errors.js';
import type { SampleRow } from '../db/schema.js';
import type { Actor } from '../workflow/access.js';
import { drawSeededSample } from './draw-seeded-sample.js';

/** 抽评: draws a random sample of the bureau's reviewed evaluations; the seed and draw are recorded. */
export async function drawSample(
  ctx: AppContext,
  actor: Actor,
  input: { fiscalYear?: unknown; size?: unknown; seed?: unknown },
): Promise<SampleRow> {
  if (actor.role !== 'finance_reviewer' || actor.bureauId === null) throw forbidden('只有财政局绩效科可以抽取抽评样本');
  const bureauId = actor.bureauId;
  if (!Number.isInteger(input.fiscalYear)) throw badRequest('fiscalYear 应为年份');
  if (!Number.isInteger(input.size) || (input.size as number) < 1) throw badRequest('size 应为正整数');
  const seed = input.seed === undefined || input.seed === null || input.seed === '' ? randomBytes(8).toString('hex') : String(input.seed);
  const at = ctx.now();
  return inTransaction(ctx, 'draw-sample', async (r) => {
    const population = await r.evaluations.listSamplingPopulation(bureauId, input.fiscalYear as number);
    const drawn = drawSeededSample(population, input.size as number, seed);
    const sample = await r.samples.insert({
      fiscalYear: input.fiscalYear as number,
      size: input.size as number,
      seed,
      population,
      evaluationIds: drawn,
      drawnBy: actor.id,
      at,
    });
    await r.evaluations.markSampled(drawn);
    await r.auditLog.append({
      entityType: 'sample',
      entityId: sample.id,
      evaluationId: null,
      actor,
      action: AUDIT_EVENTS.SAMPLE_DRAWN,
      at,
      before: null,
      after: { seed, size: sample.size, population, evaluationIds: drawn },
    });
    for (const id of drawn) {
      await r.auditLog.append({
        entityType: 'evaluation',
        entityId: id,
        evaluationId: id,
        actor,
        action: AUDIT_EVENTS.EVALUATION_SAMPLED,
        at,
        before: { sampled: false },
        after: { sampled: true, sampleId: sample.id, seed },
      });
    }
    return sample;
  });
}
