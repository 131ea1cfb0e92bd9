/**
 * After the self-evaluation over HTTP, on PGlite and on PostgreSQL: 抽评 by ratio with strata
 * and mandatory inclusion (bad counts refused, nothing written), a redraw with a reason, the
 * third-party reviewer who sees only what is sampled to it and re-scores; 自评质量 by rubric with
 * adjustments; 整改 with a due date, evidence checked by content, report, return and 销号;
 * 结果应用 with the .xlsx for the budget office; publication checks with an override, 撤回公开 and
 * the public history; evidence carried by a backup and restore.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, loginAll, makeApp, sampleEvaluation, type Org } from './fixtures.js';
import { backupDatabase, serialiseBackup } from '../src/backup/backup-database.js';
import { restoreDatabase } from '../src/backup/restore-database.js';

const YEAR = 2024;
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
function windowsProgram(): Uint8Array {
  const b = Buffer.alloc(512);
  b.write('MZ');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'binary');
  return new Uint8Array(b);
}
const upload = (name: string, bytes: Uint8Array) => {
  const f = new FormData();
  f.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
  return f;
};

describe.each(DATABASE_KINDS)('after the self-evaluation on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let c: Record<string, Client>;
  /** Evaluations past department review: A ×3, B ×2 (dept 1), C ×3 (dept 2). */
  const ids: Record<'A' | 'B' | 'C', number[]> = { A: [], B: [], C: [] };
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0]!.n);
  const events = async (action: string) => Number((await sql<{ n: number }>`select count(*)::int as n from audit_log where action = ${action}`.execute(t.ctx.db)).rows[0]!.n);

  async function reviewed(unit: 'A' | 'B' | 'C', over: Record<string, unknown> = {}, waive = false): Promise<number> {
    const unitId = { A: org.unitA, B: org.unitB, C: org.unitC }[unit];
    const res = await c[`filler${unit}`]!.post('/api/evaluations', { unitId, fiscalYear: YEAR, kind: 'project', evaluation: sampleEvaluation(YEAR, over) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.id as number;
    if (waive && !(await c.finance!.get(`/api/evaluations/${id}`)).body.submission.canSubmit) {
      expect((await c.finance!.post(`/api/evaluations/${id}/submission-override`, { reason: '测试：带着审核错误提交' })).status).toBe(200);
    }
    const s = await c[`head${unit}`]!.post(`/api/evaluations/${id}/actions/submit`, { version: 1 });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const a = await c[unit === 'C' ? 'dept2' : 'dept1']!.post(`/api/evaluations/${id}/actions/approve`, { version: s.body.version });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    return id;
  }
  const version = async (id: number) => (await c.finance!.get(`/api/evaluations/${id}`)).body.version as number;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    c = await loginAll(makeApp(t.ctx));
    for (const [u, n] of [['A', 3], ['B', 2], ['C', 3]] as const) {
      for (let i = 0; i < n; i++) ids[u].push(await reviewed(u, { project: { name: `${u} 项目 ${i + 1}` }, funds: { total: { initial: String(100 * (i + 1)), adjusted: String(100 * (i + 1)), executed: '95' } } }));
    }
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a negative, an oversize or a missing count with a Chinese message naming the field, and writes nothing', async () => {
    for (const [body, field, text] of [
      [{ fiscalYear: YEAR, count: -3 }, 'count', /1 至 8 之间的整数/],
      [{ fiscalYear: YEAR, count: 9999 }, 'count', /9999 超过本年度可抽取的 8 份/],
      [{ fiscalYear: YEAR, size: 0 }, 'count', /整数/],
      [{ fiscalYear: YEAR }, 'count', /抽取比例（ratio）或抽取份数（count）/],
      [{ fiscalYear: YEAR, ratio: '1.5' }, 'ratio', /不超过 100%/],
      [{ fiscalYear: YEAR, ratio: '20%', strata: ['amountBand'] }, 'amountBands', /分档金额/],
      [{ fiscalYear: YEAR, ratio: '20%', strata: ['city'] }, 'strata', /分层/],
    ] as const) {
      const r = await c.finance!.post('/api/samples', body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.error.code).toBe('SAMPLE_INVALID');
      expect(r.body.error.issues[0].field).toBe(field);
      expect(r.body.error.message).toMatch(text);
    }
    expect(await count('samples')).toBe(0);
    expect(await count('sample_items')).toBe(0);
    expect(await events('sample.drawn')).toBe(0);
  });

  it('draws by ratio with department strata and mandatory inclusion; a redraw needs a reason and keeps the earlier draw', async () => {
    const assessor = org.users.assessor!.id;
    const body = { fiscalYear: YEAR, ratio: '25%', strata: ['department'], mandatory: { amountAtLeast: '300' }, seed: 'e2e-1', assessorId: assessor };
    const a = await c.finance!.post('/api/samples', body);
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    // 8 × 25% = 2: one per department (5 and 3 → 1.25 and 0.75), plus the 300 万元 projects (A 3, C 3) taken first
    expect(a.body.plan.target).toBe(2);
    expect(a.body.plan.strata.map((s: { label: string; population: number; quota: number }) => [s.label, s.population, s.quota])).toEqual([
      ['一号部门', 5, 1],
      ['二号部门', 3, 1],
    ]);
    expect(a.body.plan.mandatory.map((m: { id: number }) => m.id)).toEqual([ids.A[2], ids.C[2]]);
    expect(a.body.evaluationIds).toEqual(expect.arrayContaining([ids.A[2], ids.C[2]]));
    expect(a.body.evaluationIds).toHaveLength(2);

    const again = await c.finance!.post('/api/samples', { ...body, seed: 'e2e-2' });
    expect(again.status).toBe(422);
    expect(again.body.error.issues[0].field).toBe('reason');
    expect(await count('samples')).toBe(1);
    const b = await c.finance!.post('/api/samples', { ...body, ratio: '50%', seed: 'e2e-2', reason: '首次抽样比例过低，按局务会意见提高到 50%' });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    expect(b.body.replaces).toBe(a.body.id);
    expect(b.body.evaluationIds).toHaveLength(4);
    const listed = (await c.finance!.get(`/api/samples?year=${YEAR}`)).body;
    expect(listed.map((s: { id: number; status: string }) => [s.id, s.status])).toEqual([
      [b.body.id, 'active'],
      [a.body.id, 'superseded'],
    ]);
    expect(listed[0].reason).toContain('50%');
    expect(listed[0].items.every((i: { assessorId: number }) => i.assessorId === assessor)).toBe(true);
    expect(await events('sample.redrawn')).toBe(1);
    // sampled flags follow the active draw
    const flags = await t.ctx.db.selectFrom('evaluations').select(['id', 'sampled']).where('sampled', '=', true).execute();
    expect(flags.map((f) => f.id).sort()).toEqual([...b.body.evaluationIds].sort());
    expect((await c.dept1!.post('/api/samples', body)).status).toBe(403);
  });

  it('the third-party reviewer sees only what is sampled to it and records its re-score and 抽评等级', async () => {
    const items = (await c.assessor!.get('/api/sample-items')).body as Array<{ id: number; evaluationId: number; version: number; status: string }>;
    expect(items).toHaveLength(4);
    const sampled = items[0]!;
    const notSampled = [...ids.A, ...ids.B, ...ids.C].find((id) => !items.some((i) => i.evaluationId === id))!;
    expect((await c.assessor!.get(`/api/evaluations/${sampled.evaluationId}`)).status).toBe(200);
    expect((await c.assessor!.get(`/api/evaluations/${notSampled}`)).status).toBe(404);
    const list = await c.assessor!.get('/api/evaluations');
    expect(list.status).toBe(403);
    expect(list.body.error.message).toMatch(/评价机构/);
    expect((await c.assessor!.get('/api/rectifications')).status).toBe(403);

    const bad = await c.assessor!.put(`/api/sample-items/${sampled.id}/rescore`, { version: sampled.version, scores: { execution: '11' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('scores.execution');
    const ok = await c.assessor!.put(`/api/sample-items/${sampled.id}/rescore`, { version: sampled.version, scores: { execution: '8', 'indicators.1.children.0.children.0': '20' }, opinion: '覆盖率佐证不足' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    // stated 97.5 − (9.5 − 8) − (28 − 20) = 88 → 良
    expect(ok.body.rescore).toMatchObject({ total: '88', grade: '良' });
    expect((await c.assessor!.put(`/api/sample-items/${sampled.id}/rescore`, { version: ok.body.version, scores: { execution: '9' } })).status).toBe(409);
    // an item assigned to the assessor is not re-scored by the finance bureau
    expect((await c.finance!.put(`/api/sample-items/${items[1]!.id}/rescore`, { version: items[1]!.version, scores: { execution: '9' } })).status).toBe(403);
    const back = await c.finance!.post(`/api/sample-items/${sampled.id}/actions/return`, { version: ok.body.version });
    expect(back.status).toBe(400);
    const returned = await c.finance!.post(`/api/sample-items/${sampled.id}/actions/return`, { version: ok.body.version, opinion: '请补充复评依据' });
    expect(returned.body.status).toBe('returned');
    const again = await c.assessor!.put(`/api/sample-items/${sampled.id}/rescore`, { version: returned.body.version, scores: { execution: '8', 'indicators.1.children.0.children.0': '20' }, grade: '中', opinion: '复评依据已补充' });
    expect(again.body).toMatchObject({ status: 'rescored', rescore: { total: '88', grade: '中' } });
    expect(await events('sample_item.rescored')).toBe(2);
    // a draw with a re-score can no longer be redrawn
    const redraw = await c.finance!.post('/api/samples', { fiscalYear: YEAR, count: 2, reason: '再抽一次' });
    expect(redraw.status).toBe(422);
    expect(redraw.body.error.message).toMatch(/已有 1 份完成复评/);
  });

  it('自评质量: each rubric part with its explanation; an adjustment needs a reason and is audit-logged', async () => {
    const item = ((await c.finance!.get('/api/sample-items')).body as Array<{ evaluationId: number; status: string }>).find((i) => i.status === 'rescored')!;
    const q = await c.finance!.get(`/api/evaluations/${item.evaluationId}/quality`);
    expect(q.status).toBe(200);
    expect(q.body.parts.map((p: { label: string }) => p.label)).toEqual(['填报完整性', '内部一致性', '绩效目标质量', '自评失真', '满分指标占比', '偏差原因说明']);
    expect(q.body.reference).toBe('sample');
    const distortion = q.body.parts.find((p: { id: string }) => p.id === 'distortion');
    // self 97.5 against the re-score 88: gap 9.5 of the 10-point threshold → 20 × 0.05 = 1
    expect(distortion.computed).toBe('1');
    expect(distortion.explanation).toContain('复评得分');
    expect(q.body.canAdjust).toBe(true);
    const noReason = await c.finance!.put(`/api/evaluations/${item.evaluationId}/quality`, { adjustments: [{ part: 'targets', score: '10' }] });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].field).toBe('adjustments.0.reason');
    expect((await t.ctx.db.selectFrom('evaluations').select('quality_review').where('id', '=', item.evaluationId).executeTakeFirstOrThrow()).quality_review).toBeNull();
    const adj = await c.finance!.put(`/api/evaluations/${item.evaluationId}/quality`, { adjustments: [{ part: 'targets', score: '10', reason: '培训人次指标口径不清' }] });
    expect(adj.status, JSON.stringify(adj.body)).toBe(200);
    const targets = adj.body.parts.find((p: { id: string }) => p.id === 'targets');
    expect(targets.score).toBe('10');
    expect(targets.adjusted.reason).toBe('培训人次指标口径不清');
    const listed = (await c.finance!.get(`/api/evaluations?year=${YEAR}&pageSize=50`)).body.items.find((e: { id: number }) => e.id === item.evaluationId);
    expect(listed.qualityScore).toBe(adj.body.total);
    expect(await events('evaluation.quality_adjusted')).toBe(1);
    expect((await c.fillerA!.put(`/api/evaluations/${item.evaluationId}/quality`, { adjustments: [] })).status).toBe(403);
    expect((await c.finance!.put(`/api/evaluations/${item.evaluationId}/review`, { version: await version(item.evaluationId), qualityScore: '90' })).body.error.issues[0].field).toBe('qualityScore');
  });

  it('整改: a due date is required; evidence is checked by content and kept with its hash; the unit reports, finance returns and signs off', async () => {
    const id = ids.A[0]!;
    const before = await count('rectifications');
    const noDate = await c.finance!.post('/api/rectifications', { evaluationId: id, source: 'sampling', description: '补充培训签到表' });
    expect(noDate.status).toBe(422);
    expect(noDate.body.error.code).toBe('RECTIFICATION_INVALID');
    expect(noDate.body.error.issues[0]).toMatchObject({ field: 'dueDate', label: '整改期限' });
    expect((await c.finance!.post('/api/rectifications', { evaluationId: id, source: 'rumour', description: 'x', dueDate: '2025-06-30' })).body.error.issues[0].field).toBe('source');
    expect(await count('rectifications')).toBe(before);

    const r = await c.finance!.post('/api/rectifications', { evaluationId: id, source: 'sampling', description: '补充培训签到表', dueDate: '2099-06-30' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const rid = r.body.id;
    const exe = await c.fillerA!.request('POST', `/api/rectifications/${rid}/evidence`, upload('签到表.pdf', windowsProgram()));
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('EVIDENCE_REJECTED');
    expect(exe.body.error.issues[0].field).toBe('file');
    expect(exe.body.error.message).toContain('可执行');
    expect(await count('rectification_evidence')).toBe(0);
    const ok = await c.fillerA!.request('POST', `/api/rectifications/${rid}/evidence`, upload('签到表.pdf', PDF));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const file = await c.finance!.request('GET', `/api/rectifications/${rid}/evidence/${ok.body.id}`);
    expect(file.headers.get('x-content-sha256')).toBe(ok.body.sha256);
    expect(file.body).toBe(new TextDecoder().decode(PDF));

    expect((await c.fillerA!.patch(`/api/rectifications/${rid}`, { status: 'done', version: 1 })).body.error.message).toMatch(/销号/);
    const noText = await c.fillerA!.post(`/api/rectifications/${rid}/actions/report`, { version: 1 });
    expect(noText.body.error.issues[0].field).toBe('text');
    const rep = await c.fillerA!.post(`/api/rectifications/${rid}/actions/report`, { version: 1, text: '已补充全部签到表' });
    expect(rep.body.status).toBe('reported');
    expect((await c.fillerA!.post(`/api/rectifications/${rid}/actions/sign_off`, { version: rep.body.version })).status).toBe(403);
    const ret = await c.finance!.post(`/api/rectifications/${rid}/actions/return`, { version: rep.body.version, opinion: '签到表缺少第二期' });
    expect(ret.body.status).toBe('returned');
    const rep2 = await c.headA!.post(`/api/rectifications/${rid}/actions/report`, { version: ret.body.version, text: '已补充第二期签到表' });
    const closed = await c.finance!.post(`/api/rectifications/${rid}/actions/sign_off`, { version: rep2.body.version, opinion: '同意销号' });
    expect(closed.body.status).toBe('closed');
    expect((await c.fillerA!.request('POST', `/api/rectifications/${rid}/evidence`, upload('补充.pdf', PDF))).status).toBe(409);

    // Chinese rule names and overdue marking
    const err = await reviewed('B', { totals: { statedScore: '10', statedGrade: '优' } }, true);
    const finding = (await c.finance!.get(`/api/evaluations/${err}`)).body.audit.findings.find((f: { severity: string }) => f.severity === 'error');
    const late = await c.finance!.post('/api/rectifications', { evaluationId: err, rule: finding.rule, source: 'finance_evaluation', description: '核实总分', dueDate: '2020-01-01' });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    const overdue = (await c.finance!.get('/api/rectifications?overdue=1')).body;
    expect(overdue.map((x: { id: number }) => x.id)).toEqual([late.body.id]);
    expect(overdue[0]).toMatchObject({ overdue: true, sourceLabel: '财政评价', statusLabel: '待整改' });
    expect(overdue[0].ruleTitle).toMatch(/[\u4e00-\u9fff]/);
    expect(overdue[0].ruleTitle).not.toBe(finding.rule);
    for (const e of ['rectification.created', 'rectification.evidence_added', 'rectification.reported', 'rectification.returned', 'rectification.signed_off']) expect(await events(e), e).toBeGreaterThan(0);
  });

  it('结果应用: a suggestion by grade, the decision (reasoned when it differs), the department’s response and the .xlsx', async () => {
    const id = ids.C[0]!;
    const named = await reviewed('C', { project: { name: '=HYPERLINK("http://evil.example","点击")' } });
    for (const e of [id, named]) expect((await c.finance!.post(`/api/evaluations/${e}/actions/approve`, { version: await version(e) })).status).toBe(200);
    const list = (await c.finance!.get(`/api/result-applications?year=${YEAR}`)).body as Array<{ evaluationId: number; suggestion: { action: string; grade: string }; state: string; version: number | null }>;
    const line = list.find((l) => l.evaluationId === id)!;
    expect(line).toMatchObject({ state: 'pending', suggestion: { grade: '优', action: 'priority' } });
    expect((await c.finance!.post(`/api/result-applications/${id}/decision`, { decision: 'grow' })).body.error.issues[0].field).toBe('decision');
    expect((await c.finance!.post(`/api/result-applications/${id}/decision`, { decision: 'reduce' })).body.error.issues[0].field).toBe('note');
    expect((await c.dept2!.post(`/api/result-applications/${id}/decision`, { decision: 'priority' })).status).toBe(403);
    expect(await count('result_applications')).toBe(0);
    const d = await c.finance!.post(`/api/result-applications/${id}/decision`, { decision: 'priority', note: '绩效优良，下年优先保障' });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect((await c.dept2!.post(`/api/result-applications/${id}/response`, { version: d.body.version })).body.error.issues[0].field).toBe('response');
    const resp = await c.dept2!.post(`/api/result-applications/${id}/response`, { version: d.body.version, response: '下年预算按原规模申报并优先安排' });
    expect(resp.body.status).toBe('responded');
    expect((await c.dept1!.post(`/api/result-applications/${id}/response`, { version: resp.body.version, response: 'x' })).status).toBe(404);

    const xlsx = await c.finance!.request('GET', `/api/result-applications/export?year=${YEAR}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const raw = await makeApp(t.ctx).request(`/api/result-applications/export?year=${YEAR}`, { headers: { cookie: c.finance!.cookie! } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await raw.arrayBuffer()) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[1]).toEqual(['序号', '主管部门', '单位', '类型', '项目 / 评价对象', '得分', '等级', '等级依据', '建议的预算处理', '财政决定', '决定说明', '部门反馈', '状态']);
    const decided = rows.find((r) => r[4] === 'C 项目 1')!;
    expect(decided.slice(6, 12)).toEqual(['优', '系统计算等级', '优先保障，可适当增加预算', '优先保障，可适当增加预算', '绩效优良，下年优先保障', '下年预算按原规模申报并优先安排']);
    let evil: ExcelJS.Cell | null = null;
    ws.eachRow((row) => row.eachCell((cell) => {
      if (String(cell.value).startsWith('=HYPERLINK')) evil = cell;
    }));
    expect(evil!.type).toBe(ExcelJS.ValueType.String);
    expect(evil!.numFmt).toBe('@');
  });

  it('publication: refused with open errors or an unreviewed sample unless finance gives a reason; withdrawn with a reason, shown in the public history', async () => {
    const err = await reviewed('A', { project: { name: '有错误的项目' }, totals: { statedScore: '10', statedGrade: '优' } }, true);
    expect((await c.finance!.post(`/api/evaluations/${err}/actions/approve`, { version: await version(err) })).status).toBe(200);
    const v = await version(err);
    const refused = await c.finance!.post(`/api/evaluations/${err}/actions/publish`, { version: v });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PUBLICATION_BLOCKED');
    expect(refused.body.error.message).toMatch(/审核错误 \d+ 项/);
    expect(refused.body.error.issues.length).toBeGreaterThan(0);
    const blank = await c.finance!.post(`/api/evaluations/${err}/actions/publish`, { version: v, overrideReason: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.issues[0].field).toBe('overrideReason');
    expect((await c.finance!.get(`/api/evaluations/${err}`)).body.status).toBe('finance_approved');
    const ok = await c.finance!.post(`/api/evaluations/${err}/actions/publish`, { version: v, overrideReason: '原文如此，按原样公开并在整改中跟踪' });
    expect(ok.body.status).toBe('published');
    const stored = (await c.finance!.get(`/api/evaluations/${err}`)).body.review.publicationOverride;
    expect(stored).toMatchObject({ reason: '原文如此，按原样公开并在整改中跟踪', rules: expect.arrayContaining(['total-score-sum']) });
    expect(await events('evaluation.publication_checks_overridden')).toBe(1);

    // an evaluation sampled to the assessor and not yet re-scored cannot be published
    const pending = ((await c.finance!.get('/api/sample-items')).body as Array<{ evaluationId: number; status: string }>).find((i) => i.status === 'assigned')!;
    if ((await c.finance!.get(`/api/evaluations/${pending.evaluationId}`)).body.status === 'department_approved') {
      await c.finance!.post(`/api/evaluations/${pending.evaluationId}/actions/approve`, { version: await version(pending.evaluationId) });
    }
    const blocked = await c.finance!.post(`/api/evaluations/${pending.evaluationId}/actions/publish`, { version: await version(pending.evaluationId) });
    expect(blocked.body.error.issues.map((i: { label: string }) => i.label)).toContain('抽评未复评：抽评');

    // the public list: project names, filters by department, year and kind on the server
    const pub = (await c.anonymous!.get(`/api/public/reports?year=${YEAR}&departmentId=${org.dept1}&kind=project`)).body;
    expect(pub.items.map((i: { id: number }) => i.id)).toContain(err);
    expect(pub.items.find((i: { id: number }) => i.id === err).projectName).toBe('有错误的项目');
    expect((await c.anonymous!.get(`/api/public/reports?year=${YEAR}&departmentId=${org.dept2}`)).body.items.map((i: { id: number }) => i.id)).not.toContain(err);
    expect((await c.anonymous!.get(`/api/public/reports?year=${YEAR}&kind=department`)).body.items.map((i: { id: number }) => i.id)).not.toContain(err);
    expect((await c.anonymous!.get(`/api/public/departments?year=${YEAR}`)).body).toEqual([{ id: org.dept1, name: '一号部门', count: 1 }]);

    const vp = await version(err);
    const noReason = await c.finance!.post(`/api/evaluations/${err}/actions/unpublish`, { version: vp });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].field).toBe('opinion');
    expect((await c.dept1!.post(`/api/evaluations/${err}/actions/unpublish`, { version: vp, opinion: 'x' })).status).toBe(403);
    const w = await c.finance!.post(`/api/evaluations/${err}/actions/unpublish`, { version: vp, opinion: '总分有误，更正后重新公开' });
    expect(w.body.status).toBe('finance_approved');
    const gone = await c.anonymous!.get(`/api/public/reports/${err}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.message).toContain('总分有误，更正后重新公开');
    const history = (await c.anonymous!.get(`/api/public/reports/${err}/history`)).body;
    expect(history.status).toBe('withdrawn');
    expect(history.history.map((h: { event: string; reason: string | null }) => [h.event, h.reason])).toEqual([
      ['published', null],
      ['withdrawn', '总分有误，更正后重新公开'],
    ]);
    expect(JSON.stringify(history)).not.toContain('finance');
    expect((await c.anonymous!.get(`/api/public/reports/${ids.B[0]}/history`)).status).toBe(404);
    expect(await events('evaluation.unpublished')).toBe(1);
  });

  it('a backup carries the evidence files byte for byte', async () => {
    const text = serialiseBackup(await backupDatabase(t.ctx.db, { source: kind, now: new Date() }));
    const target = await createTestDatabase(kind);
    try {
      await restoreDatabase(target.database.db, text);
      const a = await t.ctx.db.selectFrom('rectification_evidence').select(['id', 'sha256', 'content']).orderBy('id').execute();
      const b = await target.database.db.selectFrom('rectification_evidence').select(['id', 'sha256', 'content']).orderBy('id').execute();
      expect(a.length).toBeGreaterThan(0);
      expect(b.map((x) => [x.id, x.sha256, Buffer.from(x.content).toString('hex')])).toEqual(a.map((x) => [x.id, x.sha256, Buffer.from(x.content).toString('hex')]));
    } finally {
      await target.close();
    }
  });
});
