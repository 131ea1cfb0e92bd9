/**
 * Statistics you can quote, on PGlite and on PostgreSQL: a region with a draft, a total that
 * cannot be graded (weights adding to 110, stated 109.96), two profiles (national 优/良/中/差,
 * hebei 优秀/良好/一般/较差) and a finance re-score. Every expected figure is worked out by hand
 * in the comments beside it.
 *
 * The evaluations are created through the use case (so the 110-point one really is graded
 * 无法定级 by core); their stored figures are then set to round numbers so the arithmetic
 * stays readable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvaluation, type Evaluation } from '@jixiao/core';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, loginAll, makeApp, sampleEvaluation, type Org } from './fixtures.js';
import { insertEvaluation } from '../src/use-cases/create-evaluation.js';

function model(year: number, over: Record<string, unknown> = {}): Evaluation {
  const p = parseEvaluation(sampleEvaluation(year, over));
  if (!p.ok) throw p.error;
  return p.value;
}

interface Row {
  key: string;
  unit: 'unitA' | 'unitB' | 'unitC';
  year: number;
  kind: 'department' | 'project' | 'transfer';
  profile: 'national' | 'hebei';
  status: string;
  title: string;
  self: string;
  computed: string;
  review: string | null;
  grade: string | null;
  execution: string;
  /** Weights adding to 110: core grades it 无法定级. */
  ungradable?: boolean;
}

// 2024 unless said otherwise. Score = review → computed → self.
const ROWS: Row[] = [
  { key: 'r1', unit: 'unitA', year: 2024, kind: 'project', profile: 'national', status: 'submitted', title: '道路养护', self: '95.5', computed: '92.25', review: null, grade: '优', execution: '0.9856' },
  { key: 'r2', unit: 'unitA', year: 2024, kind: 'project', profile: 'national', status: 'submitted', title: '校舍维修', self: '88', computed: '85.125', review: null, grade: '良', execution: '0.85' },
  { key: 'r3', unit: 'unitB', year: 2024, kind: 'department', profile: 'hebei', status: 'department_approved', title: '乙单位部门整体', self: '90', computed: '100', review: null, grade: '优秀', execution: '1' },
  { key: 'r4', unit: 'unitB', year: 2024, kind: 'project', profile: 'hebei', status: 'submitted', title: '=HYPERLINK("http://x","点")', self: '70', computed: '72.4', review: null, grade: '一般', execution: '0.6' },
  { key: 'r5', unit: 'unitC', year: 2024, kind: 'project', profile: 'national', status: 'submitted', title: '权重合计110', self: '109.96', computed: '109.96', review: null, grade: null, execution: '0.9', ungradable: true },
  { key: 'r6', unit: 'unitC', year: 2024, kind: 'project', profile: 'national', status: 'draft', title: '草稿项目', self: '50', computed: '40', review: null, grade: '差', execution: '0.3' },
  { key: 'r7', unit: 'unitA', year: 2024, kind: 'transfer', profile: 'national', status: 'finance_approved', title: '转移支付资金', self: '80', computed: '78', review: '81.5', grade: '良', execution: '0.9' },
  { key: 'r8', unit: 'unitA', year: 2023, kind: 'project', profile: 'national', status: 'submitted', title: '上年项目', self: '72', computed: '70', review: null, grade: '中', execution: '0.8' },
];

