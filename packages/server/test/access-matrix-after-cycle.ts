/**
 * The after-the-self-evaluation rows of the access matrix (test/access-matrix.test.ts spreads
 * them into its table): sample items and the third-party reviewer's re-score, 自评质量,
 * rectification actions and evidence, 结果应用, 撤回公开, and the public portal's department list.
 * Setups put each thing straight into the state its row needs (sample items are inserted
 * directly, so no row depends on another row's draw).
 */
import { parseEvaluation } from '@jixiao/core';
import type { TestDatabase } from './databases.js';
import { sampleEvaluation, type Client, type Org } from './fixtures.js';
import type { MatrixEndpoint } from './access-matrix-projects.js';
import { repositories } from '../src/repositories/index.js';
import { insertEvaluation } from '../src/use-cases/create-evaluation.js';
import type { EvaluationState } from '../src/workflow/state-machine.js';

/** A matrix row, with who sees which unit's thing where it differs from the table's default. */
export type AfterCycleEndpoint = MatrixEndpoint & { sees?: Partial<Record<string, readonly string[]>> };

const SEE_UNIT = ['fillerA@A', 'headA@A', 'dept1@A', 'dept1@B', 'finance@*', 'admin@*'];
const UNIT_A = ['fillerA@A', 'headA@A'];
const ALL_UNITS = ['A', 'B', 'C'] as const;
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n');

async function evaluation(t: TestDatabase, unitId: number, state: EvaluationState) {
  const p = parseEvaluation(sampleEvaluation());
  if (!p.ok) throw p.error;
  return insertEvaluation(t.ctx, null, p.value, unitId, 'u', state);
}

const userId = async (t: TestDatabase, username: string) => (await repositories(t.ctx.db).users.findByUsername(username))!.id;
const actor = async (t: TestDatabase, username: string) => (await repositories(t.ctx.db).users.findActor(await userId(t, username)))!;

/** An evaluation drawn in an active sample, assigned to the matrix's assessor (the item in `status`). */
async function sampledItem(t: TestDatabase, unitId: number, org: Org, status: 'assigned' | 'rescored') {
  const e = await evaluation(t, unitId, 'department_approved');
  const r = repositories(t.ctx.db);
  const assessorId = await userId(t, 'assessor');
  const s = await r.samples.insert({ bureauId: org.bureauId, fiscalYear: 2033, size: 1, seed: `m-${e.id}`, population: [e.id], evaluationIds: [e.id], settings: {}, plan: {}, reason: null, replaces: null, assessorId, drawnBy: await userId(t, 'finance'), at: new Date() });
  await r.samples.insertItems([{ sampleId: s.id, evaluationId: e.id, stratum: '全部', mandatory: null, assessorId }]);
  const item = (await r.samples.listItems({ sampleIds: [s.id] }))[0]!;
  if (status === 'rescored') await r.samples.updateItem(item.id, 1, { status: 'rescored', rescore: { scores: { execution: '9' }, total: '97', grade: '优' } });
  return { itemId: item.id, evaluationId: e.id, version: status === 'rescored' ? 2 : 1 };
}

async function rectification(t: TestDatabase, unitId: number, reported: boolean) {
  const e = await evaluation(t, unitId, 'finance_approved');
  const r = repositories(t.ctx.db);
  const row = await r.rectifications.insert({ unitId, evaluationId: e.id, monitoringReturnId: null, source: 'finance_evaluation', rule: null, findings: [], description: '矩阵整改', dueDate: '2099-12-31', createdBy: await userId(t, 'finance'), at: new Date() });
  if (!reported) return { id: row.id, version: row.version };
  const u = await r.rectifications.update(row.id, 1, { status: 'reported', report: '已整改', reported_at: new Date(), updated_at: new Date() });
  return { id: row.id, version: u!.version };
}

const upload = (bytes: Uint8Array) => {
  const f = new FormData();
  f.append('file', new File([bytes as Uint8Array<ArrayBuffer>], '佐证.pdf'));
  return f;
};

