/**
 * The computed 自评质量 beside the confirmed one (`evaluations.quality_computed`, migration
 * 20261205-0900-quality-computed), on PGlite and PostgreSQL: every create, save and review score
 * stores exactly the total the quality endpoint computes (the endpoint answers it rounded half up
 * to the profile's places; the exact figure is what finance's confirmation stores and the audit log
 * keeps); the lists answer `qualityComputed` beside `qualityScore` and sort and filter by the score
 * as shown (confirmed, else computed); the migration's backfill gives an old row what a save gives it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dec, formatDecimal } from '@jixiao/core';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, loginAll, makeApp, sampleEvaluation, type Org } from './fixtures.js';
import { fillComputedQuality } from '../src/migrations/20261205-0900-quality-computed.js';

const YEAR = 2024;
type Json = Record<string, any>;

/** Sample evaluation without the first indicator's actual: 14 of 15 required fields, 20 × 14/15 = 18.666…7 for completeness. */
function incomplete(name: string): Json {
  const e = sampleEvaluation(YEAR, { project: { name } }) as Json;
  e.indicators[0].children[0].children[0].actual = null;
  return e;
}

describe.each(DATABASE_KINDS)('computed 自评质量 on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let c: Record<string, Client>;
  const id: Record<'incomplete' | 'plain' | 'distorted', number> = { incomplete: 0, plain: 0, distorted: 0 };
  const stored = async (evaluationId: number) =>
    (await t.ctx.db.selectFrom('evaluations').select(['quality_computed', 'quality_score']).where('id', '=', evaluationId).executeTakeFirstOrThrow());
  const quality = async (evaluationId: number) => {
    const q = await c.finance!.get(`/api/evaluations/${evaluationId}/quality`);
    expect(q.status, JSON.stringify(q.body).slice(0, 300)).toBe(200);
    return q.body as Json;
  };
  /** The stored figure is the endpoint's total: its rounding is what the endpoint answers. */
  const expectStoredIsEndpoint = async (evaluationId: number) => {
    const row = await stored(evaluationId);
    expect(row.quality_computed).not.toBeNull();
    const q = await quality(evaluationId);
    expect(q.computedTotal).toBe(formatDecimal(dec(row.quality_computed!), 2));
    return { row, q };
  };
  const listed = async (query = '') => {
    const r = await c.finance!.get(`/api/evaluations?year=${YEAR}&pageSize=50${query}`);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    return r.body.items as Json[];
  };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    c = await loginAll(makeApp(t.ctx));
    const create = async (client: string, unitId: number, evaluation: Json) => {
      const r = await c[client]!.post('/api/evaluations', { unitId, fiscalYear: YEAR, kind: 'project', evaluation });
      expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
      return r.body.id as number;
    };
    id.incomplete = await create('fillerA', org.unitA, incomplete('甲 项目'));
    id.plain = await create('fillerB', org.unitB, sampleEvaluation(YEAR, { project: { name: '乙 项目' } }));
    // stated 90 against a computed 97.5: a gap of 7.5 of the 10-point 失真 threshold
    id.distorted = await create('fillerA', org.unitA, sampleEvaluation(YEAR, { project: { name: '丙 项目' }, totals: { statedScore: '90', statedGrade: '优' } }));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('a create stores the exact total the quality endpoint computes; the endpoint answers it rounded half up to 2 places', async () => {
    for (const x of Object.values(id)) await expectStoredIsEndpoint(x);
    const { row, q } = await expectStoredIsEndpoint(id.incomplete);
    // By hand: 14 of 15 fields (20 × 14/15), one warning (25 − 1), 3 of 3 targets measurable (15), self 97.5
    // against the computed total (20 × (1 − gap ÷ 10)), 2 of 3 at full marks (10), the one reason given (10)
    const computedTotal = (await c.finance!.get(`/api/evaluations/${id.incomplete}`)).body.score.computedTotal as string;
    const distortion = dec(20).times(dec(1).minus(dec('97.5').minus(computedTotal).abs().div(10)));
    const hand = [dec(20).times(dec(14).div(15)), dec(24), dec(15), distortion, dec(10), dec(10)].reduce((a, x) => a.plus(x), dec(0));
    expect(dec(row.quality_computed!).eq(hand)).toBe(true);
    expect(row.quality_computed).not.toBe(q.computedTotal); // the column keeps every digit; only the answer is rounded
    expect(q.computedTotal).toBe(formatDecimal(hand, 2));
    const completeness = q.parts.find((p: Json) => p.id === 'completeness');
    expect(completeness.computed).toBe('18.67');
    expect(q.parts.every((p: Json) => /^\d+(\.\d{1,2})?$/.test(p.computed) && /^\d+(\.\d{1,2})?$/.test(p.score))).toBe(true);
    expect(row.quality_score).toBeNull();
  });

  it('a save rewrites it with what the endpoint then computes', async () => {
    const before = (await stored(id.plain)).quality_computed;
    const e = sampleEvaluation(YEAR, { project: { name: '乙 项目' } }) as Json;
    e.indicators[1].children[0].children[0].deviationReason = null; // the one indicator below full marks loses its reason
    const r = await c.fillerB!.put(`/api/evaluations/${id.plain}`, { version: 1, evaluation: e });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    const { row, q } = await expectStoredIsEndpoint(id.plain);
    // 偏差原因说明 10 → 0, and the audit's warning about the missing reason costs 内部一致性 1 more
    expect(dec(before!).minus(row.quality_computed!).toString()).toBe('11');
    expect(q.parts.find((p: Json) => p.id === 'deviationReasons').computed).toBe('0');
    expect(q.parts.find((p: Json) => p.id === 'consistency').computed).toBe('23');
  });

  it("finance's review score moves the reference (失真) and the stored figure with it; confirming stores the same exact total", async () => {
    const x = id.incomplete;
    const s = await c.headA!.post(`/api/evaluations/${x}/actions/submit`, { version: 1 });
    if (s.status !== 200) {
      expect((await c.finance!.post(`/api/evaluations/${x}/submission-override`, { reason: '测试：带着审核发现提交' })).status).toBe(200);
    }
    const submitted = s.status === 200 ? s : await c.headA!.post(`/api/evaluations/${x}/actions/submit`, { version: 1 });
    expect(submitted.status, JSON.stringify(submitted.body).slice(0, 300)).toBe(200);
    const approved = await c.dept1!.post(`/api/evaluations/${x}/actions/approve`, { version: submitted.body.version });
    expect(approved.status, JSON.stringify(approved.body).slice(0, 300)).toBe(200);
    const before = (await stored(x)).quality_computed!;
    // 97.5 − 28 + 20 = 89.5 against the stated 97.5: gap 8 → 失真 20 × (1 − 8/10) = 4
    const rv = await c.finance!.put(`/api/evaluations/${x}/review`, { version: approved.body.version, reviewScores: { 'indicators.1.children.0.children.0': '20' }, opinion: '覆盖率偏低' });
    expect(rv.status, JSON.stringify(rv.body).slice(0, 300)).toBe(200);
    const { row, q } = await expectStoredIsEndpoint(x);
    expect(q.reference).toBe('review');
    expect(q.parts.find((p: Json) => p.id === 'distortion').computed).toBe('4');
    expect(row.quality_computed).not.toBe(before);

    const ok = await c.finance!.put(`/api/evaluations/${x}/quality`, { adjustments: [] });
    expect(ok.status, JSON.stringify(ok.body).slice(0, 300)).toBe(200);
    expect(ok.body.total).toBe(q.computedTotal);
    const after = await stored(x);
    expect(dec(after.quality_score!).eq(after.quality_computed!)).toBe(true); // exact, not the rounded answer
    expect(after.quality_score).not.toBe(ok.body.total);
    const logged = await sql<{ after: unknown }>`select after from audit_log where action = 'evaluation.quality_adjusted' and evaluation_id = ${x}`.execute(t.ctx.db);
    const entry = (typeof logged.rows[0]!.after === 'string' ? JSON.parse(logged.rows[0]!.after) : logged.rows[0]!.after) as Json;
    expect(dec(entry.qualityScore).eq(after.quality_computed!)).toBe(true);
  });

  it('lists answer qualityComputed beside qualityScore (null until confirmed)', async () => {
    const items = await listed();
    const byId = new Map(items.map((i) => [i.id as number, i]));
    for (const x of Object.values(id)) expect(byId.get(x)!.qualityComputed).toBe((await stored(x)).quality_computed);
    expect(byId.get(id.incomplete)!.qualityScore).toBe((await stored(id.incomplete)).quality_score);
    expect(byId.get(id.plain)!.qualityScore).toBeNull();
    expect(byId.get(id.distorted)!.qualityScore).toBeNull();
    const todo = await c.fillerA!.get(`/api/todo?year=${YEAR}`);
    const draft = (todo.body.drafts as Json[]).find((d) => d.id === id.distorted)!;
    expect(draft.qualityComputed).toBe((await stored(id.distorted)).quality_computed);
  });

  it('sorts by 自评质量 as shown (confirmed, else computed) both ways and filters by confirmation and a ceiling', async () => {
    const shown = async (x: number) => {
      const r = await stored(x);
      return dec(r.quality_score ?? r.quality_computed!);
    };
    const ours = Object.values(id);
    const values = new Map<number, ReturnType<typeof dec>>();
    for (const x of ours) values.set(x, await shown(x));
    expect(new Set([...values.values()].map(String)).size).toBe(3); // three different scores, so the order is tested
    const expected = [...ours].sort((a, b) => values.get(a)!.comparedTo(values.get(b)!));
    const ids = (items: Json[]) => items.map((i) => i.id as number).filter((x) => ours.includes(x));
    expect(ids(await listed('&sort=quality'))).toEqual(expected);
    expect(ids(await listed('&sort=-quality'))).toEqual([...expected].reverse());
    expect(ids(await listed('&qualityConfirmed=0')).sort()).toEqual([id.plain, id.distorted].sort());
    expect(ids(await listed('&qualityConfirmed=1'))).toEqual([id.incomplete]);
    const ceiling = values.get(expected[1]!)!.toString();
    expect(ids(await listed(`&sort=quality&qualityMax=${ceiling}`))).toEqual(expected.slice(0, 2));
    for (const [q, field] of [['sort=score', 'sort'], ['qualityConfirmed=yes', 'qualityConfirmed'], ['qualityMax=abc', 'qualityMax']] as const) {
      const bad = await c.finance!.get(`/api/evaluations?year=${YEAR}&${q}`);
      expect(bad.status, q).toBe(400);
      expect(bad.body.error.issues[0].field).toBe(field);
      expect(bad.body.error.message).toMatch(/查询参数/);
    }
  });

  it('the migration backfills a row stored before the column with what a save gives it (the review reference included)', async () => {
    const before = await t.ctx.db.selectFrom('evaluations').select(['id', 'quality_computed']).orderBy('id').execute();
    expect(before.every((r) => r.quality_computed !== null)).toBe(true);
    await t.ctx.db.updateTable('evaluations').set({ quality_computed: null }).execute();
    expect((await listed()).every((i) => i.qualityComputed === null)).toBe(true);
    await fillComputedQuality(t.ctx.db);
    expect(await t.ctx.db.selectFrom('evaluations').select(['id', 'quality_computed']).orderBy('id').execute()).toEqual(before);
  });
});
