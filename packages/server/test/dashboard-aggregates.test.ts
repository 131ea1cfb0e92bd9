/**
 * Dashboard aggregates (byDepartment, byUnit) and sample summaries, on PGlite and on PostgreSQL,
 * over more evaluations than one page of GET /api/evaluations holds (200): the aggregates are
 * computed in SQL over every visible row, and match what paging through the whole list gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec, parseEvaluation, type Decimal, type Evaluation } from '@jixiao/core';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, loginAll, makeApp, sampleEvaluation, type Org } from './fixtures.js';
import { insertEvaluation } from '../src/use-cases/create-evaluation.js';

const IN_A = 205;
const IN_B = 3;
const IN_C = 4;

function model(i: number, year = 2024): Evaluation {
  const p = parseEvaluation(
    sampleEvaluation(year, {
      funds: { total: { initial: '100', adjusted: '100', executed: String(70 + (i % 30)) } },
      totals: { statedScore: `${85 + (i % 13)}.5`, statedGrade: '优' },
    }),
  );
  if (!p.ok) throw p.error;
  return p.value;
}

interface Summary {
  id: number;
  unitId: number;
  unitName: string;
  departmentId: number;
  departmentName: string;
  selfScore: string | null;
  computedScore: string | null;
  reviewScore: string | null;
  grade: string | null;
}

/** Every summary of the year, page by page (what the browser could only do 200 at a time). */
async function allSummaries(c: Client, year: number): Promise<Summary[]> {
  const out: Summary[] = [];
  for (let page = 1; ; page++) {
    const r = await c.get(`/api/evaluations?year=${year}&pageSize=200&page=${page}`);
    expect(r.status).toBe(200);
    out.push(...r.body.items);
    if (out.length >= r.body.total || r.body.items.length === 0) return out;
  }
}

function average(xs: Array<string | null>): Decimal | null {
  const ds = xs.filter((x): x is string => x !== null).map((x) => dec(x));
  if (!ds.length) return null;
  return ds.reduce<Decimal>((a, b) => a.plus(b), dec(0)).div(ds.length);
}

/** Same figures computed from summaries; averages compared to 10 decimal places. */
function expectFigures(got: any, rows: Summary[]) {
  expect(got.count).toBe(rows.length);
  const close = (a: string | null, b: Decimal | string | null) =>
    a === null || b === null ? expect(a).toBe(b) : expect(dec(a).minus(b).abs().lessThan('1e-10'), `${a} vs ${String(b)}`).toBe(true);
  close(got.averageSelfScore, average(rows.map((r) => r.selfScore)));
  close(got.averageComputedScore, average(rows.map((r) => r.computedScore)));
  close(got.averageScore, average(rows.map((r) => r.reviewScore ?? r.computedScore ?? r.selfScore)));
  const grades = new Map<string, number>();
  for (const r of rows) grades.set(r.grade ?? '未评级', (grades.get(r.grade ?? '未评级') ?? 0) + 1);
  expect(Object.fromEntries(got.gradeDistribution.map((g: any) => [g.grade, g.count]))).toEqual(Object.fromEntries(grades));
}

describe.each(DATABASE_KINDS)('dashboard aggregates and sample summaries on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let c: Record<string, Client>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    c = await loginAll(makeApp(t.ctx));
    let i = 0;
    for (const [unitId, n] of [[org.unitA, IN_A], [org.unitB, IN_B], [org.unitC, IN_C]] as const) {
      for (let k = 0; k < n; k++, i++) await insertEvaluation(t.ctx, null, model(i), unitId, 'u', i % 50 === 0 ? 'draft' : 'submitted');
    }
    // Another year: must not be counted in 2024.
    await insertEvaluation(t.ctx, null, model(0, 2023), org.unitA, 'u', 'submitted');
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  it('summaries carry departmentId', async () => {
    const r = await c.finance!.get(`/api/evaluations?year=2024&unitId=${org.unitC}`);
    expect(r.body.items).toHaveLength(IN_C);
    for (const s of r.body.items) expect(s.departmentId).toBe(org.dept2);
  });

  it('byDepartment counts every evaluation of the year, past the 200 of one list page', async () => {
    const all = await allSummaries(c.finance!, 2024);
    expect(all).toHaveLength(IN_A + IN_B + IN_C);
    const r = await c.finance!.get('/api/dashboard?year=2024&includeDrafts=1');
    expect(r.status).toBe(200);
    expect(r.body.byDepartment.map((d: any) => [d.departmentId, d.departmentName, d.count])).toEqual([
      [org.dept1, '一号部门', IN_A + IN_B],
      [org.dept2, '二号部门', IN_C],
    ]);
    for (const d of r.body.byDepartment) expectFigures(d, all.filter((s) => s.departmentId === d.departmentId));
    expect(r.body.byUnit.map((u: any) => [u.unitId, u.count])).toEqual([
      [org.unitA, IN_A],
      [org.unitB, IN_B],
      [org.unitC, IN_C],
    ]);
    for (const u of r.body.byUnit) expectFigures(u, all.filter((s) => s.unitId === u.unitId));
  });

  it('byUnit within a department, and only what the user may see', async () => {
    const inDept = await c.finance!.get(`/api/dashboard?year=2024&includeDrafts=1&departmentId=${org.dept1}`);
    expect(inDept.body.byDepartment.map((d: any) => [d.departmentId, d.count])).toEqual([[org.dept1, IN_A + IN_B]]);
    expect(inDept.body.byUnit.map((u: any) => [u.unitId, u.unitName, u.count])).toEqual([
      [org.unitA, '甲单位', IN_A],
      [org.unitB, '乙单位', IN_B],
    ]);

    const dept2 = await c.dept2!.get('/api/dashboard?year=2024&includeDrafts=1');
    expect(dept2.body.byDepartment.map((d: any) => [d.departmentId, d.count])).toEqual([[org.dept2, IN_C]]);
    const otherDept = await c.dept2!.get(`/api/dashboard?year=2024&includeDrafts=1&departmentId=${org.dept1}`);
    expect(otherDept.body.byDepartment).toEqual([]);
    expect(otherDept.body.byUnit).toEqual([]);

    const filler = await c.fillerB!.get('/api/dashboard?year=2024&includeDrafts=1');
    expect(filler.body.byUnit.map((u: any) => [u.unitId, u.count])).toEqual([[org.unitB, IN_B]]);
    expect(filler.body.byDepartment.map((d: any) => [d.departmentId, d.count])).toEqual([[org.dept1, IN_B]]);
  });

  it('GET /api/samples carries the summaries of every drawn evaluation, past 200', async () => {
    const drawn = await c.finance!.post('/api/samples', { fiscalYear: 2024, ratio: '100%', seed: 'all' });
    expect(drawn.status).toBe(201);
    const population = (await allSummaries(c.finance!, 2024)).filter((s: any) => s.status !== 'draft');
    expect(drawn.body.evaluationIds).toHaveLength(population.length);
    expect(population.length).toBeGreaterThan(200);
    const r = await c.finance!.get('/api/samples?year=2024');
    expect(r.status).toBe(200);
    const s = r.body.find((x: any) => x.id === drawn.body.id);
    expect(s.evaluations.map((e: any) => e.id)).toEqual(drawn.body.evaluationIds);
    for (const e of s.evaluations) {
      expect(e.sampled).toBe(true);
      expect(e.departmentId).toBeTypeOf('number');
    }
  });
});
