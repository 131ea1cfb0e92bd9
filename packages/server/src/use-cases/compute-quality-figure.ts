/**
 * 自评质量 as the rubric computes it, before the finance bureau confirms or adjusts it: one
 * computation for the quality endpoint (assess-evaluation-quality) and for the stored
 * `evaluations.quality_computed` that lists sort and filter by, so the two never differ.
 *
 * The rubric (core `scoreSelfEvaluationQuality`) reads the evaluation, the score and audit a save
 * computes (a department against its projects, an evaluation generated from targets against its
 * approved targets) and the reference total: the third-party re-score of the active draw, else the
 * finance bureau's re-score, else the computed total.
 */
import { getProfile, scoreSelfEvaluationQuality, type Evaluation, type SelfEvaluationQuality } from '@jixiao/core';
import type { Computed } from '../core-bridge.js';
import type { Repositories } from '../repositories/index.js';

export type QualityReference = 'sample' | 'review' | 'computed';

export interface QualityReferenceTotal {
  /** The re-score total the self score is compared with; null: the computed total is the reference. */
  reviewTotal: string | null;
  reference: QualityReference;
}

/** The reference total of a stored evaluation (its active sample item, else its review score). */
export async function qualityReferenceOf(r: Repositories, rec: { id: number; review_score: string | null }): Promise<QualityReferenceTotal> {
  return qualityReferenceFrom((await r.samples.activeItemOf(rec.id)) ?? null, rec);
}

/** The reference total from the evaluation's item in an active sample (null: none), already read. */
export function qualityReferenceFrom(item: { status: string; rescore: unknown } | null, rec: { review_score: string | null }): QualityReferenceTotal {
  const sampleTotal = item?.status === 'rescored' ? ((item.rescore as { total?: string | null } | null)?.total ?? null) : null;
  return { reviewTotal: sampleTotal ?? rec.review_score, reference: sampleTotal !== null ? 'sample' : rec.review_score !== null ? 'review' : 'computed' };
}

/** The rubric's parts and total (throws when the evaluation's profile is unknown). */
export function qualityOf(evaluation: Evaluation, computed: Computed, reviewTotal: string | null): SelfEvaluationQuality {
  return scoreSelfEvaluationQuality({ evaluation, profile: getProfile(evaluation.profile), score: computed.score, audit: computed.audit, reviewTotal });
}

/** The computed total as stored (an exact decimal string); null when the profile is unknown to this build. */
export function qualityFigureOf(evaluation: Evaluation, computed: Computed, reviewTotal: string | null): string | null {
  try {
    return qualityOf(evaluation, computed, reviewTotal).total.toString();
  } catch {
    return null;
  }
}
