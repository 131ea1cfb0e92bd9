/**
 * Project rows that cannot be submitted yet, and department counts that follow their projects,
 * on PGlite and PostgreSQL:
 * - an empty draft made from the project list (未填) is blocked by its profile: no indicator
 *   table, no self score; a batch submit of the whole list refuses it per item;
 * - `blocking` on each row of the unit's list and the finance bureau's list, the `blocked=`
 *   filter, the summary's count, a save and a finance override changing it;
 * - a department evaluation's stored error / warning counts follow its projects (created,
 *   saved, added by a new list) without the department being saved, and equal a fresh audit;
 * - the migration's backfill gives existing rows the same counts as a save.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, loginAll, makeApp, type Org } from './fixtures.js';
import { csvList, upload, type Cell } from './project-lists.js';
import { fillBlockingCounts } from '../src/migrations/20261203-0900-submission-blocking-count.js';

type Json = Record<string, any>;

const row = (code: string, name: string, amount: number): Cell[] => [code, name, '甲单位', amount, amount, '专项业务类', '部门项目'];
const LIST = [row('BK-001', '道路养护', 100), row('BK-002', '河道保洁', 50), row('BK-003', '路灯维护', 20)];

/** The draft as the unit fills it: execution 10 + 产出 50 + 效益 30 + 满意度 10, total stated. */
function filled(draft: Json, statedScore: string | null = '95'): Json {
  return {
    ...draft,
    funds: { ...draft.funds, total: { ...draft.funds.total, executed: draft.funds.total.adjusted } },
    budgetExecution: { weight: '10', selfScore: '10' },
    indicators: [
      { name: '产出指标', weight: '50', children: [{ name: '数量指标', children: [{ name: '完成数量', target: '≥10个', actual: '10个', weight: '50', selfScore: '50' }] }] },
      { name: '效益指标', weight: '30', children: [{ name: '社会效益指标', children: [{ name: '受益人数', target: '≥100人', actual: '90人', weight: '30', selfScore: '25', deviationReason: '部分对象未覆盖' }] }] },
      { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', children: [{ name: '满意度', target: '≥90%', actual: '95%', weight: '10', selfScore: '10' }] }] },
    ],
    totals: { statedScore },
  };
}

describe.each(DATABASE_KINDS)('blocked project rows and department counts on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let c: Record<string, Client>;
  let departmentId = 0;
  const byCode = async (): Promise<Record<string, Json>> => {
    const list = await c.fillerA!.get(`/api/units/${org.unitA}/projects?year=2024`);
    expect(list.status).toBe(200);
    return Object.fromEntries(list.body.items.map((x: Json) => [x.code, x]));
  };
  const importList = async (rows: Cell[][]) => {
    const p = await upload(c.finance!, csvList(rows), '项目清单.csv');
    expect(p.status, JSON.stringify(p.body).slice(0, 300)).toBe(201);
    expect((await c.finance!.post(`/api/project-imports/${p.body.id}/commit`, {})).status).toBe(200);
  };
  const fill = async (item: Json, statedScore: string | null = '95') => {
    const draft = (await c.fillerA!.get(`/api/evaluations/${item.evaluationId}`)).body.evaluation;
    const r = await c.fillerA!.put(`/api/evaluations/${item.evaluationId}`, { version: item.evaluationVersion, evaluation: filled(draft, statedScore) });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
  };
  /** The department's stored counts beside a fresh audit with its projects (the detail view). */
  const department = async (id: number) => {
    const stored = await t.ctx.db.selectFrom('evaluations').select(['errors', 'warnings', 'blocking', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    const detail = (await c.fillerA!.get(`/api/evaluations/${id}`)).body;
    const paths = detail.audit.findings.map((f: Json) => f.location.path);
    return { stored, live: { errors: detail.audit.counts.error, warnings: detail.audit.counts.warning }, paths };
  };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    c = await loginAll(makeApp(t.ctx));
    await importList(LIST);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an empty draft from the list is blocked (no indicator table, no self score); batch submit refuses each, nothing changes', async () => {
    const items = Object.values(await byCode());
    expect(items.map((x) => [x.progress, x.blocking])).toEqual([['not_started', 2], ['not_started', 2], ['not_started', 2]]);
    const detail = (await c.headA!.get(`/api/evaluations/${items[0]!.evaluationId}`)).body;
    expect(detail.submission.blocking.map((f: Json) => f.rule).sort()).toEqual(['indicator-table-present', 'self-score-present']);
    const r = await c.headA!.post('/api/evaluations/batch/submit', { items: items.map((x) => ({ id: x.evaluationId, version: x.evaluationVersion })) });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ succeeded: 0, failed: 3 });
    expect(r.body.results.map((x: Json) => x.error.code)).toEqual(['SUBMISSION_BLOCKED', 'SUBMISSION_BLOCKED', 'SUBMISSION_BLOCKED']);
    expect(r.body.results[0].error.message).toContain('绩效指标');
    const statuses = await t.ctx.db.selectFrom('evaluations').select('status').where('project_id', 'is not', null).execute();
    expect(statuses.map((s) => s.status)).toEqual(['draft', 'draft', 'draft']);
  });

  it('a filled table without its stated total is blocked by that alone; stating it clears the row', async () => {
    let items = await byCode();
    await fill(items['BK-001']!, null);
    items = await byCode();
    expect(items['BK-001']!.blocking).toBe(1);
    await fill(items['BK-001']!);
    items = await byCode();
    expect(items['BK-001']).toMatchObject({ blocking: 0, progress: 'draft' });
    const submitted = await c.headA!.post('/api/evaluations/batch/submit', { items: [{ id: items['BK-001']!.evaluationId, version: items['BK-001']!.evaluationVersion }] });
    expect(submitted.body.succeeded).toBe(1);
  });

  it('the finance list says how many findings block each row, filters on blocked= and counts blocked rows', async () => {
    const all = await c.finance!.get('/api/projects?year=2024');
    expect(all.body.items.map((x: Json) => [x.code, x.blocking])).toEqual([['BK-001', 0], ['BK-002', 2], ['BK-003', 2]]);
    expect(all.body.summary.blocked).toBe(2);
    const blocked = await c.finance!.get('/api/projects?year=2024&blocked=true');
    expect(blocked.body.items.map((x: Json) => x.code)).toEqual(['BK-002', 'BK-003']);
    expect(blocked.body.total).toBe(2);
    const clear = await c.finance!.get('/api/projects?year=2024&blocked=false');
    expect(clear.body.items.map((x: Json) => x.code)).toEqual(['BK-001']);
    const bad = await c.finance!.get('/api/projects?blocked=yes');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('blocked');
  });

  it('a finance override waives the row\'s blocking findings: its count drops to 0 and it can be submitted', async () => {
    const item = (await byCode())['BK-003']!;
    const o = await c.finance!.post(`/api/evaluations/${item.evaluationId}/submission-override`, { reason: '该项目年中撤销，按空表报送' });
    expect(o.status, JSON.stringify(o.body)).toBe(200);
    const after = (await byCode())['BK-003']!;
    expect(after.blocking).toBe(0);
    expect(after.evaluationVersion).toBe(item.evaluationVersion);
    const r = await c.headA!.post('/api/evaluations/batch/submit', { items: [{ id: item.evaluationId, version: item.evaluationVersion }] });
    expect(r.body.succeeded).toBe(1);
  });

  it('a department\'s stored counts follow its projects (saved, added by a new list) without the department being saved', async () => {
    // States 3 projects, 3 self-evaluated: two of the three are filled so far (BK-001, and BK-003 is empty).
    const created = await c.fillerA!.post('/api/evaluations', { unitId: org.unitA, fiscalYear: 2024, kind: 'department', evaluation: { funds: { projectCount: 3 }, projectRollup: { evaluatedCount: 2 } } });
    expect(created.status, JSON.stringify(created.body).slice(0, 300)).toBe(201);
    const id = (departmentId = created.body.id as number);
    let d = await department(id);
    expect(d.paths).toContain('projectRollup.evaluatedCount'); // 1 evaluated, 2 stated
    expect(d.stored).toMatchObject({ ...d.live, version: 1 }); // on create, with its projects

    await fill((await byCode())['BK-002']!); // now 2 evaluated: the finding goes
    d = await department(id);
    expect(d.paths).not.toContain('projectRollup.evaluatedCount');
    expect(d.stored).toMatchObject({ ...d.live, version: 1 });

    await importList([...LIST, row('BK-004', '公厕管护', 10)]); // a 4th project against 3 stated
    d = await department(id);
    expect(d.paths).toContain('funds.projectCount');
    expect(d.stored).toMatchObject({ ...d.live, version: 1 });
    expect(d.stored.errors).toBeGreaterThan(0);
  });

  it('the migration\'s backfill gives existing rows the counts a save gives them', async () => {
    const before = await t.ctx.db.selectFrom('evaluations').select(['id', 'errors', 'warnings', 'blocking']).orderBy('id').execute();
    expect(before.find((r) => r.id === departmentId)!.errors).toBeGreaterThan(0);
    expect(before.map((r) => r.blocking)).toEqual([0, 0, 0, 2, 2]); // BK-001..003 filled or waived; the department and BK-004 empty
    // As a database from before the column: no blocking counts, department counts as of an old save.
    await t.ctx.db.updateTable('evaluations').set({ blocking: null }).execute();
    await t.ctx.db.updateTable('evaluations').set({ errors: 0, warnings: 0 }).where('kind', '=', 'department').execute();
    await fillBlockingCounts(t.ctx.db);
    const after = await t.ctx.db.selectFrom('evaluations').select(['id', 'errors', 'warnings', 'blocking']).orderBy('id').execute();
    expect(after).toEqual(before);
  });
});
