import { parseEvaluation, type Evaluation } from '@jixiao/core';
import { AUDIT_EVENTS, type AuditEvent } from '../audit-events.js';
import { blockingCount, computeEvaluation, figuresOf, titleOf, type Computed, type EvaluationFigures } from '../core-bridge.js';
import { inOneStatement, inTransaction, type AppContext } from '../context.js';
import { VersionConflictError, badRequest, notFound } from '../errors.js';
import type { Actor } from '../workflow/access.js';
import { assertEvaluationEditable } from './assert-evaluation-editable.js';
import { assertVisible } from './load-visible-evaluation.js';
import { diffJson } from './diff-json.js';
import { applyRecordIdentity, identityOf, type IdentityCorrection } from './apply-record-identity.js';
import { auditChildrenOf } from './get-department-projects.js';
import { repositories } from '../repositories/index.js';
import { assertTaskNotLocked } from '../plan/deadline-lock.js';
import { assertApprovedTargetsKept, loadEvaluationPlan, type EvaluationPlan } from '../plan/evaluation-plan.js';
import type { EvaluationRecord } from '../repositories/evaluation.repository.js';
import type { AuditEntry } from '../repositories/audit-log.repository.js';
import type { EvaluationUpdate } from '../db/schema.js';
import { submissionOverrideOf } from './check-submission.js';
import { refreshParentDepartments } from './refresh-department-figures.js';
import { qualityFigureOf, qualityReferenceFrom, qualityReferenceOf, type QualityReferenceTotal } from './compute-quality-figure.js';

/**
 * Saves the unit's edited evaluation. Optimistic: `version` must be the stored one, or
 * 409 VERSION_CONFLICT — a second writer never silently overwrites the first.
 *
 * The stored row is read once, before any write (with its model, for the identity, the approved
 * targets and the diff); validation, scoring, auditing and the diff for the audit log are
 * computed there too. The write is then one statement: the versioned update and its audit entry,
 * made only if the row is still at the version read. Every change of state or of the model bumps
 * the version, so an unchanged version means the state, unit and model checked above are the
 * row's. When that statement writes nothing, a transaction looks at the locked row to refuse
 * with the right reason (or to write over a changed submission override).
 */
export async function saveEvaluation(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { version: unknown; evaluation: unknown },
): Promise<WriteResult & { corrections: IdentityCorrection[] }> {
  if (!Number.isInteger(input.version)) throw badRequest('缺少 version（当前版本号）');
  const version = input.version as number;
  const r0 = repositories(ctx.db);
  // One query: the row, its bureau's task of the year, its active sample item, whether the unit has projects.
  const read = await r0.evaluations.findForWrite(id);
  const rec = await assertVisible(ctx, actor, id, read?.rec);
  const { task, sampleItem, hasProjects } = read!;
  assertEvaluationEditable(actor, rec, version); // guard, first look
  const stored = rec.data as Record<string, unknown>;
  const raw = input.evaluation as Record<string, unknown> | null;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest('evaluation 应为对象');
  // The unit, its department, the year and the kind belong to the stored record: a body that says otherwise is corrected, with a note.
  const identity = applyRecordIdentity(raw, identityOf(rec));
  const parsed = parseEvaluation({ ...identity.evaluation, profile: raw.profile ?? stored.profile });
  if (!parsed.ok) throw parsed.error;
  const evaluation = parsed.value;
  // After the annual task's due date a unit is locked unless the finance bureau unlocked it.
  await assertTaskNotLocked(r0, task, rec.unit_id, rec.fiscal_year, ctx.now());
  // Generated from approved targets: names, targets and weights stay as approved.
  const plan = await loadEvaluationPlan(r0, rec);
  assertApprovedTargetsKept(evaluation, plan);
  const children = await auditChildrenOf(r0, rec, hasProjects);
  const saved = await writeEvaluation(ctx, actor, rec, version, evaluation, plan, {
    corrections: identity.corrections,
    read: { children, quality: qualityReferenceFrom(sampleItem, rec) },
  });
  return { ...saved, corrections: identity.corrections };
}

/** What a write records beyond the model: the audit event, and a new approved-targets version. */
export interface WriteOptions {
  event?: AuditEvent;
  /** The approved target version the evaluation now follows (update to the latest approved version). */
  targetVersion?: number;
  /** Added to the audit entry's `after` (e.g. the indicators a new target version dropped). */
  note?: Record<string, unknown>;
  corrections?: IdentityCorrection[];
  /** What the caller already read: a department's project evaluations (undefined for others) and the 自评质量 reference. */
  read?: { children: Evaluation[] | undefined; quality: QualityReferenceTotal };
}

