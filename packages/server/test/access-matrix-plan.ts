/**
 * The annual-cycle endpoints' rows of the access matrix (test/access-matrix.test.ts spreads them
 * into its table): annual tasks, targets and their adjustments, 生成自评, monitoring returns and
 * the report outline. Setups use one task (2031, every month open for monitoring) and one target
 * per unit, put straight into the state each row needs.
 */
import { sql } from 'kysely';
import type { TestDatabase } from './databases.js';
import type { Client } from './fixtures.js';
import type { MatrixEndpoint } from './access-matrix-projects.js';
import { chinaDate } from '../src/plan/calendar.js';
import { repositories } from '../src/repositories/index.js';
import { fileTargets } from '../src/use-cases/file-targets.js';
import { openAnnualTask } from '../src/use-cases/open-annual-task.js';
import { createMonitoringReturn } from '../src/use-cases/save-monitoring-return.js';
import type { Actor } from '../src/workflow/access.js';

const YEAR = 2031;
const SEE_UNIT = ['fillerA@A', 'headA@A', 'dept1@A', 'dept1@B', 'finance@*', 'admin@*'];
const SIGNED_IN = ['fillerA@*', 'headA@*', 'dept1@*', 'finance@*', 'admin@*'];
const UNIT_A = ['fillerA@A', 'headA@A'];
const day = (offset: number) => chinaDate(new Date(Date.now() + offset * 86_400_000));
const TREE = {
  goal: '矩阵目标',
  indicators: [{ name: '产出指标', weight: '50', children: [{ name: '数量指标', weight: '50', children: [{ id: 'k1', name: '开展培训次数', sign: '>=', value: '10', unitOfMeasure: '次', weight: '50' }] }] }],
};

const LOWERED = structuredClone(TREE);
LOWERED.indicators[0]!.children[0]!.children[0]!.value = '9';

async function actorOf(t: TestDatabase, where: { role: string; unit_id?: number; department_id?: number }): Promise<Actor> {
  let q = t.ctx.db.selectFrom('users').select('id').where('role', '=', where.role as never);
  if (where.unit_id !== undefined) q = q.where('unit_id', '=', where.unit_id);
  if (where.department_id !== undefined) q = q.where('department_id', '=', where.department_id);
  const id = (await q.executeTakeFirstOrThrow()).id;
  return (await repositories(t.ctx.db).users.findActor(id))!;
}

/** The matrix's annual task, open again (its id and current version). */
async function task(t: TestDatabase): Promise<{ id: number; version: number }> {
  const r = repositories(t.ctx.db);
  const finance = await actorOf(t, { role: 'finance_reviewer' });
  let row = await r.tasks.findForBureauYear(finance.bureauId!, YEAR);
  if (!row) {
    const monitoringPeriods = Array.from({ length: 12 }, (_, i) => ({ endMonth: i + 1, opensOn: day(-5), dueOn: day(5) }));
    row = await openAnnualTask(t.ctx, finance, { fiscalYear: YEAR, kinds: ['department'], opensOn: day(-5), dueOn: day(30), monitoringPeriods });
  }
  if (row.status !== 'open') await t.ctx.db.updateTable('annual_tasks').set({ status: 'open' }).where('id', '=', row.id).execute();
  return { id: row.id, version: row.version };
}

/** The unit's matrix target, put into `state` (open adjustments closed, generated evaluations unlinked). */
async function target(t: TestDatabase, unitId: number, state: string): Promise<{ id: number; version: number }> {
  await task(t);
  const r = repositories(t.ctx.db);
  const row = await r.targets.findExisting({ unitId, fiscalYear: YEAR, kind: 'department', projectId: null });
  const id = row?.id ?? (await fileTargets(t.ctx, await actorOf(t, { role: 'unit_filler', unit_id: unitId }), { unitId, fiscalYear: YEAR, kind: 'department', tree: TREE })).id;
  if (state === 'approved' && !(await r.targets.findVersion(id, 1))) {
    const finance = await actorOf(t, { role: 'finance_reviewer' });
    await r.targets.insertVersion({ targetId: id, versionNo: 1, tree: TREE, kind: 'initial', reason: null, approvedBy: finance.id, at: new Date() });
  }
  await t.ctx.db.updateTable('target_adjustments').set({ status: 'returned' }).where('target_id', '=', id).where('status', 'in', ['pending', 'department_approved']).execute();
  await t.ctx.db.updateTable('evaluations').set({ target_id: null, target_version: null }).where('target_id', '=', id).execute();
  const updated = await t.ctx.db
    .updateTable('targets')
    .set({ status: state as never, tree: JSON.stringify(TREE), version: sql`version + 1`, approved_version: state === 'approved' ? 1 : null })
    .where('id', '=', id)
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return updated;
}

