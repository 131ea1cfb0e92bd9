/**
 * A unit with 85 projects, on PGlite and PostgreSQL (the size of seed 004's unit): the list
 * is imported, every project filled, the unit's list answers with each progress and sums,
 * 85 are submitted in one batch (per item), and every number of the department's roll-up
 * equals the sum of its children, as computed here from what was saved. No timing here:
 * bench/projects-bench.mjs measures the same steps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec, type Decimal } from '@jixiao/core';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, loginAll, makeApp, type Org } from './fixtures.js';
import { upload, xlsxList, type Cell } from './project-lists.js';

const N = 85;
const TRANSFERS = new Set([7, 42, 77]);

/** Deterministic figures for project i (decimal strings, no floats). */
export function projectFigures(i: number) {
  const initial = `${20 + i * 3}.${String((i * 7) % 100).padStart(2, '0')}`;
  const adjusted = dec(initial).plus(i % 4).toString();
  const executed = dec(adjusted).minus(dec(i % 9).div(2)).toString();
  const score = `${78 + (i % 21)}.${i % 2 ? '5' : '0'}`;
  return { code: `XM2024-${String(i + 1).padStart(3, '0')}`, name: `项目${i + 1}`, initial, adjusted, executed, score };
}

function filled(draft: any, i: number) {
  const f = projectFigures(i);
  const selfScore = dec(f.score).minus(10).toString();
  return {
    ...draft,
    funds: { ...draft.funds, total: { ...draft.funds.total, executed: f.executed } },
    budgetExecution: { weight: '10', selfScore: '10' },
    indicators: [
      { name: '产出指标', weight: '50', children: [{ name: '数量指标', children: [{ name: '完成数量', target: '≥10个', actual: '10个', weight: '50', selfScore: '50' }] }] },
      { name: '效益指标', weight: '30', children: [{ name: '社会效益指标', children: [{ name: '受益人数', target: '≥100人', actual: '90人', weight: '30', selfScore: dec(selfScore).minus(50).minus(10).toString(), deviationReason: '部分对象未覆盖' }] }] },
      { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', children: [{ name: '满意度', target: '≥90%', actual: '95%', weight: '10', selfScore: '10' }] }] },
    ],
    totals: { statedScore: f.score },
  };
}

const sum = (xs: string[]) => xs.reduce<Decimal>((a, x) => a.plus(x), dec(0));

describe.each(DATABASE_KINDS)('a unit with 85 projects on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let c: Record<string, Client>;
  let items: { id: number; evaluationId: number; evaluationVersion: number; code: string }[];

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    c = await loginAll(makeApp(t.ctx));
    const rows: Cell[][] = Array.from({ length: N }, (_, i) => {
      const f = projectFigures(i);
      return [f.code, f.name, '甲单位', Number(f.initial), Number(f.adjusted), '专项业务类', TRANSFERS.has(i) ? '转移支付' : '部门项目'];
    });
    const p = await upload(c.finance!, await xlsxList(rows), '2024年项目清单.xlsx');
    expect(p.status, JSON.stringify(p.body).slice(0, 300)).toBe(201);
    expect(p.body.counts.new).toBe(N);
    const done = await c.finance!.post(`/api/project-imports/${p.body.id}/commit`, {});
    expect(done.body.result).toMatchObject({ created: N, evaluationsCreated: N });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists all 85 as 未填 with the sums of the list, then fills each', async () => {
    const list = await c.fillerA!.get(`/api/units/${org.unitA}/projects?year=2024`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(N);
    expect(list.body.summary.byProgress.find((p: { progress: string }) => p.progress === 'not_started').count).toBe(N);
    const figures = Array.from({ length: N }, (_, i) => projectFigures(i));
    expect(dec(list.body.summary.initialBudget).eq(sum(figures.map((f) => f.initial)))).toBe(true);
    expect(dec(list.body.summary.adjustedBudget).eq(sum(figures.map((f) => f.adjusted)))).toBe(true);
    expect(list.body.items.filter((x: { kind: string }) => x.kind === 'transfer')).toHaveLength(TRANSFERS.size);
    for (const item of list.body.items) {
      const i = Number(item.code.slice(-3)) - 1;
      const draft = (await c.fillerA!.get(`/api/evaluations/${item.evaluationId}`)).body.evaluation;
      const r = await c.fillerA!.put(`/api/evaluations/${item.evaluationId}`, { version: item.evaluationVersion, evaluation: filled(draft, i) });
      expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    }
    const after = await c.fillerA!.get(`/api/units/${org.unitA}/projects?year=2024`);
    items = after.body.items;
    expect(after.body.summary.byProgress.find((p: { progress: string }) => p.progress === 'draft').count).toBe(N);
    expect(dec(after.body.summary.executed).eq(sum(figures.map((f) => f.executed)))).toBe(true);
    const first = after.body.items.find((x: { code: string }) => x.code === figures[0]!.code);
    expect(first).toMatchObject({ selfScore: figures[0]!.score, executed: figures[0]!.executed, progress: 'draft', progressLabel: '草稿', unitName: '甲单位' });
  });

  it('submits all 85 in one batch, per item: a stale version fails alone, with its reason', async () => {
    const stale = items[3]!;
    const body = { items: items.map((x) => ({ id: x.evaluationId, version: x === stale ? x.evaluationVersion - 1 : x.evaluationVersion })) };
    const filler = await c.fillerA!.post('/api/evaluations/batch/submit', body);
    expect(filler.status).toBe(200);
    expect(filler.body.succeeded).toBe(0); // the filler may not submit: every item says so
    expect(filler.body.results[0].error.code).toBe('FORBIDDEN');
    const r = await c.headA!.post('/api/evaluations/batch/submit', body);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ action: 'submit', succeeded: N - 1, failed: 1 });
    const failed = r.body.results.find((x: { ok: boolean }) => !x.ok);
    expect(failed).toMatchObject({ id: stale.evaluationId, ok: false, error: { code: 'VERSION_CONFLICT', currentVersion: stale.evaluationVersion } });
    expect(failed.error.message).toMatch(/[\u4e00-\u9fff]/);
    const retry = await c.headA!.post('/api/evaluations/batch/submit', { items: [{ id: stale.evaluationId, version: stale.evaluationVersion }] });
    expect(retry.body.succeeded).toBe(1);
    const statuses = await t.ctx.db.selectFrom('evaluations').select('status').where('project_id', 'is not', null).execute();
    expect(statuses.filter((s) => s.status === 'submitted')).toHaveLength(N);
    const logged = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'evaluation.submitted').execute();
    expect(logged).toHaveLength(N);
    const bad = await c.headA!.post('/api/evaluations/batch/submit', { items: [] });
    expect(bad.status).toBe(400);
  });

  it('computes the department roll-up from the 85 children; a stated figure that differs is a finding', async () => {
    const figures = Array.from({ length: N }, (_, i) => projectFigures(i));
    const executed = sum(figures.map((f) => f.executed));
    const dept = await c.fillerA!.post('/api/evaluations', {
      unitId: org.unitA,
      fiscalYear: 2024,
      kind: 'department',
      evaluation: {
        funds: { projectCount: N, project: { initial: sum(figures.map((f) => f.initial)).toString(), executed: executed.plus(1).toString() } },
        projectRollup: { evaluatedCount: N - 1 },
      },
    });
    expect(dept.status, JSON.stringify(dept.body).slice(0, 300)).toBe(201);
    const r = await c.dept1!.get(`/api/evaluations/${dept.body.id}/projects`);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(N);
    const rollup = r.body.rollup;
    expect(rollup.projectCount).toBe(N);
    expect(rollup.coverage).toMatchObject({ evaluated: N, of: N });
    expect(dec(rollup.funds.initial.sum).eq(sum(figures.map((f) => f.initial)))).toBe(true);
    expect(dec(rollup.funds.adjusted.sum).eq(sum(figures.map((f) => f.adjusted)))).toBe(true);
    expect(dec(rollup.funds.executed.sum).eq(executed)).toBe(true);
    expect(dec(rollup.execution.rate).eq(executed.div(sum(figures.map((f) => f.adjusted))))).toBe(true);
    const scores = figures.map((f) => f.score);
    expect(dec(rollup.statedScores.average).eq(sum(scores).div(N))).toBe(true);
    const lowest = scores.reduce((a, b) => (dec(b).lt(a) ? b : a));
    expect(dec(rollup.statedScores.lowest.score).eq(lowest)).toBe(true);
    expect(rollup.children.every((ch: { evaluationId: number }) => items.some((x) => x.evaluationId === ch.evaluationId))).toBe(true);
    // The same sums the database gives the list.
    const list = await c.dept1!.get(`/api/units/${org.unitA}/projects?year=2024`);
    expect(dec(list.body.summary.executed).eq(rollup.funds.executed.sum)).toBe(true);
    // The stated figures that differ are findings; those that match are not.
    const paths = r.body.findings.map((f: { location: { path: string } }) => f.location.path);
    expect(paths).toContain('funds.project.executed');
    expect(paths).toContain('projectRollup.evaluatedCount');
    expect(paths).not.toContain('funds.project.initial');
    expect(paths).not.toContain('funds.projectCount');
    const detail = await c.fillerA!.get(`/api/evaluations/${dept.body.id}`);
    expect(detail.body.projectRollup.projectCount).toBe(N);
    expect(detail.body.audit.findings.map((f: { location: { path: string } }) => f.location.path)).toContain('funds.project.executed');
  });

  it('exports all 85 自评表 into one workbook with the 项目自评结果汇总表', async () => {
    const res = await makeApp(t.ctx).request(`/api/units/${org.unitA}/projects/export?year=2024&format=xlsx`, { headers: { cookie: c.finance!.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets).toHaveLength(N + 1);
    const summary = book.worksheets.find((w) => /汇总/.test(w.name));
    expect(summary).toBeDefined();
    let text = '';
    summary!.eachRow((row) => (text += `${JSON.stringify(row.values)}\n`));
    for (const i of [0, 42, N - 1]) expect(text).toContain(projectFigures(i).name);
    expect((await c.finance!.get(`/api/units/${org.unitA}/projects/export?format=pdf`)).status).toBe(400);
    expect((await c.fillerC!.get(`/api/units/${org.unitA}/projects/export?year=2024`)).status).toBe(404);
  });

  it('the finance bureau pages, filters and sums the list in the database', async () => {
    const seen = new Set<number>();
    let total = 0;
    for (let page = 1; page <= 5; page++) {
      const r = await c.finance!.get(`/api/projects?year=2024&pageSize=20&page=${page}`);
      expect(r.status).toBe(200);
      total = r.body.total;
      for (const x of r.body.items) seen.add(x.id);
    }
    expect(total).toBe(N);
    expect(seen.size).toBe(N);
    const transfers = await c.finance!.get('/api/projects?year=2024&kind=transfer');
    expect(transfers.body.total).toBe(TRANSFERS.size);
    const band = await c.finance!.get('/api/projects?year=2024&minAmount=100&maxAmount=200');
    const want = Array.from({ length: N }, (_, i) => projectFigures(i)).filter((f) => dec(f.adjusted).gte(100) && dec(f.adjusted).lt(200)).length;
    expect(band.body.total).toBe(want);
    expect(band.body.items.every((x: { adjustedBudget: string }) => dec(x.adjustedBudget).gte(100) && dec(x.adjustedBudget).lt(200))).toBe(true);
    const submitted = await c.finance!.get(`/api/projects?progress=submitted&departmentId=${org.dept1}&pageSize=1`);
    expect(submitted.body.total).toBe(N);
    expect(submitted.body.summary.byProgress.find((p: { progress: string }) => p.progress === 'submitted').count).toBe(N);
    const errorsOnly = await c.finance!.get('/api/projects?hasErrors=true');
    const noErrors = await c.finance!.get('/api/projects?hasErrors=false');
    expect(errorsOnly.body.total + noErrors.body.total).toBe(N);
    const bySort = await c.finance!.get('/api/projects?sort=amount&pageSize=1');
    expect(bySort.body.items[0].code).toBe(projectFigures(N - 1).code);
    expect((await c.finance!.get('/api/projects?kind=other')).status).toBe(400);
    expect((await c.finance!.get('/api/projects?minAmount=abc')).status).toBe(400);
    // Units and other departments see nothing of it.
    expect((await c.fillerC!.get('/api/projects')).body.total).toBe(0);
    expect((await c.dept2!.get(`/api/units/${org.unitA}/projects`)).status).toBe(404);
  });
});