describe.each(DATABASE_KINDS)('statistics you can quote on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let c: Record<string, Client>;
  let app: ReturnType<typeof makeApp>;
  const id: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    app = makeApp(t.ctx);
    c = await loginAll(app);
    for (const r of ROWS) {
      const m = model(r.year, { profile: r.profile, ...(r.ungradable ? { budgetExecution: { weight: '20', selfScore: '19.96' } } : {}) });
      const row = await insertEvaluation(t.ctx, null, m, org[r.unit], r.unit, r.status);
      if (r.ungradable) expect(row.grade === null && row.ungradable_reason !== null, 'core grades a 110-point table 无法定级').toBe(true);
      id[r.key] = row.id;
      await t.ctx.db
        .updateTable('evaluations')
        .set({ kind: r.kind, title: r.title, self_score: r.self, computed_score: r.computed, review_score: r.review, grade: r.grade, execution_rate: r.execution })
        .where('id', '=', row.id)
        .execute();
    }
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  it('drafts are left out, 无法定级 is counted but kept out of averages and the ranking', async () => {
    const r = await c.finance!.get('/api/dashboard?year=2024');
    expect(r.status).toBe(200);
    const d = r.body;
    // r1 r2 r3 r4 r5 r7 (r6 is a draft): 6, of which r5 cannot be graded → 5 ranked.
    expect(d.totals).toMatchObject({ count: 6, ungradable: 1, ranked: 5 });
    // No read replica: a live answer, no lag to report.
    expect(d.replicaLagSeconds).toBeNull();
    // Scores 92.25 + 85.125 + 100 + 72.4 + 81.5 (r7's re-score) = 431.275; ÷ 5 = 86.255.
    expect(d.totals.averageScore).toBe('86.255');
    // Self 95.5 + 88 + 90 + 70 + 80 = 423.5; ÷ 5 = 84.7.
    expect(d.totals.averageSelfScore).toBe('84.7');
    // Computed 92.25 + 85.125 + 100 + 72.4 + 78 = 427.775; ÷ 5 = 85.555.
    expect(d.totals.averageComputedScore).toBe('85.555');
    // Numeric order, not text order ("100" < "92.25" as text); 109.96 (无法定级) is not ranked.
    expect(d.ranking.map((x: any) => [x.id, x.score])).toEqual([
      [id.r3, '100'],
      [id.r1, '92.25'],
      [id.r2, '85.125'],
      [id.r7, '81.5'],
      [id.r4, '72.4'],
    ]);
    expect(d.rankingTotal).toBe(5);
    // Two rows of 甲单位 told apart by project and kind.
    const a = d.ranking.filter((x: any) => x.unitName === '甲单位').map((x: any) => [x.kind, x.projectName]);
    expect(a).toEqual([
      ['project', '道路养护'],
      ['project', '校舍维修'],
      ['transfer', '转移支付资金'],
    ]);
  });

  it('grade bands are normalised across profiles and shown with the local names', async () => {
    const d = (await c.finance!.get('/api/dashboard?year=2024')).body;
    // 优: r1 (优, national) + r3 (优秀, hebei) = 2; 良: r2 + r7 = 2; 中: r4 (一般, hebei) = 1; 无法定级: r5 = 1.
    expect(d.gradeDistribution.map((g: any) => [g.label, g.names, g.count])).toEqual([
      ['优', ['优', '优秀'], 2],
      ['良', ['良'], 2],
      ['中', ['一般'], 1],
      ['无法定级', [], 1],
    ]);
    const withDrafts = (await c.finance!.get('/api/dashboard?year=2024&includeDrafts=1')).body;
    // With r6 (差, computed 40): 7 rows, 6 ranked; (431.275 + 40) ÷ 6 = 471.275 ÷ 6 = 78.5458333…
    expect(withDrafts.totals).toMatchObject({ count: 7, ungradable: 1, ranked: 6 });
    expect(withDrafts.totals.averageScore.startsWith('78.54583333')).toBe(true);
    expect(withDrafts.gradeDistribution.find((g: any) => g.label === '差')).toMatchObject({ names: ['差'], count: 1 });
  });

  it('by kind, by department, year over year and the scatter bins', async () => {
    const d = (await c.finance!.get('/api/dashboard?year=2024')).body;
    const kinds = Object.fromEntries(d.byKind.map((k: any) => [k.kind, [k.count, k.ungradable, k.averageScore]]));
    // department: r3 → 100; project: r1 r2 r4 (+ r5 无法定级) → (92.25 + 85.125 + 72.4) ÷ 3 = 249.775 ÷ 3 = 83.2583…; transfer: r7 → 81.5.
    expect(kinds.department).toEqual([1, 0, '100']);
    expect(kinds.project[0]).toBe(4);
    expect(kinds.project[1]).toBe(1);
    expect(kinds.project[2].startsWith('83.258333')).toBe(true);
    expect(kinds.transfer).toEqual([1, 0, '81.5']);
    // 一号部门: r1 r2 r3 r4 r7 → 431.275 ÷ 5 = 86.255; 二号部门: r5 only, 无法定级 → no average.
    expect(d.byDepartment.map((x: any) => [x.departmentName, x.count, x.ungradable, x.averageScore])).toEqual([
      ['一号部门', 5, 0, '86.255'],
      ['二号部门', 1, 1, null],
    ]);
    // 2023: r8 → 70; 2024: 86.255 over 6 rows.
    expect(d.yearOverYear).toEqual([
      { year: 2023, count: 1, averageScore: '70' },
      { year: 2024, count: 6, averageScore: '86.255' },
    ]);
    expect(d.years).toEqual([2023, 2024]);
    // Whole points (self, computed) of the ranked rows: r1 (95, 92), r2 (88, 85), r3 (90, 100), r4 (70, 72), r7 (80, 78).
    expect(d.selfVsComputed).toEqual([
      [70, 72, 1],
      [80, 78, 1],
      [88, 85, 1],
      [90, 100, 1],
      [95, 92, 1],
    ]);
    // Execution in whole percent vs score: r1 (98.56 → 98, 92), r2 (85, 85), r3 (100, 100), r4 (60, 72), r7 (90, 81).
    expect(d.executionVsScore).toEqual([
      [60, 72, 1],
      [85, 85, 1],
      [90, 81, 1],
      [98, 92, 1],
      [100, 100, 1],
    ]);
  });

  it('filters by kind, department and unit; each user sees only their scope', async () => {
    const projects = (await c.finance!.get('/api/dashboard?year=2024&kind=project')).body;
    expect(projects.totals).toMatchObject({ count: 4, ungradable: 1, ranked: 3 });
    expect(projects.ranking.map((x: any) => x.id)).toEqual([id.r1, id.r2, id.r4]);
    const dept2 = (await c.dept2!.get('/api/dashboard?year=2024')).body;
    expect(dept2.totals).toMatchObject({ count: 1, ungradable: 1, ranked: 0 });
    expect(dept2.ranking).toEqual([]);
    const unit = (await c.finance!.get(`/api/dashboard?year=2024&unitId=${org.unitA}`)).body;
    expect(unit.evaluations.map((x: any) => x.id)).toEqual([id.r1, id.r2, id.r7]);
    const fillerB = (await c.fillerB!.get('/api/dashboard?year=2024')).body;
    expect(fillerB.ranking.map((x: any) => x.id)).toEqual([id.r3, id.r4]);
  });

  it('the to-do lists come from SQL by status, in the year when given, with their counts', async () => {
    // 一号部门 waits on its submitted ones: r1 r2 r4 in 2024, r8 in 2023.
    const all = (await c.dept1!.get('/api/todo')).body;
    expect(all.pendingReview.map((x: any) => x.id)).toEqual([id.r1, id.r2, id.r4, id.r8]);
    expect(all.counts.pendingReview).toBe(4);
    const y2024 = (await c.dept1!.get('/api/todo?year=2024')).body;
    expect(y2024.pendingReview.map((x: any) => x.id)).toEqual([id.r1, id.r2, id.r4]);
    expect(y2024.counts).toEqual({ drafts: 0, returned: 0, pendingReview: 3, pendingSample: 0 });
    // The finance bureau waits on department-approved ones: r3.
    const finance = (await c.finance!.get('/api/todo?year=2024')).body;
    expect(finance.pendingReview.map((x: any) => [x.id, x.unitName, x.departmentName])).toEqual([[id.r3, '乙单位', '一号部门']]);
    // 丙单位's draft is its own to-do, nobody else's.
    expect((await c.fillerC!.get('/api/todo')).body.drafts.map((x: any) => x.id)).toEqual([id.r6]);
    expect((await c.fillerA!.get('/api/todo')).body.drafts).toEqual([]);
  });

  it('the whole ranking page by page', async () => {
    const p1 = (await c.finance!.get('/api/dashboard/ranking?year=2024&offset=0&limit=2')).body;
    const p2 = (await c.finance!.get('/api/dashboard/ranking?year=2024&offset=2&limit=2')).body;
    expect(p1.total).toBe(5);
    expect([...p1.items, ...p2.items].map((x: any) => [x.rank, x.id])).toEqual([
      [1, id.r3],
      [2, id.r1],
      [3, id.r2],
      [4, id.r7],
    ]);
  });

  it('CSV export: rounded as displayed, rates in %, unit/department/kind/project in each row, formulas neutralised', async () => {
    const res = await app.request('/api/dashboard/export?format=csv&year=2024', { headers: { cookie: c.finance!.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('年度,主管部门,单位,类型,项目编码,项目名称,标题,状态,评价规则,自评得分,系统计算得分,复评得分,统计得分,等级,统一等级档次,无法定级原因,预算执行率（%）');
    expect(lines).toHaveLength(1 + 6); // no draft
    const byTitle = (t: string) => lines.find((l) => l.includes(t))!.split(',');
    // r2: 85.125 → 85.13 (half up, not to even); 0.85 → 85.00 %.
    expect(byTitle('校舍维修')).toEqual(['2024', '一号部门', '甲单位', '项目支出', '', '校舍维修', '校舍维修', '已提交，待主管部门审核', 'national', '88.00', '85.13', '', '85.13', '良', '良', '', '85.00']);
    // r1: 0.9856 → 98.56 %.
    expect(byTitle('道路养护').at(-1)).toBe('98.56');
    // r5: 无法定级, no statistics score; its reason spelled out.
    const r5 = byTitle('权重合计110');
    expect(r5.slice(9, 15)).toEqual(['109.96', '109.96', '', '', '无法定级', '无法定级']);
    expect(r5[15]).toMatch(/^无法定级/);
    // r4's title would run as a formula: written with a leading '.
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""http://x"",""点"")"`))).toBe(true);
    expect(lines.some((l) => /(^|,)=HYPERLINK/.test(l))).toBe(false);
  });

  it('XLSX export: the same rows, numbers shown with two places, formula-looking text in the Text format', async () => {
    const res = await app.request('/api/dashboard/export?format=xlsx&year=2024&includeDrafts=1', { headers: { cookie: c.finance!.cookie! } });
    expect(res.status).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const ws = wb.getWorksheet('自评统计')!;
    expect(ws.rowCount).toBe(1 + 7);
    const rows = [] as unknown[][];
    ws.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)));
    const r2 = rows.find((r) => r[6] === '校舍维修')!;
    expect([r2[9], r2[10], r2[16]]).toEqual([88, 85.13, 85]);
    expect(ws.getRow(2).getCell(10).numFmt).toBe('0.00');
    const r4 = rows.find((r) => String(r[6]).includes('HYPERLINK'))!;
    expect(typeof r4[6]).toBe('string'); // text, never a formula cell
    // …and in the Text format, as every server .xlsx keeps formula-looking text (xlsx-text-cells).
    let r4Row = 0;
    ws.eachRow((row, n) => String(row.getCell(7).value).includes('HYPERLINK') && (r4Row = n));
    expect(ws.getRow(r4Row).getCell(7).numFmt).toBe('@');
    expect(ws.getRow(r4Row).getCell(2).numFmt).not.toBe('@'); // plain text keeps the general format
  });

  it('bad format is a 400 with a clear message', async () => {
    const r = await c.finance!.get('/api/dashboard/export?format=pdf');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/csv 或 xlsx/);
  });
});

