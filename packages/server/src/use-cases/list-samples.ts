import { getProfile } from '@jixiao/core';
import type { AppContext } from '../context.js';
import { forbidden } from '../errors.js';
import type { SampleRow } from '../db/schema.js';
import { repositories } from '../repositories/index.js';
import type { SampleItemRecord } from '../repositories/sample.repository.js';
import { visibilityOf, type Actor } from '../workflow/access.js';
import { SAMPLE_ITEM_STATE_LABELS, SAMPLE_STATE_LABELS } from '../workflow/after-cycle-machines.js';
import { toSummary } from './evaluation-views.js';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** A sample item as the API shows it (its evaluation's light summary beside the re-score). */
export function sampleItemJson(i: SampleItemRecord) {
  return {
    id: i.id,
    sampleId: i.sample_id,
    evaluationId: i.evaluation_id,
    fiscalYear: i.fiscalYear,
    sampleActive: i.sampleStatus === 'active',
    stratum: i.stratum,
    mandatory: i.mandatory,
    assessorId: i.assessor_id,
    status: i.status,
    statusLabel: SAMPLE_ITEM_STATE_LABELS[i.status],
    rescore: i.rescore,
    review: i.review,
    version: i.version,
    unitName: i.unitName,
    departmentName: i.departmentName,
    kind: i.kind,
    title: i.title,
    evaluationStatus: i.evaluationStatus,
    selfScore: i.selfScore,
    computedScore: i.computedScore,
    reviewScore: i.reviewScore,
    grade: i.grade,
    /** The grade names of the evaluation's profile (the 抽评等级 to choose from). */
    grades: gradeNames(i.profile),
  };
}

function gradeNames(profileRef: string): string[] {
  try {
    return getProfile(profileRef).grades.map((g) => g.name);
  } catch {
    return [];
  }
}

export function sampleJson(s: SampleRow) {
  return {
    id: s.id,
    fiscalYear: s.fiscal_year,
    size: s.size,
    seed: s.seed,
    drawnAt: iso(s.drawn_at),
    status: s.status,
    statusLabel: SAMPLE_STATE_LABELS[s.status],
    reason: s.reason,
    replaces: s.replaces,
    assessorId: s.assessor_id,
    settings: s.settings,
    plan: s.plan,
    population: s.population,
    evaluationIds: s.evaluation_ids,
  };
}

/**
 * 抽评记录 of a year (the bureau's, every bureau's for the administrator), newest first, each
 * with its items and the summaries of its drawn evaluations; superseded draws stay listed.
 */
export async function listSamples(ctx: AppContext, actor: Actor, f: { year?: number | undefined }) {
  if (actor.role !== 'finance_reviewer' && actor.role !== 'admin') throw forbidden('只有财政局绩效科可以查看抽评记录');
  const r = repositories(ctx.db);
  const samples = await r.samples.list(actor.role === 'admin' ? null : actor.bureauId ?? -1, f.year);
  const items = await r.samples.listItems({ sampleIds: samples.map((s) => s.id) });
  const ids = [...new Set(items.map((i) => i.evaluation_id))];
  const rows = ids.length ? await r.evaluations.listLight(visibilityOf(actor), { ids }) : [];
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
  return samples.reverse().map((s) => {
    const own = items.filter((i) => i.sample_id === s.id);
    return { ...sampleJson(s), items: own.map(sampleItemJson), evaluations: own.flatMap((i) => byId.get(i.evaluation_id) ?? []) };
  });
}

/** The items a user works on: an assessor's own (active draws); the finance bureau's active items of a year. */
export async function listSampleItems(ctx: AppContext, actor: Actor, f: { year?: number | undefined }) {
  const r = repositories(ctx.db);
  if (actor.role === 'assessor') return (await r.samples.listItems({ assessorId: actor.id, activeOnly: true, year: f.year })).map(sampleItemJson);
  if (actor.role !== 'finance_reviewer' && actor.role !== 'admin') throw forbidden('只有财政局绩效科和评价机构可以查看抽评事项');
  const items = await r.samples.listItems({ activeOnly: true, year: f.year });
  return items.filter((i) => actor.role === 'admin' || i.bureauId === actor.bureauId).map(sampleItemJson);
}
