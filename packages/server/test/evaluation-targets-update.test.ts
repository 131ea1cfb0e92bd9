/**
 * 更新为最新批复版本 over HTTP, on PGlite and on PostgreSQL: a unit's self-evaluation generated
 * from approved targets (version 1) is filled in; an adjustment is approved (version 2: one
 * indicator dropped, one target lowered); the detail says a later version exists; the unit moves
 * the self-evaluation to it — its entries kept on every indicator still approved, the dropped one
 * named in the answer and the audit log (evaluation.targets_updated), target_version moved. A stale
 * version is 409; another unit, a reviewer, a submitted evaluation and an up-to-date one are refused
 * in Chinese, nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, loginAll, makeApp } from './fixtures.js';

const leaf = (id: string, name: string, sign: string, value: string, unitOfMeasure: string | null, weight: string) => ({ id, name, sign, value, unitOfMeasure, weight });
const TREE = {
  goal: '完成年度培训任务，提升基层服务能力。',
  indicators: [
    {
      name: '产出指标',
      weight: '50',
      children: [
        { name: '数量指标', weight: '20', children: [leaf('q1', '培训人次', '>=', '1000', '人次', '10'), leaf('q5', '培训班次', '>=', '20', '班', '10')] },
        { name: '质量指标', weight: '10', children: [leaf('q2', '培训考核合格率', '>=', '95', '%', '10')] },
        { name: '时效指标', weight: '10', children: [leaf('q3', '培训完成时间', '<=', '11', '月', '10')] },
        { name: '成本指标', weight: '10', children: [leaf('q4', '人均培训成本', '<=', '800', '元', '10')] },
      ],
    },
    { name: '效益指标', weight: '30', children: [{ name: '社会效益指标', weight: '30', children: [leaf('e1', '持证上岗率', '>=', '90', '%', '30')] }] },
    { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', weight: '10', children: [leaf('s1', '参训人员满意度', '>=', '90', '%', '10')] }] },
  ],
};

/** Version 2: 培训班次 dropped (its weight to 培训人次), 培训人次 lowered to 900. */
function adjusted() {
  const t = structuredClone(TREE);
  const qty = t.indicators[0]!.children[0]!;
  qty.children = [{ ...qty.children[0]!, value: '900', weight: '20' }];
  return t;
}

type Leaf = { id?: string; name: string; target?: string; weight?: string; actual?: string | null; selfScore?: string | null; deviationReason?: string | null };
const leaves = (ev: { indicators: Array<{ children: Array<{ children: Leaf[] }> }> }) => ev.indicators.flatMap((a) => a.children.flatMap((b) => b.children));

