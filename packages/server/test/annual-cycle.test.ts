/**
 * The year before the self-evaluation over HTTP, on PGlite and on PostgreSQL: the finance
 * bureau opens the annual task; unit A files targets (bad trees refused, nothing written), the
 * department and finance approve; one adjustment; a July monitoring return (closed periods and
 * bad rows refused; imported from .xlsx) with one red light, submitted and reviewed; 生成自评
 * from the approved version, whose targets then cannot change; the lock after the due date and
 * the finance bureau's unlock; 催报; the progress board; every step in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../src/plan/calendar.js';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, loginAll, makeApp, type Org } from './fixtures.js';
import { repositories } from '../src/repositories/index.js';

const day = (offset: number) => chinaDate(new Date(Date.now() + offset * 86_400_000));

const leaf = (id: string, name: string, sign: string, value: string, unitOfMeasure: string | null, weight: string) => ({ id, name, sign, value, unitOfMeasure, weight });
const TREE = {
  goal: '完成年度培训任务，提升基层服务能力。',
  indicators: [
    {
      name: '产出指标',
      weight: '50',
      children: [
        { name: '数量指标', weight: '20', children: [leaf('q1', '培训人次', '>=', '1000', '人次', '20')] },
        { name: '质量指标', weight: '10', children: [leaf('q2', '培训考核合格率', '>=', '95', '%', '10')] },
        { name: '时效指标', weight: '10', children: [leaf('q3', '培训完成时间', '<=', '11', '月', '10')] },
        { name: '成本指标', weight: '10', children: [leaf('q4', '人均培训成本', '<=', '800', '元', '10')] },
      ],
    },
    { name: '效益指标', weight: '30', children: [{ name: '社会效益指标', weight: '30', children: [leaf('e1', '持证上岗率', '>=', '90', '%', '30')] }] },
    { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', weight: '10', children: [leaf('s1', '参训人员满意度', '>=', '90', '%', '10')] }] },
  ],
};

describe.each(DATABASE_KINDS)('the year before the self-evaluation on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let c: Record<string, Client>;
  let taskId: number;
  let targetId: number;
  let evaluationId: number;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    c = await loginAll(makeApp(t.ctx));
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: 'annual_tasks' | 'targets' | 'monitoring_returns' | 'target_adjustments') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const task = () => ({
    fiscalYear: 2025,
    kinds: ['department', 'project'],
    opensOn: day(-10),
    dueOn: day(30),
    profile: 'national',
    template: 'national',
    notice: '请各单位按时完成 2025 年度绩效自评。',
    monitoringPeriods: [
      { endMonth: 3, opensOn: day(-60), dueOn: day(-40) },
      { endMonth: 7, opensOn: day(-5), dueOn: day(5) },
      { endMonth: 10, opensOn: day(-5), dueOn: day(5) },
    ],
  });

  it('finance opens the 2025 task; a due date before the opening date is refused naming the field, nothing written', async () => {
    let res = await c.finance!.post('/api/tasks', { ...task(), dueOn: day(-20) });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('TASK_INVALID');
    expect(res.body.error.issues).toEqual([expect.objectContaining({ field: 'dueOn', label: '报送截止日期' })]);
    expect(await count('annual_tasks')).toBe(0);
    expect((await c.fillerA!.post('/api/tasks', task())).status).toBe(403);
    res = await c.finance!.post('/api/tasks', task());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    taskId = res.body.id;
    expect((await c.finance!.post('/api/tasks', task())).body.error.code).toBe('INVALID_STATE');
    const current = await c.fillerA!.get('/api/tasks/current');
    expect(current.body.task).toMatchObject({ fiscalYear: 2025, dueOn: day(30), notice: task().notice });
    expect(current.body.unit).toMatchObject({ inScope: true, locked: false, reminders: [] });
  });

  it('unit A files targets: no value and weights over 100 are refused naming the field, nothing written', async () => {
    const bad = structuredClone(TREE);
    bad.indicators[0]!.children[0]!.children[0]!.value = '';
    let res = await c.fillerA!.post('/api/targets', { fiscalYear: 2025, kind: 'department', tree: bad });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('TARGETS_INVALID');
    expect(res.body.error.issues[0]).toMatchObject({ field: 'indicators.0.children.0.children.0.value', label: '三级指标指标值' });
    const heavy = structuredClone(TREE);
    heavy.indicators[1]!.weight = '60';
    res = await c.fillerA!.post('/api/targets', { fiscalYear: 2025, kind: 'department', tree: heavy });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.some((i: { field: string; message: string }) => i.field === 'indicators' && i.message.includes('超过满分 100'))).toBe(true);
    expect(await count('targets')).toBe(0);
    res = await c.fillerA!.post('/api/targets', { fiscalYear: 2025, kind: 'department', tree: TREE });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    targetId = res.body.id;
    expect(res.body.checklist.filter((x: { passed: boolean }) => !x.passed)).toEqual([]);
    expect(res.body.canEdit).toBe(true);
  });

  it('the unit head files, the department and finance approve: version 1 kept, edits then refused', async () => {
    expect((await c.fillerA!.post(`/api/targets/${targetId}/actions/submit`, { version: 1 })).status).toBe(403);
    let res = await c.headA!.post(`/api/targets/${targetId}/actions/submit`, { version: 1 });
    expect(res.body.status).toBe('submitted');
    res = await c.finance!.post(`/api/targets/${targetId}/actions/approve`, { version: 2 });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/主管部门审核人/);
    expect((await c.dept1!.post(`/api/targets/${targetId}/actions/return`, { version: 2 })).body.error.issues[0].field).toBe('opinion');
    res = await c.dept1!.post(`/api/targets/${targetId}/actions/approve`, { version: 2, opinion: '同意' });
    expect(res.body.status).toBe('department_approved');
    res = await c.finance!.post(`/api/targets/${targetId}/actions/approve`, { version: 3 });
    expect(res.body).toMatchObject({ status: 'approved', approvedVersion: 1, versions: [{ versionNo: 1, kind: 'initial' }], canGenerate: false });
    expect((await c.fillerA!.get(`/api/targets/${targetId}`)).body.canGenerate).toBe(true);
    res = await c.fillerA!.put(`/api/targets/${targetId}`, { version: 4, tree: TREE });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/目标调整/);
  });

  it('one adjustment with a reason, approved by the department and finance, keeps both versions', async () => {
    const lowered = structuredClone(TREE);
    lowered.indicators[0]!.children[0]!.children[0]!.value = '900';
    expect((await c.fillerA!.post(`/api/targets/${targetId}/adjustments`, { reason: '', tree: lowered })).body.error.issues[0].field).toBe('reason');
    let res = await c.headA!.post(`/api/targets/${targetId}/adjustments`, { reason: '年中下达的培训场地改造任务占用两个月', tree: lowered });
    expect(res.status).toBe(201);
    const adj = res.body.adjustments[0];
    expect(adj.changes).toEqual([expect.objectContaining({ id: 'q1', field: 'target', from: '≥1000人次', to: '≥900人次' })]);
    expect((await c.finance!.post(`/api/targets/${targetId}/adjustments/${adj.id}/actions/approve`, {})).status).toBe(403);
    await c.dept1!.post(`/api/targets/${targetId}/adjustments/${adj.id}/actions/approve`, {});
    res = await c.finance!.post(`/api/targets/${targetId}/adjustments/${adj.id}/actions/approve`, { opinion: '同意调整' });
    expect(res.body.approvedVersion).toBe(2);
    expect(res.body.versions.map((v: { versionNo: number; kind: string; reason: string | null }) => [v.versionNo, v.kind, v.reason])).toEqual([
      [1, 'initial', null],
      [2, 'adjustment', '年中下达的培训场地改造任务占用两个月'],
    ]);
    expect(res.body.tree.indicators[0].children[0].children[0].value).toBe('900');
  });

  it('July monitoring: a closed period and a "will not be met" row without a reason are refused, nothing written', async () => {
    const entries = [{ indicatorId: 'q1', name: '培训人次', willMeet: false }];
    let res = await c.fillerA!.post(`/api/targets/${targetId}/monitoring`, { periodEndMonth: 3, entries: [] });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'PERIOD_CLOSED', issues: [expect.objectContaining({ field: 'periodEndMonth' })] });
    res = await c.fillerA!.post(`/api/targets/${targetId}/monitoring`, { periodEndMonth: 7, entries });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: { field: string }) => i.field)).toEqual(['entries.0.reason', 'entries.0.action']);
    expect(await count('monitoring_returns')).toBe(0);
  });

  it('imports the July return from the downloaded .xlsx, shows one red light, submits; finance reviews', async () => {
    const blank = await c.fillerA!.request('GET', `/api/targets/${targetId}/monitoring/template?periodEndMonth=7`);
    expect(blank.status).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const bytes = (await c.fillerA!.app.request(`/api/targets/${targetId}/monitoring/template`, { headers: { cookie: c.fillerA!.cookie! } })).arrayBuffer();
    await wb.xlsx.load(await bytes);
    const ws = wb.worksheets[0]!;
    ws.getCell('B2').value = '120';
    ws.getCell('D2').value = '66';
    ws.eachRow((row) => {
      const id = String(row.getCell(1).value ?? '');
      if (!/^[a-z]\d$/.test(id)) return;
      row.getCell(6).value = id === 'q1' ? '480人次' : '进展正常';
      row.getCell(7).value = id === 'q1' ? '860人次' : '';
      row.getCell(8).value = id === 'q1' ? '否' : '是';
      if (id === 'q1') {
        row.getCell(9).value = '上半年场地改造';
        row.getCell(10).value = '下半年增开线上班次';
      }
    });
    const form = new FormData();
    form.append('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], '运行监控表.xlsx'));
    form.append('periodEndMonth', '7');
    let res = await c.fillerA!.request('POST', `/api/targets/${targetId}/monitoring/import`, form);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', periodEndMonth: 7, redCount: 1, assessment: { budgetLight: 'green', redCount: 1 } });
    expect(res.body.assessment.entries.find((e: { indicatorId: string }) => e.indicatorId === 'q1').light).toBe('red');
    const id = res.body.id;
    res = await c.headA!.post(`/api/monitoring/${id}/actions/submit`, { version: res.body.version });
    expect(res.body.status, JSON.stringify(res.body)).toBe('submitted');
    expect((await c.fillerA!.put(`/api/monitoring/${id}`, { version: res.body.version, data: {} })).status).toBe(409);
    res = await c.finance!.post(`/api/monitoring/${id}/actions/approve`, { version: res.body.version, opinion: '请落实纠偏措施' });
    expect(res.body.status).toBe('reviewed');
  });

  it('生成自评 from the approved version: its names, targets and weights cannot change', async () => {
    let res = await c.fillerA!.post(`/api/targets/${targetId}/evaluation`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    evaluationId = res.body.evaluationId;
    expect((await c.fillerA!.post(`/api/targets/${targetId}/evaluation`, {})).status).toBe(409);
    const detail = (await c.fillerA!.get(`/api/evaluations/${evaluationId}`)).body;
    expect(detail.targets).toMatchObject({ id: targetId, version: 2, leafIds: ['q1', 'q2', 'q3', 'q4', 'e1', 's1'] });
    const q1 = detail.evaluation.indicators[0].children[0].children[0];
    expect(q1).toMatchObject({ id: 'q1', target: '≥900人次', initialTarget: '≥1000人次', weight: '20' });
    const ev = structuredClone(detail.evaluation);
    ev.indicators[0].children[0].children[0].target = '≥800人次';
    res = await c.fillerA!.put(`/api/evaluations/${evaluationId}`, { version: detail.version, evaluation: ev });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'APPROVED_TARGET_LOCKED', issues: [expect.objectContaining({ field: 'indicators.0.children.0.children.0.target' })] });
    const ok = structuredClone(detail.evaluation);
    ok.indicators[0].children[0].children[0].actual = '850人次'; // reported as "will not be met" in July: no monitoring finding
    ok.indicators[0].children[1].children[0].actual = '80%'; // reported as "will be met", unmet, no reason
    res = await c.fillerA!.put(`/api/evaluations/${evaluationId}`, { version: detail.version, evaluation: ok });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rules = res.body.audit.findings.map((f: { rule: string; location: { path: string } }) => `${f.rule} ${f.location.path}`);
    expect(rules).toContain('monitoring-matches-year-end indicators.0.children.1.children.0.deviationReason');
    expect(rules.filter((r: string) => r.startsWith('approved-targets-kept'))).toEqual([]);
  });

  it('an October return submitted after the year-end draft moves its stored warnings without a save; returned, they move back', async () => {
    // the list's stored counts against the detail's live audit, and whether the July-based finding is there
    const look = async () => {
      const row = (await c.finance!.get('/api/evaluations?year=2025')).body.items.find((e: { id: number }) => e.id === evaluationId);
      const detail = (await c.finance!.get(`/api/evaluations/${evaluationId}`)).body;
      const q2 = detail.audit.findings.some((f: { rule: string; location: { path: string } }) => f.rule === 'monitoring-matches-year-end' && f.location.path === 'indicators.0.children.1.children.0.deviationReason');
      return { stored: row.warnings, live: detail.audit.counts.warning, q2, version: detail.version };
    };
    const before = await look();
    expect(before).toMatchObject({ stored: before.live, q2: true });
    // as in July, and now the pass rate too is reported as not to be met
    const late: Record<string, object> = {
      q1: { name: '培训人次', valueToDate: '700人次', forecast: '860人次', willMeet: false, reason: '上半年场地改造', action: '增开线上班次' },
      q2: { name: '培训考核合格率', valueToDate: '78%', forecast: '80%', willMeet: false, reason: '考核标准提高', action: '加强考前辅导' },
    };
    const entries = ['q1', 'q2', 'q3', 'q4', 'e1', 's1'].map((indicatorId) => ({ indicatorId, name: indicatorId, valueToDate: '进展正常', willMeet: true, ...late[indicatorId] }));
    let res = await c.fillerA!.post(`/api/targets/${targetId}/monitoring`, { periodEndMonth: 10, budget: { adjusted: '120', executedToDate: '100' }, entries });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await look()).stored).toBe(before.stored); // a draft is not what the year end is checked against
    res = await c.headA!.post(`/api/monitoring/${res.body.id}/actions/submit`, { version: res.body.version });
    expect(res.body.status, JSON.stringify(res.body)).toBe('submitted');
    const after = await look();
    expect(after).toMatchObject({ stored: before.stored - 1, live: before.live - 1, q2: false, version: before.version });
    res = await c.finance!.post(`/api/monitoring/${res.body.id}/actions/return`, { version: res.body.version, opinion: '预计数与执行进度不符，请核实' });
    expect(res.body.status, JSON.stringify(res.body)).toBe('returned');
    expect(await look()).toEqual(before);
  });

  it('after the due date the unit is locked until finance unlocks it with a reason; reminders reach the unit', async () => {
    const cur = (await c.finance!.get(`/api/tasks/${taskId}`)).body;
    let res = await c.finance!.put(`/api/tasks/${taskId}`, { ...task(), dueOn: day(-1), opensOn: day(-10), version: cur.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const detail = (await c.fillerA!.get(`/api/evaluations/${evaluationId}`)).body;
    res = await c.fillerA!.put(`/api/evaluations/${evaluationId}`, { version: detail.version, evaluation: detail.evaluation });
    expect(res.status).toBe(423);
    expect(res.body.error.code).toBe('DEADLINE_PASSED');
    expect((await c.fillerA!.get('/api/tasks/current')).body.unit.locked).toBe(true);
    let board = (await c.finance!.get(`/api/tasks/${taskId}/progress`)).body;
    expect(board.byUnit.find((u: { unitId: number }) => u.unitId === org.unitA)).toMatchObject({ expected: 1, submitted: 0, overdue: 1, stateLabel: '逾期', locked: true });
    expect((await c.finance!.post(`/api/tasks/${taskId}/unlocks`, { unitId: org.unitA, reason: '' })).body.error.issues[0].field).toBe('reason');
    res = await c.finance!.post(`/api/tasks/${taskId}/unlocks`, { unitId: org.unitA, reason: '单位负责人出差，延期三天', untilOn: day(3) });
    expect(res.status).toBe(201);
    res = await c.finance!.post(`/api/tasks/${taskId}/reminders`, { unitIds: [org.unitA, org.unitB] });
    expect(res.status).toBe(201);
    expect((await c.fillerA!.get('/api/tasks/current')).body.unit).toMatchObject({ locked: false, unlock: { reason: '单位负责人出差，延期三天' }, reminders: [expect.objectContaining({ message: expect.stringContaining('2025 年度') })] });
    const explained = structuredClone(detail.evaluation);
    explained.indicators[0].children[0].children[0].deviationReason = '上半年场地改造，已增开线上班次';
    explained.indicators[0].children[1].children[0].deviationReason = '考核标准提高，合格率下降；下年度加强辅导';
    explained.totals.statedScore = detail.score.computedTotal; // a table without its stated total cannot be submitted
    res = await c.fillerA!.put(`/api/evaluations/${evaluationId}`, { version: detail.version, evaluation: explained });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    res = await c.headA!.post(`/api/evaluations/${evaluationId}/actions/submit`, { version: res.body.version });
    expect(res.body.status).toBe('submitted');
    board = (await c.finance!.get(`/api/tasks/${taskId}/progress`)).body;
    expect(board.byUnit.find((u: { unitId: number }) => u.unitId === org.unitA)).toMatchObject({ submitted: 1, stateLabel: '已报' });
    expect(board.byDepartment.find((d: { departmentId: number }) => d.departmentId === org.dept1)).toMatchObject({ units: 2, expected: 2, submitted: 1, overdue: 1 });
    expect(board.remind.map((u: { unitId: number }) => u.unitId)).toEqual([org.unitB, org.unitC]);
    expect((await c.dept1!.get(`/api/tasks/${taskId}/progress`)).body.byUnit.map((u: { unitId: number }) => u.unitId)).toEqual([org.unitA, org.unitB]);
    expect((await c.fillerA!.get(`/api/tasks/${taskId}/progress`)).status).toBe(403);
  });

  it('the report lists its placeholders and is not exported while it has any', async () => {
    const report = (await c.fillerA!.get(`/api/evaluations/${evaluationId}/report`)).body;
    expect(report.template.id).toBe('national');
    expect(report.placeholders.map((p: { label: string }) => p.label)).toEqual(expect.arrayContaining(['存在的问题及原因', '评价工作组人员名单']));
    const unit = report.chapters.flatMap((ch: { blocks: { kind: string }[] }) => ch.blocks).filter((b: { kind: string }) => b.kind === 'unit');
    expect(unit.every((b: { guidance: string }) => /[\u4e00-\u9fff]/.test(b.guidance))).toBe(true);
    const res = await c.fillerA!.get(`/api/evaluations/${evaluationId}/export?format=docx`);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('REPORT_HAS_PLACEHOLDERS');
    expect(res.body.error.issues.length).toBe(report.placeholders.length);
  });

  it('a project’s targets: filed for a project of the unit, approved, and its 自评表 generated linked to the project', async () => {
    const r = repositories(t.ctx.db);
    const regionId = (await r.projects.regionOf({ kind: 'unit', id: org.unitB }))!;
    const p = await r.projects.insert({ region_id: regionId, fiscal_year: 2025, code: 'XM-2025-01', name: '基层培训项目', unit_id: org.unitB, kind: 'project', category: null, issuing_department: null, manager: null, phone: null, initial_budget: '80', adjusted_budget: '80', sources: '[]', status: 'active', version: 1, import_id: null, created_by: null });
    expect((await c.fillerB!.post('/api/targets', { fiscalYear: 2025, kind: 'project', projectId: 999999, tree: TREE })).body.error.issues[0].field).toBe('projectId');
    expect((await c.fillerA!.post('/api/targets', { unitId: org.unitA, fiscalYear: 2025, kind: 'project', projectId: p.id, tree: TREE })).status).toBe(400);
    let res = await c.fillerB!.post('/api/targets', { fiscalYear: 2025, kind: 'project', projectId: p.id, tree: TREE });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'project', projectId: p.id, projectCode: 'XM-2025-01', name: '基层培训项目 绩效目标' });
    const id = res.body.id;
    await c.headB!.post(`/api/targets/${id}/actions/submit`, { version: 1 });
    await c.dept1!.post(`/api/targets/${id}/actions/approve`, { version: 2 });
    expect((await c.finance!.post(`/api/targets/${id}/actions/approve`, { version: 3 })).body.status).toBe('approved');
    // the due date has passed (previous test): unit B is locked until the finance bureau unlocks it
    expect((await c.fillerB!.post(`/api/targets/${id}/evaluation`, {})).status).toBe(423);
    await c.finance!.post(`/api/tasks/${taskId}/unlocks`, { unitId: org.unitB, reason: '项目清单补报' });
    res = await c.fillerB!.post(`/api/targets/${id}/evaluation`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const ev = (await c.fillerB!.get(`/api/evaluations/${res.body.evaluationId}`)).body;
    expect(ev).toMatchObject({ kind: 'project', projectId: p.id, targets: { id, version: 1 } });
    expect(ev.evaluation.project).toMatchObject({ name: '基层培训项目', code: 'XM-2025-01' });
  });

  it('every step is in the audit log', async () => {
    const actions = (await t.ctx.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);
    for (const a of [
      'task.opened',
      'task.updated',
      'task.unit_unlocked',
      'task.reminded',
      'target.created',
      'target.submitted',
      'target.department_approved',
      'target.approved',
      'target.adjustment_requested',
      'target.adjustment_department_approved',
      'target.adjustment_approved',
      'monitoring.imported',
      'monitoring.submitted',
      'monitoring.reviewed',
      'evaluation.generated_from_targets',
    ]) {
      expect(actions, a).toContain(a);
    }
  });
});
