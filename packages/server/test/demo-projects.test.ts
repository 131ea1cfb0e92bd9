/**
 * The demo region's projects, on PGlite and PostgreSQL: at least 40 project evaluations over
 * its units, each linked to its project, at least two transfers, one unit with many projects,
 * clean tables beside each kind of flaw the generator plants (found by the real auditor), and
 * department roll-ups computed from them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { loadDemoRegion } from '../src/seed/load-demo-region.js';
import { DEFAULT_EXAMPLES_DIR } from '../src/start-server.js';
import { DEMO_FLAWS, demoProjects } from '../src/seed/generate-demo-projects.js';
import { computeEvaluation } from '../src/core-bridge.js';
import { departmentRollup } from '../src/use-cases/get-department-projects.js';
import { repositories } from '../src/repositories/index.js';
import type { Evaluation } from '@jixiao/core';

/** The audit rule that finds each planted flaw. */
const RULE_OF: Record<Exclude<(typeof DEMO_FLAWS)[number], 'clean'>, string> = {
  'sources-sum': 'funds-source-sum',
  'rate-wrong-base': 'execution-rate-matches',
  'score-above-weight': 'score-within-weight',
  'no-deviation-reason': 'deviation-reason-present',
  'over-achievement': 'over-achievement-explained',
};

describe('demo project generator', () => {
  it('is deterministic, with unique codes, transfers and one unit with many projects', () => {
    const a = demoProjects(2023);
    expect(demoProjects(2023)).toEqual(a);
    expect(new Set(a.map((p) => p.code)).size).toBe(a.length);
    expect(a.length).toBeGreaterThanOrEqual(40);
    expect(a.filter((p) => p.kind === 'transfer').length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...[0, 1, 2, 3, 4, 5].map((u) => a.filter((p) => p.unit === u).length))).toBeGreaterThanOrEqual(15);
    for (const flaw of DEMO_FLAWS) expect(a.some((p) => p.flaw === flaw && p.stage !== 'not_started')).toBe(true);
  });
});

describe.each(DATABASE_KINDS)('demo region projects on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await loadDemoRegion(t.ctx, { examplesDir: DEFAULT_EXAMPLES_DIR });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has at least 40 project evaluations over its units, each linked to its project', async () => {
    const rows = await t.ctx.db
      .selectFrom('evaluations as e')
      .innerJoin('projects as p', 'p.id', 'e.project_id')
      .select(['e.id', 'e.kind', 'e.unit_id', 'p.unit_id as project_unit', 'p.code', 'e.data', 'e.status', 'e.version'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const r of rows) {
      expect(r.unit_id).toBe(r.project_unit);
      expect((r.data as Evaluation).project?.code).toBe(r.code);
    }
    expect(rows.filter((r) => r.kind === 'transfer').length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((r) => r.unit_id)).size).toBe(6);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['draft', 'submitted', 'department_approved', 'finance_approved']) expect(statuses).toContain(s);
    const unlinked = await sql<{ n: number }>`select cast(count(*) as integer) as n from evaluations where kind in ('project','transfer') and project_id is null`.execute(t.ctx.db);
    expect(typeof unlinked.rows[0]!.n).toBe('number');
  });

  it('each planted flaw is found by the auditor, and clean tables have no errors', async () => {
    const year = (await t.ctx.db.selectFrom('projects').select('fiscal_year').executeTakeFirstOrThrow()).fiscal_year;
    const plan = new Map(demoProjects(year).map((p) => [p.code, p]));
    const rows = await t.ctx.db.selectFrom('evaluations as e').innerJoin('projects as p', 'p.id', 'e.project_id').select(['p.code', 'e.data', 'e.errors']).execute();
    let checked = 0;
    for (const r of rows) {
      const p = plan.get(r.code)!;
      if (p.stage === 'not_started') continue;
      const rules = new Set(computeEvaluation(r.data as Evaluation).audit!.findings.map((f) => f.rule));
      if (p.flaw === 'clean') expect(r.errors, `${r.code} ${[...rules].join(',')}`).toBe(0);
      else expect([...rules], `${r.code} (${p.flaw})`).toContain(RULE_OF[p.flaw]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(40);
  });

  it('department evaluations roll up their units\' projects', async () => {
    const depts = await t.ctx.db.selectFrom('evaluations').select(['unit_id', 'fiscal_year']).where('kind', '=', 'department').execute();
    const r = repositories(t.ctx.db);
    let withProjects = 0;
    for (const d of depts) {
      const { rollup } = await departmentRollup(r, d);
      const n = await r.projects.countActive(d.unit_id, d.fiscal_year);
      if (n > 0) withProjects++;
      expect((rollup as unknown as { projectCount: number }).projectCount).toBe(n);
    }
    expect(withProjects).toBeGreaterThanOrEqual(2);
  });
});
