/**
 * Importing a year's project list over HTTP, on PGlite and PostgreSQL: preview (new /
 * changed / unchanged / gone) → commit → drafts pre-filled from the list; idempotent when
 * imported again; every kind of bad row refused with its row, column and a Chinese reason,
 * and nothing written (read back from the tables).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, loginAll, makeApp, type Org } from './fixtures.js';
import { counts, csvList, upload, xlsxList, HEADER, type Cell } from './project-lists.js';

describe.each(DATABASE_KINDS)('project-list import on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let c: Record<string, Client>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    await t.ctx.db.updateTable('units').set({ code: 'U-B' }).where('id', '=', org.unitB).execute();
    c = await loginAll(makeApp(t.ctx));
  });
  afterAll(async () => {
    await t?.close();
  });

  const LIST: Cell[][] = [
    ['P-001', '农村道路养护', '甲单位', '120.5', '130', '专项业务类', '部门项目'],
    ['P-002', '乡村教师培训', '甲单位', '1,000', null, '专项业务类', '部门项目'],
    ['T-001', '中央农业转移支付', '甲单位', 80, 80, null, '转移支付'],
  ];

  it('previews without writing projects, commits in one go, and pre-fills the drafts', async () => {
    const before = await counts(t.ctx.db);
    const p = await upload(c.fillerA!, csvList(LIST), '项目清单.csv');
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body.status).toBe('previewed');
    expect(p.body.counts).toEqual({ rows: 3, new: 3, changed: 0, unchanged: 0, gone: 0 });
    expect(p.body.rows.map((r: { line: number; change: string }) => [r.line, r.change])).toEqual([[2, 'new'], [3, 'new'], [4, 'new']]);
    expect(p.body.rows[1].initialBudget).toBe('1000');
    const afterPreview = await counts(t.ctx.db);
    expect(afterPreview.projects).toBe(before.projects);
    expect(afterPreview.evaluations).toBe(before.evaluations);

    const done = await c.fillerA!.post(`/api/project-imports/${p.body.id}/commit`, {});
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.result).toMatchObject({ created: 3, updated: 0, removed: 0, evaluationsCreated: 3 });
    const rows = await t.ctx.db.selectFrom('projects').selectAll().where('unit_id', '=', org.unitA).orderBy('code').execute();
    expect(rows.map((r) => [r.code, r.kind, r.initial_budget, r.adjusted_budget])).toEqual([
      ['P-001', 'project', '120.5', '130'],
      ['P-002', 'project', '1000', null],
      ['T-001', 'transfer', '80', '80'],
    ]);
    const evals = await t.ctx.db.selectFrom('evaluations').select(['project_id', 'kind', 'status', 'data']).where('project_id', 'in', rows.map((r) => r.id)).execute();
    expect(evals).toHaveLength(3);
    const first = evals.find((e) => e.project_id === rows[0]!.id)!;
    expect(first.status).toBe('draft');
    expect((first.data as any).project).toMatchObject({ name: '农村道路养护', code: 'P-001', implementingUnit: '甲单位', category: '专项业务类' });
    expect((first.data as any).funds.total).toMatchObject({ initial: '120.5', adjusted: '130' });
    expect(evals.find((e) => e.project_id === rows[2]!.id)!.kind).toBe('transfer');

    // Committing twice is refused.
    const again = await c.fillerA!.post(`/api/project-imports/${p.body.id}/commit`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/已经确认/);
  });

  it('is idempotent: the same list again previews as unchanged and commits nothing', async () => {
    const before = await counts(t.ctx.db);
    const p = await upload(c.fillerA!, await xlsxList(LIST), '项目清单.xlsx');
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body.counts).toEqual({ rows: 3, new: 0, changed: 0, unchanged: 3, gone: 0 });
    const done = await c.fillerA!.post(`/api/project-imports/${p.body.id}/commit`, {});
    expect(done.body.result).toMatchObject({ created: 0, updated: 0, removed: 0, unchanged: 3, evaluationsCreated: 0 });
    const after = await counts(t.ctx.db);
    expect(after.projects).toBe(before.projects);
    expect(after.evaluations).toBe(before.evaluations);
  });

  it('shows what changed and what is gone; a draft follows the list where the unit left the list value', async () => {
    const changed: Cell[][] = [
      ['P-001', '农村道路养护', '甲单位', '125', '130', '专项业务类', '部门项目'],
      ['T-001', '中央农业转移支付', '甲单位', 80, 80, null, '转移支付'],
      ['P-003', '新增项目', '甲单位', 10, null, null, null],
    ];
    const p = await upload(c.fillerA!, csvList(changed), 'list.csv');
    expect(p.body.counts).toEqual({ rows: 3, new: 1, changed: 1, unchanged: 1, gone: 1 });
    expect(p.body.rows[0].changes).toEqual({ initial_budget: { before: '120.5', after: '125' } });
    expect(p.body.gone.map((g: { code: string }) => g.code)).toEqual(['P-002']);
    const done = await c.fillerA!.post(`/api/project-imports/${p.body.id}/commit`, {});
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.result).toMatchObject({ created: 1, updated: 1, removed: 1, evaluationsCreated: 1, evaluationsUpdated: 1 });
    const p1 = await t.ctx.db.selectFrom('projects as p').innerJoin('evaluations as e', 'e.project_id', 'p.id').select(['p.initial_budget', 'e.data']).where('p.code', '=', 'P-001').executeTakeFirstOrThrow();
    expect(p1.initial_budget).toBe('125');
    expect((p1.data as any).funds.total.initial).toBe('125');
    const gone = await t.ctx.db.selectFrom('projects').select('status').where('code', '=', 'P-002').executeTakeFirstOrThrow();
    expect(gone.status).toBe('removed');
    const history = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'project').execute();
    expect(new Set(history.map((h) => h.action))).toEqual(new Set(['project.created', 'project.updated', 'project.removed']));
  });

  const BAD: { name: string; rows: Cell[][]; header?: string[]; line: number; field: string; message: RegExp; who?: string }[] = [
    { name: 'missing code', rows: [['', '项目甲', '甲单位', 1, 1, null, null]], line: 2, field: '项目编码', message: /缺少项目编码/ },
    { name: 'duplicate code', rows: [['D-1', '项目甲', '甲单位', 1, 1, null, null], ['D-1', '项目乙', '甲单位', 2, 2, null, null]], line: 3, field: '项目编码', message: /与第 [23] 行重复/ },
    { name: 'text in an amount', rows: [['X-1', '项目甲', '甲单位', '一百', 1, null, null]], line: 2, field: '年初预算数（万元）', message: /“一百”不是金额数字/ },
    { name: 'negative amount', rows: [['X-2', '项目甲', '甲单位', '-5', 1, null, null]], line: 2, field: '年初预算数（万元）', message: /不能为负数/ },
    { name: 'unknown unit', rows: [['X-3', '项目甲', '不存在的单位', 1, 1, null, null]], line: 2, field: '单位', message: /找不到单位“不存在的单位”/ },
    { name: 'unit outside the uploader\'s scope', rows: [['X-4', '项目甲', 'U-B', 1, 1, null, null]], line: 2, field: '单位', message: /不在您的管辖范围内/ },
    { name: 'unknown kind', rows: [['X-5', '项目甲', '甲单位', 1, 1, null, '其他']], line: 2, field: '类型', message: /无法识别/ },
    { name: 'a project moved to another unit', rows: [['P-001', '农村道路养护', '乙单位', 1, 1, null, null]], line: 2, field: '项目编码', message: /已属于甲单位/, who: 'dept1' },
    { name: 'a missing column', rows: [['X-6', '项目甲', '甲单位']], header: ['项目编码', '项目名称', '单位'], line: 1, field: '', message: /缺少列 年初预算数/ },
  ];

  it.each(BAD)('refuses a list with $name: row, column and a Chinese reason, nothing written', async (bad) => {
    const good: Cell[] = ['OK-1', '好项目', '甲单位', 5, 5, null, null];
    const rows = bad.header ? bad.rows : [...bad.rows, good];
    const before = await counts(t.ctx.db);
    for (const [bytes, name] of [[csvList(rows, bad.header), 'bad.csv'], [await xlsxList(rows, bad.header), 'bad.xlsx']] as const) {
      const res = await upload(c[bad.who ?? 'fillerA']!, bytes, name);
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.error.code).toBe('PROJECT_LIST_INVALID');
      const issue = res.body.error.issues[0];
      const lineOffset = name.endsWith('.xlsx') && bad.line > 1 ? 1 : name.endsWith('.xlsx') ? 1 : 0; // the .xlsx has a title row above the header
      expect(issue.line).toBe(bad.line + lineOffset);
      if (bad.field) expect(issue.field).toBe(bad.field);
      expect(issue.message).toMatch(bad.message);
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
      if (bad.field) expect(issue.message).toContain(`第 ${bad.line + lineOffset} 行`);
    }
    expect(await counts(t.ctx.db)).toEqual(before);
  });

  it('reads GBK CSV, amounts in 元 by header, and refuses files that are not lists', async () => {
    const { default: iconv } = await import('iconv-lite');
    const text = [['项目编码', '项目名称', '单位名称', '年初预算数(元)'].join(','), ['G-1', '国标编码项目', '丙单位', '1234567.8'].join(',')].join('\n');
    const p = await upload(c.finance!, new Uint8Array(iconv.encode(text, 'gbk')), 'gbk.csv');
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body.rows[0]).toMatchObject({ code: 'G-1', name: '国标编码项目', unitName: '丙单位', initialBudget: '123.45678' });
    expect(p.body.scope.kind).toBe('bureau');
    const pdf = await upload(c.finance!, new TextEncoder().encode('%PDF-1.4'), 'x.pdf');
    expect(pdf.status).toBe(415);
    const notZip = await upload(c.finance!, new TextEncoder().encode('hello'), 'x.xlsx');
    expect(notZip.status).toBe(422);
    expect(notZip.body.error.message).toMatch(/Excel/);
  });

  it('reads the first sheet of a workbook that has the list\'s header (a cover sheet before it is skipped)', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填表说明').addRow(['请按预算系统导出格式填写']);
    const ws = wb.addWorksheet('项目清单');
    ws.addRow(HEADER);
    ws.addRow(['S-1', '第二张表的项目', '甲单位', 12, 12, null, null]);
    const p = await upload(c.fillerA!, new Uint8Array(await wb.xlsx.writeBuffer()), 'two-sheets.xlsx');
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body.rows.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([[2, 'S-1']]);
  });

  it('a preview is its uploader\'s: others cannot read or commit it', async () => {
    const p = await upload(c.fillerA!, csvList([['Q-1', '项目', '甲单位', 1, 1, null, null]]), 'q.csv');
    expect((await c.headA!.get(`/api/project-imports/${p.body.id}`)).status).toBe(404);
    expect((await c.headA!.post(`/api/project-imports/${p.body.id}/commit`, {})).status).toBe(404);
    expect((await c.fillerA!.get(`/api/project-imports/${p.body.id}`)).body.counts.new).toBe(1);
  });

  it('refuses a commit when the projects changed after the preview (nothing written)', async () => {
    const list: Cell[][] = [['R-1', '竞争项目', '甲单位', 1, 1, null, null]];
    const a = await upload(c.fillerA!, csvList(list), 'a.csv');
    const b = await upload(c.headA!, csvList(list), 'b.csv');
    expect((await c.headA!.post(`/api/project-imports/${b.body.id}/commit`, {})).status).toBe(200);
    const before = await counts(t.ctx.db);
    const late = await c.fillerA!.post(`/api/project-imports/${a.body.id}/commit`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/重新上传/);
    expect(await counts(t.ctx.db)).toEqual(before);
  });

  it('the OpenAPI document lists every project route', async () => {
    const { projectRoutes } = await import('../src/http/routes/projects.js');
    const { OPENAPI } = await import('../src/http/openapi.js');
    const paths = OPENAPI.paths as Record<string, Record<string, unknown>>;
    const routes = projectRoutes({ ctx: t.ctx }).routes.map((r) => [r.method.toLowerCase(), `/api${r.path.replace(/:(\w+)/g, '{$1}')}`] as const);
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const [m, p] of routes) expect(paths[p]?.[m], `${m} ${p}`).toBeDefined();
    const upload = (paths['/api/project-imports']!.post as any).requestBody.content['multipart/form-data'].schema;
    expect(upload.required).toEqual(['file', 'fiscalYear']);
    expect(Object.keys(upload.properties)).toEqual(['file', 'fiscalYear', 'departmentId', 'unitId', 'amountUnit', 'createEvaluations']);
  });

  it('the header vocabulary is data: every header in the JSON is recognised', async () => {
    const vocab = (await import('../src/project-list/project-list-columns.json', { with: { type: 'json' } })).default;
    const { normaliseHeader } = await import('../src/project-list/parse-project-list.js');
    for (const col of vocab.columns) for (const h of col.headers) expect(normaliseHeader(` ${h}（万元）*`).key).toBe(h);
    expect(HEADER.length).toBeGreaterThan(3);
  });
});
