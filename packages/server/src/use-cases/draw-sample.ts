import { randomBytes } from 'node:crypto';
import { JxError, getProfile } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { forbidden } from '../errors.js';
import type { SampleRow } from '../db/schema.js';
import { repositories, type Repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';
import { parseSampleSettings } from '../sampling/parse-sample-settings.js';
import { planSample, type SampleCandidate } from '../sampling/plan-sample.js';

/** The lowest grade name of a profile (its last band), or null when the profile is unknown. */
function lowestGrade(profileRef: string): string | null {
  try {
    const grades = getProfile(profileRef).grades;
    return grades[grades.length - 1]?.name ?? null;
  } catch {
    return null;
  }
}

/** The draw's population with last year's lowest grades marked (same unit, kind and title). */
async function candidates(r: Repositories, bureauId: number, year: number): Promise<SampleCandidate[]> {
  const rows = await r.samples.listCandidates(bureauId, year);
  const poorLastYear = new Set(
    (await r.samples.listGraded(bureauId, year - 1)).filter((g) => g.grade !== null && g.grade === lowestGrade(g.profile)).map((g) => `${g.unitId}|${g.kind}|${g.title}`),
  );
  return rows.map((x) => ({
    id: x.id,
    departmentId: x.departmentId,
    departmentName: x.departmentName,
    kind: x.kind,
    amount: x.amount !== null && /^\d+(\.\d+)?$/.test(x.amount) ? x.amount : null,
    lastYearPoor: poorLastYear.has(`${x.unitId}|${x.kind}|${x.title}`),
  }));
}

const invalid = (field: string, label: string, message: string) => new JxError('SAMPLE_INVALID', `${label}（${field}）：${message}`, [{ field, label, message }]);

/**
 * 抽评: draws a stratified, seeded sample of the bureau's submitted evaluations of a year. The
 * settings, the seed, the population and the plan are recorded. A redraw needs a reason; the
 * earlier draw is kept (superseded) and stays listed. A draw whose items have been re-scored
 * cannot be redrawn.
 */
export async function drawSample(ctx: AppContext, actor: Actor, body: Record<string, unknown>): Promise<SampleRow> {
  if (actor.role !== 'finance_reviewer' || actor.bureauId === null) throw forbidden('只有财政局绩效科可以抽取抽评样本');
  const bureauId = actor.bureauId;
  const r0 = repositories(ctx.db);
  const year = Number.isInteger(body.fiscalYear) ? (body.fiscalYear as number) : null;
  const population = year === null ? [] : await candidates(r0, bureauId, year);
  const input = parseSampleSettings(body, population.length, randomBytes(8).toString('hex'));
  if (input.assessorId !== null && !(await r0.samples.findAssessor(input.assessorId, bureauId))) {
    throw invalid('assessorId', '评价机构', `账号 ${input.assessorId} 不是本局聘请的评价机构`);
  }
  const plan = planSample(population, input.settings);
  const strata = new Map(plan.strata.flatMap((s) => [...s.mandatory, ...s.drawn].map((id) => [id, s.label] as const)));
  const mandatory = new Map(plan.mandatory.map((m) => [m.id, m.reason]));
  const at = ctx.now();
  return inTransaction(ctx, 'draw-sample', async (r) => {
    const earlier = await r.samples.findActiveForUpdate(bureauId, input.fiscalYear);
    if (earlier) {
      const items = await r.samples.listItems({ sampleIds: [earlier.id] });
      const done = items.filter((i) => i.status !== 'assigned').length;
      if (done > 0) throw invalid('reason', '重新抽取理由', `当前抽样已有 ${done} 份完成复评，不能重新抽取`);
      if (input.reason === null) {
        throw invalid('reason', '重新抽取理由', `${input.fiscalYear} 年度已于 ${new Date(earlier.drawn_at).toISOString().slice(0, 10)} 抽样（第 ${earlier.id} 号），重新抽取须说明理由；原抽样将保留备查`);
      }
      await r.samples.supersede(earlier.id);
      await r.samples.setSampled(items.map((i) => i.evaluation_id).filter((id) => !plan.ids.includes(id)), false);
    }
    const sample = await r.samples.insert({
      bureauId,
      fiscalYear: input.fiscalYear,
      size: plan.ids.length,
      seed: input.settings.seed,
      population: population.map((p) => p.id),
      evaluationIds: plan.ids,
      settings: { ...input.settings, assessorId: input.assessorId },
      plan,
      reason: earlier ? input.reason : null,
      replaces: earlier?.id ?? null,
      assessorId: input.assessorId,
      drawnBy: actor.id,
      at,
    });
    await r.samples.insertItems(plan.ids.map((id) => ({ sampleId: sample.id, evaluationId: id, stratum: strata.get(id) ?? '全部', mandatory: mandatory.get(id) ?? null, assessorId: input.assessorId })));
    await r.samples.setSampled(plan.ids, true);
    await r.auditLog.append({
      entityType: 'sample',
      entityId: sample.id,
      evaluationId: null,
      actor,
      action: earlier ? AUDIT_EVENTS.SAMPLE_REDRAWN : AUDIT_EVENTS.SAMPLE_DRAWN,
      at,
      before: earlier ? { sampleId: earlier.id, evaluationIds: earlier.evaluation_ids, status: 'active' } : null,
      after: { seed: sample.seed, settings: input.settings, population: sample.population, evaluationIds: plan.ids, reason: sample.reason, assessorId: input.assessorId },
    });
    for (const id of plan.ids) {
      await r.auditLog.append({
        entityType: 'evaluation',
        entityId: id,
        evaluationId: id,
        actor,
        action: AUDIT_EVENTS.EVALUATION_SAMPLED,
        at,
        before: null,
        after: { sampled: true, sampleId: sample.id, seed: sample.seed, stratum: strata.get(id) ?? '全部', mandatory: mandatory.get(id) ?? null },
      });
    }
    return sample;
  });
}