/** An adjustment of the unit's approved target in `state`: { id: target, version: adjustment id }. */
async function adjustment(t: TestDatabase, unitId: number, state: 'pending' | 'department_approved') {
  const { id } = await target(t, unitId, 'approved');
  const tree = structuredClone(TREE);
  tree.indicators[0]!.children[0]!.children[0]!.value = '8';
  const a = await repositories(t.ctx.db).targets.insertAdjustment({ targetId: id, reason: '矩阵调整', tree, changes: [], requestedBy: (await actorOf(t, { role: 'unit_filler', unit_id: unitId })).id, at: new Date() });
  await t.ctx.db.updateTable('target_adjustments').set({ status: state }).where('id', '=', a.id).execute();
  return { id, version: a.id };
}

/** The unit's December return (complete rows) in `state`. */
async function monitoring(t: TestDatabase, unitId: number, state: 'draft' | 'submitted'): Promise<{ id: number; version: number }> {
  const { id: targetId } = await target(t, unitId, 'approved');
  const r = repositories(t.ctx.db);
  const existing = await r.monitoring.findByTargetPeriod(targetId, 12);
  const data = { periodEndMonth: 12, budget: { adjusted: '100', executedToDate: '95' }, entries: [{ indicatorId: 'k1', name: '开展培训次数', valueToDate: '10次', forecast: '10次', willMeet: true }] };
  const mid = existing?.id ?? (await createMonitoringReturn(t.ctx, await actorOf(t, { role: 'unit_filler', unit_id: unitId }), targetId, data)).id;
  return t.ctx.db.updateTable('monitoring_returns').set({ status: state, data: JSON.stringify(data), version: sql`version + 1` }).where('id', '=', mid).returning(['id', 'version']).executeTakeFirstOrThrow();
}

/** The unit's approved target and a month it has no return for yet: { id: target, version: month }. */
async function freeMonth(t: TestDatabase, unitId: number) {
  const { id } = await target(t, unitId, 'approved');
  const used = new Set((await repositories(t.ctx.db).monitoring.list({ kind: 'all' }, { targetId: id })).map((m) => m.period_end_month));
  const month = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].find((m) => !used.has(m));
  if (month === undefined) throw new Error('matrix ran out of monitoring periods');
  return { id, version: month };
}

let taskYear = 2040;
let fileYear = 2060;

const includes = async (c: Client, path: string, id: number | null) => {
  const r = await c.get(path);
  if (r.status !== 200) return r;
  return { status: (r.body as { id: number }[]).some((x) => x.id === id) ? 200 : 404, body: r.body };
};

