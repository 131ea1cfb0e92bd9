/**
 * The migration that recomputes the stored grade figures (20261204-0900-recompute-grades), on
 * PGlite and PostgreSQL: a row saved before issue 15's grading rules — seed 001, whose level-1
 * weights add to 110, stored with grade 优 and no 无法定级 reason — gets grade null and the reason
 * a save gives it today, and leaves the dashboard's ranking; a gradable row keeps its grade.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, loginAll, makeApp, type Org } from './fixtures.js';
import { recomputeGrades } from '../src/migrations/20261204-0900-recompute-grades.js';

type Json = Record<string, any>;
const examples = join(import.meta.dirname, '../../../examples');
const seed = (name: string): Json => JSON.parse(readFileSync(join(examples, name), 'utf8'));

describe.each(DATABASE_KINDS)('recomputing stored grades on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let c: Record<string, Client>;
  const ids: Record<string, number> = {};
  const stored = () => t.ctx.db.selectFrom('evaluations').select(['id', 'computed_score', 'grade', 'ungradable_reason']).orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    c = await loginAll(makeApp(t.ctx));
    for (const [name, unitId, filler] of [['seed-001-hunan-2023.json', org.unitA, 'fillerA'], ['seed-003-henan-2021.json', org.unitB, 'fillerB']] as const) {
      const ev = seed(name);
      const r = await c[filler]!.post('/api/evaluations', { unitId, fiscalYear: ev.fiscalYear, kind: ev.kind, evaluation: ev });
      expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
      ids[name] = r.body.id as number;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a save stores seed 001 as 无法定级 with the reason, seed 003 with its grade', async () => {
    const rows = await stored();
    expect(rows.find((r) => r.id === ids['seed-001-hunan-2023.json'])).toMatchObject({ grade: null, ungradable_reason: '无法定级：各项分值合计 110 分，不等于规则总分 100 分' });
    expect(rows.find((r) => r.id === ids['seed-003-henan-2021.json'])).toMatchObject({ grade: '优', ungradable_reason: null });
  });

  it('a row stored before the grading rules (graded 优, no reason) gets what a save gives it; the others are unchanged', async () => {
    const fresh = await stored();
    const old = ids['seed-001-hunan-2023.json']!;
    await t.ctx.db.updateTable('evaluations').set({ grade: '优', ungradable_reason: null, computed_score: '109.96' }).where('id', '=', old).execute();
    const ranked = async () => {
      const r = await c.finance!.get('/api/dashboard/ranking?year=2023&includeDrafts=1');
      expect(r.status).toBe(200);
      return (r.body.items as Json[]).map((x) => x.id as number);
    };
    expect(await ranked()).toContain(old); // the stale 优 is ranked
    await recomputeGrades(t.ctx.db);
    expect(await stored()).toEqual(fresh);
    expect(await ranked()).not.toContain(old); // kept out of the ranking again
  });
});