describe.each(DATABASE_KINDS)('更新为最新批复版本 on %s', (kind) => {
  let t: TestDatabase;
  let c: Record<string, Client>;
  let targetId: number;
  let evaluationId: number;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await createOrg(t.ctx);
    c = await loginAll(makeApp(t.ctx));
  });
  afterAll(async () => {
    await t?.close();
  });

  const detail = async () => (await c.fillerA!.get(`/api/evaluations/${evaluationId}`)).body;
  const stored = async () => t.ctx.db.selectFrom('evaluations').select(['version', 'target_version']).where('id', '=', evaluationId).executeTakeFirstOrThrow();

  it('targets approved (version 1), the self-evaluation generated from them and filled in', async () => {
    let res = await c.fillerA!.post('/api/targets', { fiscalYear: 2025, kind: 'department', tree: TREE });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    targetId = res.body.id;
    await c.headA!.post(`/api/targets/${targetId}/actions/submit`, { version: 1 });
    await c.dept1!.post(`/api/targets/${targetId}/actions/approve`, { version: 2 });
    res = await c.finance!.post(`/api/targets/${targetId}/actions/approve`, { version: 3 });
    expect(res.body).toMatchObject({ status: 'approved', approvedVersion: 1 });
    res = await c.fillerA!.post(`/api/targets/${targetId}/evaluation`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    evaluationId = res.body.evaluationId;
    const d = await detail();
    expect(d.targets).toMatchObject({ id: targetId, version: 1, latestVersion: 1 });
    const ev = structuredClone(d.evaluation);
    const [q1, q5, q2] = leaves(ev);
    Object.assign(q1!, { actual: '950人次', selfScore: '9' });
    Object.assign(q5!, { actual: '22班', selfScore: '10' });
    Object.assign(q2!, { actual: '93%', selfScore: '8', deviationReason: '考核标准提高' });
    res = await c.fillerA!.put(`/api/evaluations/${evaluationId}`, { version: d.version, evaluation: ev });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('an adjustment approved later: the detail says a later approved version exists', async () => {
    let res = await c.headA!.post(`/api/targets/${targetId}/adjustments`, { reason: '年中培训场地改造，班次合并', tree: adjusted() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const adj = res.body.adjustments[0];
    await c.dept1!.post(`/api/targets/${targetId}/adjustments/${adj.id}/actions/approve`, {});
    res = await c.finance!.post(`/api/targets/${targetId}/adjustments/${adj.id}/actions/approve`, { opinion: '同意调整' });
    expect(res.body.approvedVersion).toBe(2);
    expect((await detail()).targets).toMatchObject({ version: 1, latestVersion: 2 });
  });

  it('refused for another unit, a reviewer, a stale version and bad input — in Chinese, nothing written', async () => {
    const d = await detail();
    const before = await stored();
    let res = await c.fillerB!.post(`/api/evaluations/${evaluationId}/approved-targets`, { version: d.version });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    res = await c.dept1!.post(`/api/evaluations/${evaluationId}/approved-targets`, { version: d.version });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('只有本单位的填报人或单位负责人');
    res = await c.fillerA!.post(`/api/evaluations/${evaluationId}/approved-targets`, { version: d.version - 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    res = await c.fillerA!.post(`/api/evaluations/${evaluationId}/approved-targets`, {});
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0]).toMatchObject({ field: 'version' });
    expect(await stored()).toEqual(before);
  });

  it('moves to version 2: entries kept on the indicators still approved, the dropped one listed, target_version moved', async () => {
    const d = await detail();
    const res = await c.fillerA!.post(`/api/evaluations/${evaluationId}/approved-targets`, { version: d.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ version: d.version + 1, targetVersion: 2, dropped: [{ id: 'q5', label: '产出指标 › 数量指标 › 培训班次' }] });
    expect(await stored()).toEqual({ version: d.version + 1, target_version: 2 });
    const after = await detail();
    expect(after.targets).toMatchObject({ version: 2, latestVersion: 2, leafIds: ['q1', 'q2', 'q3', 'q4', 'e1', 's1'] });
    const byId = new Map(leaves(after.evaluation).map((l) => [l.id, l]));
    expect(byId.has('q5')).toBe(false);
    expect(byId.get('q1')).toMatchObject({ target: '≥900人次', initialTarget: '≥1000人次', weight: '20', actual: '950人次', selfScore: '9' });
    expect(byId.get('q2')).toMatchObject({ actual: '93%', selfScore: '8', deviationReason: '考核标准提高' });
    const rules = after.audit.findings.map((f: { rule: string }) => f.rule);
    expect(rules.filter((r: string) => r.startsWith('approved-targets-kept'))).toEqual([]);
  });

  it('the update is in the audit log with the dropped indicator, and described in /api/openapi.json', async () => {
    const rows = await t.ctx.db.selectFrom('audit_log').select(['action', 'after']).where('evaluation_id', '=', evaluationId).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toContain('evaluation.targets_updated');
    const entry = rows.find((r) => r.action === 'evaluation.targets_updated')!;
    expect(JSON.stringify(entry.after)).toContain('培训班次');
    const doc = (await c.anonymous!.get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/evaluations/{id}/approved-targets'] ?? {})).toEqual(['post']);
  });

  it('already at the latest version, or once submitted, it is refused with a Chinese reason', async () => {
    let d = await detail();
    let res = await c.fillerA!.post(`/api/evaluations/${evaluationId}/approved-targets`, { version: d.version });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('已是最新批复版本');
    const ev = structuredClone(d.evaluation);
    // every target met, full marks: nothing blocks the submission
    for (const l of leaves(ev)) Object.assign(l, { actual: l.target!.replace(/^[≥≤]/, ''), selfScore: l.weight });
    res = await c.fillerA!.put(`/api/evaluations/${evaluationId}`, { version: d.version, evaluation: ev });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const filled = (await detail());
    filled.evaluation.totals.statedScore = filled.score.computedTotal;
    res = await c.fillerA!.put(`/api/evaluations/${evaluationId}`, { version: filled.version, evaluation: filled.evaluation });
    res = await c.headA!.post(`/api/evaluations/${evaluationId}/actions/submit`, { version: res.body.version });
    expect(res.body.status, JSON.stringify(res.body)).toBe('submitted');
    d = await detail();
    res = await c.headA!.post(`/api/evaluations/${evaluationId}/approved-targets`, { version: d.version });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await stored()).version).toBe(d.version);
  });
});
