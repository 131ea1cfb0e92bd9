/**
 * The whole review cycle over HTTP, on PGlite and on PostgreSQL: login → create → save →
 * submit → return (with opinion) → resubmit → department approve → finance re-score →
 * finance approve → publish → public read; the edit guard, version conflicts, the
 * append-only history and crash safety.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, loginAll, makeApp, sampleEvaluation, type Org } from './fixtures.js';
import { repositories } from '../src/repositories/index.js';

describe.each(DATABASE_KINDS)('review cycle on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let c: Record<string, Client>;
  let app: ReturnType<typeof makeApp>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    app = makeApp(t.ctx);
    c = await loginAll(app);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function create(client = c.fillerA!, unitId = org.unitA, over: Record<string, unknown> = {}) {
    const res = await client.post('/api/evaluations', { unitId, fiscalYear: 2024, kind: 'project', evaluation: sampleEvaluation(2024, over) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; version: number };
  }

  it('drives a whole cycle and records every step in the history', async () => {
    const { id, version: v1 } = await create();
    expect(v1).toBe(1);
    const detail = await c.fillerA!.get(`/api/evaluations/${id}`);
    expect(detail.body.status).toBe('draft');
    expect(detail.body.canEdit).toBe(true);
    expect(detail.body.allowedActions).toEqual([]); // the filler cannot submit
    expect((await c.headA!.get(`/api/evaluations/${id}`)).body.allowedActions).toEqual(['submit']);

    const saved = await c.fillerA!.put(`/api/evaluations/${id}`, { version: 1, evaluation: sampleEvaluation(2024, { totals: { statedScore: '96' } }) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(2);

    let res = await c.fillerA!.post(`/api/evaluations/${id}/actions/submit`, { version: 2 });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    res = await c.headA!.post(`/api/evaluations/${id}/actions/submit`, { version: 2 });
    expect(res.body).toEqual({ status: 'submitted', version: 3 });

    // Edits refused while submitted, with a reason.
    res = await c.fillerA!.put(`/api/evaluations/${id}`, { version: 3, evaluation: sampleEvaluation() });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
    expect(res.body.error.message).toMatch(/已提交/);

    // Return needs an opinion.
    res = await c.dept1!.post(`/api/evaluations/${id}/actions/return`, { version: 3 });
    expect(res.status).toBe(400);
    res = await c.dept1!.post(`/api/evaluations/${id}/actions/return`, { version: 3, opinion: '满意度调查样本量未说明' });
    expect(res.body).toEqual({ status: 'returned', version: 4 });

    res = await c.fillerA!.put(`/api/evaluations/${id}`, { version: 4, evaluation: sampleEvaluation(2024, { totals: { statedScore: '95' } }) });
    expect(res.status).toBe(200);
    res = await c.headA!.post(`/api/evaluations/${id}/actions/submit`, { version: 5 });
    expect(res.body.status).toBe('submitted');
    res = await c.dept1!.post(`/api/evaluations/${id}/actions/approve`, { version: 6 });
    expect(res.body).toEqual({ status: 'department_approved', version: 7 });

    // Finance re-scoring beside the self score.
    res = await c.finance!.put(`/api/evaluations/${id}/review`, {
      version: 7,
      reviewScores: { 'indicators.1.children.0.children.0': '25', execution: '9' },
      opinion: '覆盖率偏差原因不充分',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(8);
    // 95 − 28 + 25 − 9.5 + 9 = 91.5
    expect(res.body.reviewScore).toBe('91.5');
    res = await c.finance!.put(`/api/evaluations/${id}/review`, { version: 8, reviewScores: { 'indicators.1.children.0.children.0': '31' } });
    expect(res.status).toBe(400); // above the weight
    res = await c.finance!.put(`/api/evaluations/${id}/review`, { version: 8, reviewScores: { 'no.such.path': '1' } });
    expect(res.status).toBe(400);

    res = await c.finance!.post(`/api/evaluations/${id}/actions/approve`, { version: 8 });
    expect(res.body).toEqual({ status: 'finance_approved', version: 9 });
    expect((await c.anonymous!.get(`/api/public/reports/${id}`)).status).toBe(404); // not yet published
    // Stated 95 against a computed 97.5: an open audit error blocks publication until finance gives a reason.
    res = await c.finance!.post(`/api/evaluations/${id}/actions/publish`, { version: 9 });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('PUBLICATION_BLOCKED');
    res = await c.finance!.post(`/api/evaluations/${id}/actions/publish`, { version: 9, overrideReason: '单位自评总分按原文公开，差异已下发整改' });
    expect(res.body).toEqual({ status: 'published', version: 10, overridden: true });

    const pub = await c.anonymous!.get(`/api/public/reports/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.summary.reviewScore).toBe('91.5');
    expect(pub.body.evaluation.totals.statedScore).toBe('95');
    const list = await c.anonymous!.get('/api/public/reports?year=2024');
    expect(list.body.items.map((x: { id: number }) => x.id)).toContain(id);

    const history = await c.headA!.get(`/api/evaluations/${id}/history`);
    expect(history.body.map((h: { action: string }) => h.action)).toEqual([
      'evaluation.created',
      'evaluation.updated',
      'evaluation.submitted',
      'evaluation.returned',
      'evaluation.updated',
      'evaluation.submitted',
      'evaluation.department_approved',
      'evaluation.review_scored',
      'evaluation.finance_approved',
      'evaluation.published',
      'evaluation.publication_checks_overridden',
    ]);
    const returned = history.body[3];
    expect(returned.before).toEqual({ status: 'submitted', version: 3 });
    expect(returned.after).toEqual({ status: 'returned', version: 4, opinion: '满意度调查样本量未说明' });
    expect(returned.actor.name).toContain('dept1');
    const update = history.body[1];
    // Only what changed: the new totals object dropped the grade and changed the score.
    expect(update.before).toEqual({ version: 1, changes: { 'totals.statedScore': '97.5', 'totals.statedGrade': '优' } });
    expect(update.after).toEqual({ version: 2, changes: { 'totals.statedScore': '96', 'totals.statedGrade': null } });
  });

  it('a stale version gets 409 VERSION_CONFLICT with the current version, never a silent overwrite', async () => {
    const { id } = await create();
    const first = await c.fillerA!.put(`/api/evaluations/${id}`, { version: 1, evaluation: sampleEvaluation(2024, { totals: { statedScore: '90' } }) });
    expect(first.status).toBe(200);
    const second = await c.headA!.put(`/api/evaluations/${id}`, { version: 1, evaluation: sampleEvaluation(2024, { totals: { statedScore: '80' } }) });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('VERSION_CONFLICT');
    expect(second.body.error.currentVersion).toBe(2);
    const now = await c.fillerA!.get(`/api/evaluations/${id}`);
    expect(now.body.evaluation.totals.statedScore).toBe('90');
  });

  it('concurrent saves with the same version: exactly one wins, the other gets 409', async () => {
    const { id } = await create();
    const results = await Promise.all(
      ['81', '82', '83', '84'].map((s, i) =>
        (i % 2 ? c.headA! : c.fillerA!).put(`/api/evaluations/${id}`, { version: 1, evaluation: sampleEvaluation(2024, { totals: { statedScore: s } }) }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'VERSION_CONFLICT')).toBe(true);
    const history = await c.fillerA!.get(`/api/evaluations/${id}/history`);
    expect(history.body.filter((h: { action: string }) => h.action === 'evaluation.updated')).toHaveLength(1);
  });

  it('concurrent workflow actions on one version: one transition, no duplicate', async () => {
    const { id } = await create();
    const results = await Promise.all([1, 2, 3].map(() => c.headA!.post(`/api/evaluations/${id}/actions/submit`, { version: 1 })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const history = await c.headA!.get(`/api/evaluations/${id}/history`);
    expect(history.body.filter((h: { action: string }) => h.action === 'evaluation.submitted')).toHaveLength(1);
  });

  it('an error inside the transaction leaves nothing half-written', async () => {
    const { id } = await create();
    // Signing in (attempt counting, the session) commits; every other write crashes before commit.
    const signIn = new Set(['reserve-attempt', 'login']);
    const crashing = makeApp({ ...t.ctx, beforeCommit: (useCase) => { if (!signIn.has(useCase)) throw new Error('simulated crash'); } });
    const client = new Client(crashing);
    await client.login('fillerA');
    const before = await repositories(t.ctx.db).auditLog.listForEvaluation(id);
    const res = await client.put(`/api/evaluations/${id}`, { version: 1, evaluation: sampleEvaluation(2024, { totals: { statedScore: '11' } }) });
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('INTERNAL');
    const headClient = new Client(crashing);
    await headClient.login('headA');
    expect((await headClient.post(`/api/evaluations/${id}/actions/submit`, { version: 1 })).status).toBe(500);
    const created = await client.post('/api/evaluations', { unitId: org.unitA, fiscalYear: 2031, kind: 'project', evaluation: sampleEvaluation(2031) });
    expect(created.status).toBe(500);

    const row = await repositories(t.ctx.db).evaluations.findById(id);
    expect(row!.version).toBe(1);
    expect(row!.status).toBe('draft');
    expect((row!.data as { totals: { statedScore: string } }).totals.statedScore).toBe('97.5');
    expect(await repositories(t.ctx.db).auditLog.listForEvaluation(id)).toEqual(before);
    const n = await t.ctx.db.selectFrom('evaluations').select((eb) => eb.fn.countAll().as('n')).where('fiscal_year', '=', 2031).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('the audit log is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { id } = await create();
    await expect(sql`update audit_log set action = 'x' where evaluation_id = ${id}`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where evaluation_id = ${id}`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    expect((await c.fillerA!.get(`/api/evaluations/${id}/history`)).body).toHaveLength(1);
    // No route alters it.
    for (const m of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      expect((await c.admin!.request(m, `/api/evaluations/${id}/history`, {})).status).toBe(404);
    }
  });

  it('invalid models are refused with field-level Chinese issues', async () => {
    const { id } = await create();
    const res = await c.fillerA!.put(`/api/evaluations/${id}`, { version: 1, evaluation: { ...sampleEvaluation(), funds: { total: { initial: '-5' } } } });
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].field).toBe('funds.total.initial');
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('withdraw returns a submitted report to draft; published reports are final', async () => {
    const { id } = await create();
    await c.headA!.post(`/api/evaluations/${id}/actions/submit`, { version: 1 });
    const w = await c.headA!.post(`/api/evaluations/${id}/actions/withdraw`, { version: 2 });
    expect(w.body).toEqual({ status: 'draft', version: 3 });
    const bad = await c.headA!.post(`/api/evaluations/${id}/actions/withdraw`, { version: 3 });
    expect(bad.status).toBe(409);
    expect(bad.body.error.code).toBe('INVALID_STATE');
    expect(bad.body.error.message).toMatch(/草稿尚未提交/);
    expect((await c.headA!.post(`/api/evaluations/${id}/actions/fly`, { version: 3 })).status).toBe(404);
  });

  it('抽评: the seed and the draw are recorded; the same seed draws the same sample; a redraw needs a reason', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { id } = await create(c.fillerB!, org.unitB);
      await c.headB!.post(`/api/evaluations/${id}/actions/submit`, { version: 1 });
      ids.push(id);
    }
    const a = await c.finance!.post('/api/samples', { fiscalYear: 2024, count: 3, seed: 'seed-x' });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body.seed).toBe('seed-x');
    expect(a.body.evaluationIds).toHaveLength(3);
    const noReason = await c.finance!.post('/api/samples', { fiscalYear: 2024, count: 3, seed: 'seed-x' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.issues[0].field).toBe('reason');
    const b = await c.finance!.post('/api/samples', { fiscalYear: 2024, count: 3, seed: 'seed-x', reason: '核对：同一种子重抽' });
    expect(b.body.evaluationIds).toEqual(a.body.evaluationIds);
    expect(b.body.population).toEqual(a.body.population);
    const r = await c.finance!.post('/api/samples', { fiscalYear: 2024, count: 2, reason: '系统生成种子' });
    expect(r.body.seed).toMatch(/^[0-9a-f]{16}$/);
    const listed = await c.finance!.get('/api/samples?year=2024');
    expect(listed.body.map((s: { id: number; status: string }) => [s.id, s.status])).toEqual(expect.arrayContaining([[a.body.id, 'superseded'], [b.body.id, 'superseded'], [r.body.id, 'active']]));
    const sampled = await c.finance!.get(`/api/evaluations/${r.body.evaluationIds[0]}`);
    expect(sampled.body.summary.sampled).toBe(true);
    expect((await c.dept1!.post('/api/samples', { fiscalYear: 2024, count: 1 })).status).toBe(403);
    const todo = await c.finance!.get('/api/todo');
    // Drawn and not yet re-scored: this test's own (fresh, unreviewed) evaluations among the draw.
    const mine = (r.body.evaluationIds as number[]).filter((x) => ids.includes(x));
    expect(todo.body.pendingSample.map((x: { id: number }) => x.id)).toEqual(expect.arrayContaining(mine));
  });

  it('targets: filed as a tree, approved and locked; an approved adjustment keeps both versions', async () => {
    const leaf = (id: string, name: string, value: string, unitOfMeasure: string) => ({ id, name, sign: '>=', value, unitOfMeasure, weight: '10' });
    const tree = { goal: '完成培训', indicators: [{ name: '产出指标', weight: '20', children: [{ name: '数量指标', weight: '20', children: [leaf('a', '培训人次', '100', '人次'), leaf('b', '满意度', '90', '%')] }] }] };
    const created = await c.fillerA!.post('/api/targets', { unitId: org.unitA, fiscalYear: 2025, kind: 'department', name: '2025 年度目标', tree });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    expect((await c.fillerA!.put(`/api/targets/${id}`, { version: 1, name: '2025 年度目标（修订）' })).body.version).toBe(2);
    expect((await c.headA!.post(`/api/targets/${id}/actions/submit`, { version: 2 })).body.status).toBe('submitted');
    expect((await c.finance!.post(`/api/targets/${id}/actions/approve`, { version: 3 })).status).toBe(403);
    expect((await c.dept1!.post(`/api/targets/${id}/actions/approve`, { version: 3 })).body.status).toBe('department_approved');
    const approved = await c.finance!.post(`/api/targets/${id}/actions/approve`, { version: 4 });
    expect(approved.body).toMatchObject({ status: 'approved', approvedVersion: 1 });
    const locked = await c.fillerA!.put(`/api/targets/${id}`, { version: 5, name: 'x' });
    expect(locked.status).toBe(409);
    expect(locked.body.error.message).toMatch(/锁定/);
    const lowered = structuredClone(tree);
    lowered.indicators[0]!.children[0]!.children[0]!.value = '80';
    const adj = await c.fillerA!.post(`/api/targets/${id}/adjustments`, { reason: '年中预算调减', tree: lowered });
    expect(adj.status).toBe(201);
    const aid = adj.body.adjustments[0].id;
    expect((await c.fillerA!.post(`/api/targets/${id}/adjustments/${aid}/actions/approve`, {})).status).toBe(403);
    expect((await c.finance!.post(`/api/targets/${id}/adjustments/${aid}/actions/approve`, {})).status).toBe(403);
    await c.dept1!.post(`/api/targets/${id}/adjustments/${aid}/actions/approve`, {});
    const ok = await c.finance!.post(`/api/targets/${id}/adjustments/${aid}/actions/approve`, {});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.versions.map((v: { tree: typeof tree }) => v.tree.indicators[0]!.children[0]!.children[0]!.value)).toEqual(['100', '80']);
    expect((await c.finance!.post(`/api/targets/${id}/adjustments/${aid}/actions/approve`, {})).status).toBe(409);
    const listed = await c.fillerA!.get('/api/targets?year=2025');
    expect(listed.body.map((t: { id: number }) => t.id)).toContain(id);
    expect((await c.fillerC!.get('/api/targets?year=2025')).body).toEqual([]);
  });

  it('rectifications: opened by finance against a finding, answered by the unit', async () => {
    // A stated total that is not the sum of its parts: the auditor reports it.
    const { id } = await create(c.fillerA!, org.unitA, { totals: { statedScore: '10', statedGrade: '优' } });
    const detail = await c.finance!.get(`/api/evaluations/${id}`);
    const finding = detail.body.audit.findings[0];
    expect(finding, 'the auditor should report the wrong total').toBeTruthy();
    const bogus = await c.finance!.post('/api/rectifications', { evaluationId: id, rule: 'no-such-rule', description: 'x', dueDate: '2025-06-30' });
    expect(bogus.status).toBe(400);
    expect(bogus.body.error.message).toMatch(/没有规则/);
    const r = await c.finance!.post('/api/rectifications', { evaluationId: id, rule: finding.rule, description: '补充偏差原因', dueDate: '2025-06-30' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.findings.length).toBeGreaterThan(0);
    expect(r.body.findings[0].rule).toBe(finding.rule);
    expect((await c.fillerA!.post('/api/rectifications', { evaluationId: id, description: 'x', dueDate: '2025-06-30' })).status).toBe(403);
    const todo = await c.fillerA!.get('/api/todo');
    expect(todo.body.openRectifications.map((x: { id: number }) => x.id)).toContain(r.body.id);
    // The unit cannot close its own item: it reports, the finance bureau signs off (销号).
    expect((await c.fillerA!.patch(`/api/rectifications/${r.body.id}`, { status: 'done', note: '已补充', version: 1 })).status).toBe(409);
    const u = await c.fillerA!.patch(`/api/rectifications/${r.body.id}`, { status: 'in_progress', note: '正在补充', version: 1 });
    expect(u.body.status).toBe('in_progress');
    expect((await c.fillerA!.patch(`/api/rectifications/${r.body.id}`, { note: 'x', version: 1 })).status).toBe(409);
    expect((await c.fillerC!.patch(`/api/rectifications/${r.body.id}`, { status: 'open' })).status).toBe(404);
    const list = await c.finance!.get(`/api/rectifications?evaluationId=${id}`);
    expect(list.body).toHaveLength(1);
    const history = await c.fillerA!.get(`/api/evaluations/${id}/history`);
    expect(history.body.map((h: { action: string }) => h.action)).toContain('rectification.started');
  });

  it('dashboards and lists reflect only what the user may see', async () => {
    await create(c.fillerC!, org.unitC);
    const fin = await c.finance!.get('/api/dashboard?year=2024');
    expect(fin.status).toBe(200);
    expect(fin.body.gradeDistribution.reduce((a: number, g: { count: number }) => a + g.count, 0)).toBeGreaterThan(0);
    for (const k of ['ranking', 'selfVsComputed', 'executionVsScore', 'yearOverYear']) expect(Array.isArray(fin.body[k])).toBe(true);
    const unitC = await c.fillerC!.get('/api/evaluations');
    expect(unitC.body.items.every((x: { unitId: number }) => x.unitId === org.unitC)).toBe(true);
    const dept = await c.dept1!.get('/api/evaluations?pageSize=200');
    expect(dept.body.items.every((x: { unitId: number }) => x.unitId === org.unitA || x.unitId === org.unitB)).toBe(true);
    const q = await c.finance!.get('/api/evaluations?q=' + encodeURIComponent('丙'));
    expect(q.body.items.length).toBeGreaterThan(0);
    expect(q.body.items.every((x: { unitName: string }) => x.unitName === '丙单位')).toBe(true);
    const orgView = await c.fillerC!.get('/api/org');
    expect(orgView.body.units.map((u: { id: number }) => u.id)).toEqual([org.unitC]);
    expect((await c.finance!.get('/api/org')).body.units).toHaveLength(3);
  });
});