/** A write's outcome: the new version, the score and audit, and the figures stored beside the row. */
export interface WriteResult {
  version: number;
  computed: Computed;
  /** As stored for lists and dashboards (the 自评质量 figure is the rubric's, not here). */
  figures: EvaluationFigures;
  updatedAt: Date;
}

/**
 * Scores, audits and writes a validated evaluation over the stored row `rec` read at `version`,
 * with the audit entry, then refreshes its department's counts. Shared by the save and by the
 * update to the latest approved targets.
 */
export async function writeEvaluation(
  ctx: AppContext,
  actor: Actor,
  rec: EvaluationRecord,
  version: number,
  evaluation: Evaluation,
  plan: EvaluationPlan,
  opts: WriteOptions = {},
): Promise<WriteResult> {
  const id = rec.id;
  const corrections = opts.corrections ?? [];
  // A department evaluation is audited against its projects' roll-up (the stored counts include those findings).
  const r = repositories(ctx.db);
  const children = opts.read ? opts.read.children : await auditChildrenOf(r, rec);
  const computed = computeEvaluation(evaluation, children, plan);
  const f = figuresOf(evaluation, computed);
  const quality = qualityFigureOf(evaluation, computed, (opts.read?.quality ?? (await qualityReferenceOf(r, rec))).reviewTotal);
  const at = ctx.now();
  // Only what changed, on both sides (a whole report is ~35 KB; a save usually touches a few fields).
  const changes = diffJson(rec.data, evaluation);
  const data = JSON.stringify(evaluation);
  const title = titleOf(evaluation, rec.unitName);
  const patch = {
    data,
    title,
    profile: evaluation.profile,
    self_score: f.selfScore,
    computed_score: f.computedScore,
    quality_computed: quality,
    grade: f.grade,
    execution_rate: f.executionRate,
    ungradable_reason: f.ungradableReason,
    errors: f.errors,
    warnings: f.warnings,
    updated_at: at,
    ...(opts.targetVersion !== undefined ? { target_version: opts.targetVersion } : {}),
  };
  const entry = (storedVersion: number, newVersion: number): AuditEntry => ({
    entityType: 'evaluation',
    entityId: id,
    evaluationId: id,
    actor,
    action: opts.event ?? AUDIT_EVENTS.EVALUATION_UPDATED,
    at,
    before: { version: storedVersion, changes: changes.before, ...(opts.targetVersion !== undefined ? { targetVersion: rec.target_version } : {}) },
    after: {
      version: newVersion,
      changes: changes.after,
      ...(corrections.length ? { corrections } : {}),
      ...(opts.targetVersion !== undefined ? { targetVersion: opts.targetVersion } : {}),
      ...opts.note,
    },
  });
  // Usually one statement: the row still at the version (and submission override) read above.
  const blocking = blockingCount(computed.audit, submissionOverrideOf(rec.submission_override));
  const written = await inOneStatement(ctx, 'save-evaluation', (r) =>
    r.evaluations.updateIfVersionLogged(id, version, rec.submission_override, { ...patch, blocking }, entry(version, version + 1)),
  );
  // Otherwise look under the row lock: a newer version or another state is refused; a changed override is written with it.
  const saved: WriteResult = written
    ? { version: version + 1, computed, figures: { ...f, blocking }, updatedAt: at }
    : await writeUnderLock(ctx, actor, id, version, patch, computed, f, entry, at);
  // A project's figures feed its department's roll-up findings: refresh the department's stored counts.
  await refreshParentDepartments(ctx, [{ unitId: rec.unit_id, fiscalYear: rec.fiscal_year, kind: rec.kind }]);
  return saved;
}

/** The save's write when the one statement wrote nothing: the guard's second look on the locked row, then the write. */
async function writeUnderLock(
  ctx: AppContext,
  actor: Actor,
  id: number,
  version: number,
  patch: Omit<EvaluationUpdate, 'blocking'>,
  computed: Computed,
  f: EvaluationFigures,
  entry: (storedVersion: number, newVersion: number) => AuditEntry,
  at: Date,
): Promise<WriteResult> {
  return inTransaction(ctx, 'save-evaluation', async (r) => {
    const locked = await r.evaluations.findStateForUpdate(id);
    if (!locked) throw notFound();
    assertEvaluationEditable(actor, locked, version); // guard, second look, on the locked row
    const blocking = blockingCount(computed.audit, submissionOverrideOf(locked.submission_override));
    const updated = await r.evaluations.updateIfVersion(id, version, { ...patch, blocking });
    if (!updated) throw new VersionConflictError(locked.version);
    await r.auditLog.append(entry(locked.version, updated.version));
    return { version: updated.version, computed, figures: { ...f, blocking }, updatedAt: at };
  });
}