export const PLAN_ENDPOINTS: MatrixEndpoint[] = [
  { name: 'GET tasks', state: null, scoped: false, allowed: SIGNED_IN, setup: (t) => task(t), call: (c) => c.get('/api/tasks') },
  { name: 'GET current task', state: null, scoped: false, allowed: SIGNED_IN, call: (c) => c.get('/api/tasks/current') },
  { name: 'open an annual task', state: null, scoped: false, allowed: ['finance@*'], call: (c) => c.post('/api/tasks', { fiscalYear: taskYear++, kinds: ['department'], opensOn: day(-1), dueOn: day(60) }) },
  { name: 'PUT annual task', state: null, scoped: false, allowed: ['finance@*'], setup: (t) => task(t), call: (c, x) => c.put(`/api/tasks/${x.id}`, { version: x.version, kinds: ['department'], opensOn: day(-5), dueOn: day(30), monitoringPeriods: Array.from({ length: 12 }, (_, i) => ({ endMonth: i + 1, opensOn: day(-5), dueOn: day(5) })) }) },
  { name: 'close annual task', state: null, scoped: false, allowed: ['finance@*'], setup: (t) => task(t), call: (c, x) => c.post(`/api/tasks/${x.id}/actions/close`, { version: x.version }) },
  { name: 'GET task progress', state: null, scoped: false, allowed: ['dept1@*', 'finance@*', 'admin@*'], setup: (t) => task(t), call: (c, x) => c.get(`/api/tasks/${x.id}/progress`) },
  { name: '催报 a unit', state: null, scoped: false, allowed: ['finance@*'], setup: (t) => task(t), call: (c, x) => c.post(`/api/tasks/${x.id}/reminders`, { unitIds: [x.unitId] }) },
  { name: 'unlock a unit', state: null, scoped: false, allowed: ['finance@*'], setup: (t) => task(t), call: (c, x) => c.post(`/api/tasks/${x.id}/unlocks`, { unitId: x.unitId, reason: '矩阵解锁' }) },
  { name: 'GET targets list includes it', state: null, scoped: true, allowed: SEE_UNIT, setup: (t, u) => target(t, u, 'draft'), call: (c, x) => includes(c, `/api/targets?year=${YEAR}&unitId=${x.unitId}`, x.id) },
  { name: 'GET target', state: null, scoped: true, allowed: SEE_UNIT, setup: (t, u) => target(t, u, 'draft'), call: (c, x) => c.get(`/api/targets/${x.id}`) },
  { name: 'file targets', state: null, scoped: false, allowed: UNIT_A, call: (c, x) => c.post('/api/targets', { unitId: x.unitId, fiscalYear: fileYear++, kind: 'department', tree: TREE }) },
  { name: 'PUT draft targets', state: null, scoped: true, allowed: UNIT_A, setup: (t, u) => target(t, u, 'draft'), call: (c, x) => c.put(`/api/targets/${x.id}`, { version: x.version, name: '改名' }) },
  { name: 'submit targets', state: null, scoped: true, allowed: ['headA@A'], setup: (t, u) => target(t, u, 'draft'), call: (c, x) => c.post(`/api/targets/${x.id}/actions/submit`, { version: x.version }) },
  { name: 'department approves targets', state: null, scoped: true, allowed: ['dept1@A', 'dept1@B'], setup: (t, u) => target(t, u, 'submitted'), call: (c, x) => c.post(`/api/targets/${x.id}/actions/approve`, { version: x.version }) },
  { name: 'finance approves targets', state: null, scoped: true, allowed: ['finance@*'], setup: (t, u) => target(t, u, 'department_approved'), call: (c, x) => c.post(`/api/targets/${x.id}/actions/approve`, { version: x.version }) },
  { name: 'finance returns targets', state: null, scoped: true, allowed: ['finance@*'], setup: (t, u) => target(t, u, 'department_approved'), call: (c, x) => c.post(`/api/targets/${x.id}/actions/return`, { version: x.version, opinion: '请修改' }) },
  { name: 'request a target adjustment', state: null, scoped: true, allowed: UNIT_A, setup: (t, u) => target(t, u, 'approved'), call: (c, x) => c.post(`/api/targets/${x.id}/adjustments`, { reason: '调整', tree: LOWERED }) },
  { name: 'department approves an adjustment', state: null, scoped: true, allowed: ['dept1@A', 'dept1@B'], setup: (t, u) => adjustment(t, u, 'pending'), call: (c, x) => c.post(`/api/targets/${x.id}/adjustments/${x.version}/actions/approve`, {}) },
  { name: 'finance approves an adjustment', state: null, scoped: true, allowed: ['finance@*'], setup: (t, u) => adjustment(t, u, 'department_approved'), call: (c, x) => c.post(`/api/targets/${x.id}/adjustments/${x.version}/actions/approve`, {}) },
  { name: '生成自评 from targets', state: null, scoped: true, allowed: UNIT_A, setup: (t, u) => target(t, u, 'approved'), call: (c, x) => c.post(`/api/targets/${x.id}/evaluation`, {}) },
  { name: 'create a monitoring return', state: null, scoped: true, allowed: UNIT_A, setup: (t, u) => freeMonth(t, u), call: (c, x) => c.post(`/api/targets/${x.id}/monitoring`, { periodEndMonth: x.version, entries: [] }) },
  { name: 'GET monitoring blank (.xlsx)', state: null, scoped: true, allowed: SEE_UNIT, setup: (t, u) => target(t, u, 'approved'), call: (c, x) => c.get(`/api/targets/${x.id}/monitoring/template?periodEndMonth=7`) },
  { name: 'GET monitoring return', state: null, scoped: true, allowed: SEE_UNIT, setup: (t, u) => monitoring(t, u, 'draft'), call: (c, x) => c.get(`/api/monitoring/${x.id}`) },
  { name: 'PUT monitoring return', state: null, scoped: true, allowed: UNIT_A, setup: (t, u) => monitoring(t, u, 'draft'), call: (c, x) => c.put(`/api/monitoring/${x.id}`, { version: x.version, data: { entries: [] } }) },
  { name: 'submit monitoring return', state: null, scoped: true, allowed: ['headA@A'], setup: (t, u) => monitoring(t, u, 'draft'), call: (c, x) => c.post(`/api/monitoring/${x.id}/actions/submit`, { version: x.version }) },
  { name: 'finance reviews monitoring return', state: null, scoped: true, allowed: ['finance@*'], setup: (t, u) => monitoring(t, u, 'submitted'), call: (c, x) => c.post(`/api/monitoring/${x.id}/actions/approve`, { version: x.version }) },
  { name: 'GET a task', state: null, scoped: false, allowed: SIGNED_IN, setup: (t) => task(t), call: (c, x) => c.get(`/api/tasks/${x.id}`) },
  { name: 'GET reminders', state: null, scoped: false, allowed: SIGNED_IN, setup: (t) => task(t), call: (c, x) => c.get(`/api/tasks/${x.id}/reminders`) },
  { name: 'GET monitoring list includes it', state: null, scoped: true, allowed: SEE_UNIT, setup: (t, u) => monitoring(t, u, 'draft'), call: (c, x) => includes(c, `/api/monitoring?year=${YEAR}&unitId=${x.unitId}`, x.id) },
  { name: 'GET report outline', state: 'draft', scoped: true, allowed: SEE_UNIT, call: (c, x) => c.get(`/api/evaluations/${x.id}/report`) },
];

