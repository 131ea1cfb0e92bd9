/**
 * A save's write, on PGlite and PostgreSQL: one statement (the versioned update and its audit
 * entry) when the row is still at the version read, and a look under the row lock otherwise —
 * concurrent saves of one version write once, a submission override set between the read and
 * the write is honoured in the stored blocking count, and the hash chain stays whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvaluation } from '@jixiao/core';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, PASSWORD, createOrg, loginAll, makeApp, sampleEvaluation, sampleWithoutReason, type Org } from './fixtures.js';
import { repositories } from '../src/repositories/index.js';
import { login } from '../src/use-cases/login.js';
import { writeEvaluation } from '../src/use-cases/save-evaluation.js';
import { AUDIT_EVENTS } from '../src/audit-events.js';

type Json = Record<string, any>;

const withoutReason = (statedScore = '97.5'): Json => sampleWithoutReason(2024, { totals: { statedScore } });

describe.each(DATABASE_KINDS)('a save write on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let c: Record<string, Client>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    c = await loginAll(makeApp(t.ctx));
  });
  afterAll(async () => {
    await t?.close();
  });

  async function create(evaluation: Json) {
    const res = await c.fillerA!.post('/api/evaluations', { unitId: org.unitA, fiscalYear: 2024, kind: 'project', evaluation });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Json;
  }

  it('twelve saves of one version at once: one is written, the others are 409 with the stored version', async () => {
    const d = await create(sampleEvaluation(2024));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => c.fillerA!.put(`/api/evaluations/${d.id}`, { version: d.version, evaluation: sampleEvaluation(2024, { totals: { statedScore: String(80 + i) } }) })),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual(Array(11).fill([409, 'VERSION_CONFLICT']));
    const row = await repositories(t.ctx.db).evaluations.findById(d.id);
    expect(row!.version).toBe(d.version + 1);
    const winner = results.indexOf(ok[0]!);
    expect((row!.data as Json).totals.statedScore).toBe(String(80 + winner));
    const updates = (await repositories(t.ctx.db).auditLog.listForEvaluation(d.id)).filter((e) => e.action === AUDIT_EVENTS.EVALUATION_UPDATED);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.before).toMatchObject({ version: d.version, changes: { 'totals.statedScore': '97.5' } });
    expect(updates[0]!.after).toMatchObject({ version: d.version + 1, changes: { 'totals.statedScore': String(80 + winner) } });
    expect((await repositories(t.ctx.db).auditLog.verifyChain()).broken).toEqual([]);
  });

  it('a save over a stale version writes nothing and names the stored version', async () => {
    const d = await create(sampleEvaluation(2024));
    const first = await c.fillerA!.put(`/api/evaluations/${d.id}`, { version: d.version, evaluation: sampleEvaluation(2024, { totals: { statedScore: '90' } }) });
    expect(first.status).toBe(200);
    const entries = (await repositories(t.ctx.db).auditLog.listForEvaluation(d.id)).length;
    const stale = await c.fillerA!.put(`/api/evaluations/${d.id}`, { version: d.version, evaluation: sampleEvaluation(2024, { totals: { statedScore: '91' } }) });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect(stale.body.error.message).toContain(String(first.body.version));
    expect((await repositories(t.ctx.db).auditLog.listForEvaluation(d.id)).length).toBe(entries);
    expect(((await repositories(t.ctx.db).evaluations.findById(d.id))!.data as Json).totals.statedScore).toBe('90');
  });

  it('the one-statement write refuses a row whose submission override changed since it was read', async () => {
    const d = await create(withoutReason());
    const r = repositories(t.ctx.db);
    const waived = await c.finance!.post(`/api/evaluations/${d.id}/submission-override`, { reason: '偏差原因另附说明' });
    expect(waived.status, JSON.stringify(waived.body)).toBe(200);
    const before = (await r.auditLog.listForEvaluation(d.id)).length;
    const entry = { entityType: 'evaluation' as const, entityId: d.id, evaluationId: d.id, actor: null, action: AUDIT_EVENTS.EVALUATION_UPDATED, at: new Date(), before: { version: d.version }, after: { version: d.version + 1 } };
    // Read before the override (none), written after it: nothing is written.
    expect(await r.evaluations.updateIfVersionLogged(d.id, d.version, null, { blocking: 1 }, entry)).toBe(false);
    expect((await r.auditLog.listForEvaluation(d.id)).length).toBe(before);
    expect((await r.evaluations.findById(d.id))!.version).toBe(d.version);
    // With the override as stored: the row and its entry, together.
    const stored = (await r.evaluations.findById(d.id))!.submission_override;
    expect(await r.evaluations.updateIfVersionLogged(d.id, d.version, stored, { blocking: 0 }, entry)).toBe(true);
    const row = (await r.evaluations.findById(d.id))!;
    expect([row.version, row.blocking]).toEqual([d.version + 1, 0]);
    const log = await r.auditLog.listForEvaluation(d.id);
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toMatchObject({ action: AUDIT_EVENTS.EVALUATION_UPDATED, actor: { id: null, name: '系统' }, before: { version: d.version }, after: { version: d.version + 1 } });
    expect((await r.auditLog.verifyChain()).broken).toEqual([]);
  });

  it('a save read before the finance bureau waived a finding stores the blocking count under the waiver', async () => {
    const d = await create(withoutReason());
    const r = repositories(t.ctx.db);
    const read = (await r.evaluations.findById(d.id))!; // the save's read: no override yet
    expect(read.blocking).toBe(1);
    expect((await c.finance!.post(`/api/evaluations/${d.id}/submission-override`, { reason: '偏差原因另附说明' })).status).toBe(200);
    const { actor } = await login(t.ctx, 'fillerA', PASSWORD);
    const parsed = parseEvaluation(withoutReason('95'));
    if (!parsed.ok) throw parsed.error;
    const saved = await writeEvaluation(t.ctx, actor, read, d.version, parsed.value, { target: null });
    expect(saved.version).toBe(d.version + 1);
    const row = (await r.evaluations.findById(d.id))!;
    expect([row.version, row.blocking, (row.data as Json).totals.statedScore]).toEqual([d.version + 1, 0, '95']);
    expect(saved.figures.blocking).toBe(0); // what the answer's figures say is what was stored
    const detail = await c.headA!.get(`/api/evaluations/${d.id}`);
    expect(detail.body.submission.canSubmit).toBe(true);
    expect((await r.auditLog.listForEvaluation(d.id)).filter((e) => e.action === AUDIT_EVENTS.EVALUATION_UPDATED)).toHaveLength(1);
  });

  it('Prefer: return=minimal answers the new version and the figures stored beside the row, not the whole score and audit', async () => {
    const d = await create(withoutReason());
    const body = (statedScore: string, version: number) => ({ version, evaluation: withoutReason(statedScore) });
    const full = await c.fillerA!.put(`/api/evaluations/${d.id}`, body('96', d.version));
    expect(full.status, JSON.stringify(full.body)).toBe(200);
    expect(full.headers.get('preference-applied')).toBeNull();
    expect(full.body.audit.counts.error + full.body.audit.counts.warning).toBeGreaterThan(0);
    const minimal = await c.fillerA!.request('PUT', `/api/evaluations/${d.id}`, body('95', full.body.version), { prefer: 'respond-async, return=minimal' });
    expect(minimal.status, JSON.stringify(minimal.body)).toBe(200);
    expect(minimal.headers.get('preference-applied')).toBe('return=minimal');
    expect(Object.keys(minimal.body).sort()).toEqual(['corrections', 'figures', 'updatedAt', 'version']);
    const row = (await repositories(t.ctx.db).evaluations.findById(d.id))!;
    expect(minimal.body.version).toBe(row.version);
    expect(minimal.body.figures).toEqual({
      selfScore: '95',
      computedScore: row.computed_score,
      grade: row.grade,
      ungradableReason: row.ungradable_reason,
      executionRate: row.execution_rate,
      errors: row.errors,
      warnings: row.warnings,
      blocking: row.blocking,
    });
    // The same counts the full answer's audit gave for the same findings (only the stated score changed).
    expect([minimal.body.figures.errors, minimal.body.figures.warnings]).toEqual([full.body.audit.counts.error, full.body.audit.counts.warning]);
    expect(minimal.body.figures.blocking).toBe(1);
  });

  it('a save or submit reads its row, the deadline task, its sample item and whether the unit has projects in one query', async () => {
    const r = repositories(t.ctx.db);
    const YEAR = 2027;
    const dept = await c.fillerA!.post('/api/evaluations', { unitId: org.unitA, fiscalYear: YEAR, kind: 'department', evaluation: { funds: { projectCount: 1 } } });
    expect(dept.status, JSON.stringify(dept.body).slice(0, 300)).toBe(201);
    const lone = await c.fillerB!.post('/api/evaluations', { unitId: org.unitB, fiscalYear: YEAR, kind: 'department', evaluation: {} });
    expect(lone.status).toBe(201);
    let read = await r.evaluations.findForWrite(dept.body.id);
    expect(read!.rec).toEqual(await r.evaluations.findById(dept.body.id));
    expect([read!.task, read!.sampleItem, read!.hasProjects]).toEqual([null, null, false]);
    expect(await r.evaluations.findForWrite(987654)).toBeUndefined();

    expect((await c.fillerA!.post('/api/evaluations', { unitId: org.unitA, fiscalYear: YEAR, kind: 'project', evaluation: sampleEvaluation(YEAR) })).status).toBe(201);
    const task = await r.tasks.insert(
      { bureauId: org.bureauId, fiscalYear: YEAR, kinds: ['department'], unitIds: [org.unitA], opensOn: `${YEAR + 1}-01-01`, dueOn: `${YEAR + 1}-03-31`, profile: 'national', template: 'national', monitoringPeriods: [], notice: null },
      org.users.finance!.id,
      new Date(),
    );
    const sample = await r.samples.insert({ bureauId: org.bureauId, fiscalYear: YEAR, size: 1, seed: 's', population: [dept.body.id], evaluationIds: [dept.body.id], settings: {}, plan: {}, reason: null, replaces: null, assessorId: null, drawnBy: org.users.finance!.id, at: new Date() });
    await r.samples.insertItems([{ sampleId: sample.id, evaluationId: dept.body.id, stratum: 'all', mandatory: null, assessorId: null }]);
    await t.ctx.db.updateTable('sample_items').set({ status: 'rescored', rescore: JSON.stringify({ total: '88.5' }) }).where('sample_id', '=', sample.id).execute();

    read = await r.evaluations.findForWrite(dept.body.id);
    expect(read!.rec).toEqual(await r.evaluations.findById(dept.body.id));
    expect(read!.task).toEqual({ id: task.id, status: 'open', due_on: `${YEAR + 1}-03-31`, unit_ids: [org.unitA] });
    expect(read!.sampleItem).toEqual({ status: 'rescored', rescore: { total: '88.5' } });
    expect(read!.hasProjects).toBe(true);
    const other = await r.evaluations.findForWrite(lone.body.id);
    expect([other!.task?.id, other!.sampleItem, other!.hasProjects]).toEqual([task.id, null, false]);
  });
});