export const AFTER_CYCLE_ENDPOINTS: AfterCycleEndpoint[] = [
  { name: 'GET the bureau’s third-party reviewers', state: null, scoped: false, allowed: ['finance@*'], call: (c) => c.get('/api/assessors') },
  { name: 'GET sample items (mine / the bureau’s)', state: null, scoped: false, allowed: ['finance@*', 'admin@*', 'assessor@*'], call: (c) => c.get('/api/sample-items') },
  {
    name: 'assessor reads an evaluation sampled to it',
    state: null,
    scoped: true,
    sees: { assessor: ALL_UNITS },
    setup: async (t, unitId, org) => {
      const s = await sampledItem(t, unitId, org, 'assigned');
      return { id: s.evaluationId, version: 1 };
    },
    allowed: [...SEE_UNIT, 'assessor@*'],
    call: (c, x) => c.get(`/api/evaluations/${x.id}`),
  },
  {
    name: 'assessor re-scores an item sampled to it',
    state: null,
    scoped: true,
    sees: { assessor: ALL_UNITS },
    setup: async (t, unitId, org) => {
      const s = await sampledItem(t, unitId, org, 'assigned');
      return { id: s.itemId, version: s.version };
    },
    allowed: ['assessor@*'],
    call: (c, x) => c.put(`/api/sample-items/${x.id}/rescore`, { version: x.version, scores: { execution: '9' } }),
  },
  {
    name: 'finance returns a third-party re-score',
    state: null,
    scoped: true,
    sees: { assessor: ALL_UNITS },
    setup: async (t, unitId, org) => {
      const s = await sampledItem(t, unitId, org, 'rescored');
      return { id: s.itemId, version: s.version };
    },
    allowed: ['finance@*'],
    call: (c, x) => c.post(`/api/sample-items/${x.id}/actions/return`, { version: x.version, opinion: '请补充依据' }),
  },
  { name: 'GET 自评质量 parts', state: 'department_approved', scoped: true, allowed: SEE_UNIT, call: (c, x) => c.get(`/api/evaluations/${x.id}/quality`) },
  { name: 'finance confirms / adjusts 自评质量', state: 'department_approved', scoped: true, allowed: ['finance@*'], call: (c, x) => c.put(`/api/evaluations/${x.id}/quality`, { adjustments: [{ part: 'targets', score: '10', reason: '矩阵调整' }] }) },
  { name: 'GET a rectification with its evidence', state: null, scoped: true, setup: (t, unitId) => rectification(t, unitId, false), allowed: SEE_UNIT, call: (c, x) => c.get(`/api/rectifications/${x.id}`) },
  { name: 'the unit adds evidence', state: null, scoped: true, setup: (t, unitId) => rectification(t, unitId, false), allowed: UNIT_A, call: (c, x) => c.request('POST', `/api/rectifications/${x.id}/evidence`, upload(PDF)) },
  { name: 'the unit reports its rectification', state: null, scoped: true, setup: (t, unitId) => rectification(t, unitId, false), allowed: UNIT_A, call: (c, x) => c.post(`/api/rectifications/${x.id}/actions/report`, { version: x.version, text: '已整改完毕' }) },
  { name: 'finance signs off (销号) a rectification', state: null, scoped: true, setup: (t, unitId) => rectification(t, unitId, true), allowed: ['finance@*'], call: (c, x) => c.post(`/api/rectifications/${x.id}/actions/sign_off`, { version: x.version }) },
  { name: 'finance returns a rectification', state: null, scoped: true, setup: (t, unitId) => rectification(t, unitId, true), allowed: ['finance@*'], call: (c, x) => c.post(`/api/rectifications/${x.id}/actions/return`, { version: x.version, opinion: '佐证不足' }) },
  { name: 'GET 结果应用 list', state: null, scoped: false, allowed: ['dept1@*', 'finance@*', 'admin@*'], call: (c) => c.get('/api/result-applications?year=2024') },
  { name: 'export the 结果应用 list (.xlsx)', state: null, scoped: false, allowed: ['dept1@*', 'finance@*', 'admin@*'], call: (c) => c.get('/api/result-applications/export?year=2024') },
  { name: 'finance decides the use of a result', state: 'finance_approved', scoped: true, allowed: ['finance@*'], call: (c, x) => c.post(`/api/result-applications/${x.id}/decision`, { decision: 'priority' }) },
  {
    name: 'the department responds to a decision',
    state: null,
    scoped: true,
    setup: async (t, unitId) => {
      const e = await evaluation(t, unitId, 'finance_approved');
      const row = await repositories(t.ctx.db).resultApplications.insert({ evaluationId: e.id, grade: '优', gradeBasis: 'computed', suggested: 'priority', decision: 'priority', note: null, profile: 'national', by: (await actor(t, 'finance')).id, at: new Date() });
      return { id: e.id, version: row.version };
    },
    allowed: ['dept1@A', 'dept1@B'],
    call: (c, x) => c.post(`/api/result-applications/${x.id}/response`, { version: x.version, response: '下年预算优先安排' }),
  },
  { name: '撤回公开 (unpublish) with a reason', state: 'published', scoped: true, allowed: ['finance@*'], call: (c, x) => c.post(`/api/evaluations/${x.id}/actions/unpublish`, { version: x.version, opinion: '数据有误，更正后重新公开' }) },
  { name: 'public departments with published reports', state: null, scoped: false, public: true, allowed: ['*@*'], call: (c) => c.get('/api/public/departments') },
];
