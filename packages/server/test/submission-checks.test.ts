/**
 * Checks before submission and ungradable totals, over HTTP on PGlite and PostgreSQL:
 * blocking findings listed in the evaluation, a refused submit (422 SUBMISSION_BLOCKED with the
 * list), the finance bureau's override with a reason (audit log), new blocking findings after an
 * override; 无法定级 in the stored grade, the lists and the dashboards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '@jixiao/core';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, loginAll, makeApp, sampleEvaluation, sampleWithoutReason, type Org } from './fixtures.js';

type Json = Record<string, any>;

const withoutReason = (over: Json = {}): Json => sampleWithoutReason(2024, over);

/** Weights 10 + 50 + 30 + 20 = 110 under a 满意度 heading of 10: blocking, and the total cannot be graded. */
function overweighted(): Json {
  const ev = sampleEvaluation(2024) as Json;
  ev.indicators[2].children[0].children[0].weight = '20';
  return ev;
}

describe.each(DATABASE_KINDS)('checks before submission on %s', (kind) => {
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

  async function create(evaluation: Json, unitId = org.unitA) {
    const res = await c.fillerA!.post('/api/evaluations', { unitId, fiscalYear: 2024, kind: 'project', evaluation });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Json;
  }

  it('lists the blocking findings in the evaluation before the unit presses submit', async () => {
    const d = await create(withoutReason());
    expect(d.submission.canSubmit).toBe(false);
    expect(d.submission.blocking.map((f: Json) => f.rule)).toEqual(['deviation-reason-present']);
    expect(d.submission.blocking[0].location.label).toContain('覆盖率');
    expect(d.submission.override).toBeNull();
  });

  it('refuses the submit with 422 SUBMISSION_BLOCKED and the list; nothing changes', async () => {
    const d = await create(withoutReason());
    const res = await c.headA!.post(`/api/evaluations/${d.id}/actions/submit`, { version: d.version });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('SUBMISSION_BLOCKED');
    expect(res.body.error.message).toMatch(/^报告还有提交前必须处理的审核问题，暂不能提交：共 1 个问题/);
    expect(res.body.error.issues).toEqual([
      expect.objectContaining({ field: 'indicators.1.children.0.children.0.deviationReason', message: expect.stringContaining('偏差原因分析及改进措施') }),
    ]);
    const after = await c.headA!.get(`/api/evaluations/${d.id}`);
    expect([after.body.status, after.body.version]).toEqual(['draft', d.version]);
  });

  it('accepts the submit once the unit fixes the finding', async () => {
    const d = await create(withoutReason());
    const saved = await c.fillerA!.put(`/api/evaluations/${d.id}`, { version: d.version, evaluation: sampleEvaluation(2024) });
    expect(saved.status).toBe(200);
    const res = await c.headA!.post(`/api/evaluations/${d.id}/actions/submit`, { version: saved.body.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('submitted');
  });

  it('lets only the finance bureau waive the checks, with a reason, recorded in the audit log', async () => {
    const d = await create(withoutReason());
    for (const who of ['fillerA', 'headA', 'dept1']) {
      const res = await c[who]!.post(`/api/evaluations/${d.id}/submission-override`, { reason: '按原样提交' });
      expect(res.status, who).toBe(403);
    }
    let res = await c.finance!.post(`/api/evaluations/${d.id}/submission-override`, { reason: '  ' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    res = await c.finance!.post(`/api/evaluations/${d.id}/submission-override`, { reason: '历年已公开报告，按原样录入' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.override).toMatchObject({ reason: '历年已公开报告，按原样录入', rules: ['deviation-reason-present'], role: 'finance_reviewer' });

    const detail = (await c.headA!.get(`/api/evaluations/${d.id}`)).body;
    expect(detail.version).toBe(d.version); // the unit's open editor keeps saving
    expect(detail.submission).toMatchObject({ canSubmit: true, blocking: [], override: { reason: '历年已公开报告，按原样录入' } });
    expect(detail.submission.waived.map((f: Json) => f.rule)).toEqual(['deviation-reason-present']);
    const history = (await c.headA!.get(`/api/evaluations/${d.id}/history`)).body as Json[];
    const logged = history.find((h) => h.action === 'evaluation.submission_checks_overridden');
    expect(logged?.after.override.reason).toBe('历年已公开报告，按原样录入');

    res = await c.headA!.post(`/api/evaluations/${d.id}/actions/submit`, { version: d.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    res = await c.finance!.post(`/api/evaluations/${d.id}/submission-override`, { reason: '再次放行' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
  });

  it('a new kind of blocking finding after the override blocks again; nothing to waive is a 400', async () => {
    const d = await create(withoutReason());
    expect((await c.finance!.post(`/api/evaluations/${d.id}/submission-override`, { reason: '偏差原因另附说明' })).status).toBe(200);
    const saved = await c.fillerA!.put(`/api/evaluations/${d.id}`, { version: d.version, evaluation: { ...withoutReason(), ...overweighted(), indicators: withoutReason().indicators.map((l: Json, i: number) => (i === 2 ? overweighted().indicators[2] : l)) } });
    expect(saved.status).toBe(200);
    const res = await c.headA!.post(`/api/evaluations/${d.id}/actions/submit`, { version: saved.body.version });
    expect(res.status).toBe(422);
    // the waived rule stays waived: only the two weight findings are listed
    expect(res.body.error.issues).toHaveLength(2);
    expect(res.body.error.issues.some((i: Json) => String(i.field).endsWith('deviationReason'))).toBe(false);
    const rules = (await c.headA!.get(`/api/evaluations/${d.id}`)).body.submission.blocking.map((f: Json) => f.rule).sort();
    expect(rules).toEqual(['level1-weights-match-heading', 'weights-total']);

    const clean = await create(sampleEvaluation(2024));
    const none = await c.finance!.post(`/api/evaluations/${clean.id}/submission-override`, { reason: '无需放行的报告' });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain('无需放行');
  });
});

describe.each(DATABASE_KINDS)('ungradable totals on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let c: Record<string, Client>;
  let gradable: Json;
  let ungradable: Json;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    c = await loginAll(makeApp(t.ctx));
    const post = async (unitId: number, client: Client, evaluation: Json) =>
      (await client.post('/api/evaluations', { unitId, fiscalYear: 2024, kind: 'project', evaluation })).body as Json;
    gradable = await post(org.unitA, c.fillerA!, sampleEvaluation(2024));
    ungradable = await post(org.unitB, c.fillerB!, overweighted());
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores no grade for 10 + 50 + 30 + 20 = 110 weights, with the reason, in the evaluation and the list', async () => {
    expect(ungradable.summary.grade).toBeNull();
    expect(ungradable.summary.ungradableReason).toBe('无法定级：各项分值合计 110 分，不等于规则总分 100 分');
    expect(ungradable.score.computedGrade).toBeNull();
    expect(ungradable.audit.grade).toBeNull();
    expect(gradable.summary.grade).toBe('优');
    const list = (await c.finance!.get('/api/evaluations?year=2024')).body.items as Json[];
    expect(list.find((x) => x.id === ungradable.id)).toMatchObject({ grade: null, ungradableReason: expect.stringMatching(/^无法定级：/) });
    expect(list.find((x) => x.id === gradable.id)).toMatchObject({ grade: '优', ungradableReason: null });
  });

  it('keeps it out of the ranking and the averages, and counts it as 无法定级', async () => {
    // both are drafts: the dashboard counts drafts only when asked to
    const d = (await c.finance!.get('/api/dashboard?year=2024&includeDrafts=1')).body as Json;
    expect(d.ranking.map((r: Json) => r.id)).toEqual([gradable.id]);
    expect(d.gradeDistribution).toEqual(expect.arrayContaining([expect.objectContaining({ label: '无法定级', count: 1 })]));
    const byUnit = new Map((d.byUnit as Json[]).map((u) => [u.unitId, u]));
    expect(byUnit.get(org.unitB)).toMatchObject({ count: 1, ungradable: 1, averageScore: null });
    // 9.5 + 50 + 30 × 85 ÷ 90 + 10 = 97.8333…: the average of the one gradable evaluation
    expect(dec(byUnit.get(org.unitA)!.averageScore).toDecimalPlaces(6).toString()).toBe('97.833333');
    expect(d.yearOverYear).toHaveLength(1);
    expect(d.yearOverYear[0].count).toBe(2);
    expect(dec(d.yearOverYear[0].averageScore).toDecimalPlaces(6).toString()).toBe('97.833333');
  });
});
