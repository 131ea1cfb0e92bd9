/**
 * Access control as a matrix generated from one table: every role × endpoint × unit
 * (own unit A, unit B in the same department, unit C in another department) is a test
 * case, on PGlite and on PostgreSQL. Expected outcomes come from the table below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { parseEvaluation } from '@jixiao/core';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, loginAll, makeApp, sampleEvaluation, type Org } from './fixtures.js';
import { insertEvaluation } from '../src/use-cases/create-evaluation.js';
import type { EvaluationState } from '../src/workflow/state-machine.js';
import { repositories } from '../src/repositories/index.js';
import { createRectification } from '../src/use-cases/manage-rectifications.js';
import { drawSample } from '../src/use-cases/draw-sample.js';
import { PROJECT_ENDPOINTS } from './access-matrix-projects.js';
import { PLAN_ENDPOINTS } from './access-matrix-plan.js';
import { AFTER_CYCLE_ENDPOINTS } from './access-matrix-after-cycle.js';

const ACTORS = ['anonymous', 'fillerA', 'headA', 'dept1', 'finance', 'admin', 'assessor'] as const;
type ActorName = (typeof ACTORS)[number];
const UNITS = ['A', 'B', 'C'] as const;
type UnitName = (typeof UNITS)[number];
type Outcome = 'ok' | 'forbidden' | 'hidden' | 'unauthenticated';

/** Who sees which unit's evaluations (admin: all; the public: nothing without login). */
const SEES: Record<ActorName, readonly UnitName[]> = {
  anonymous: [],
  fillerA: ['A'],
  headA: ['A'],
  dept1: ['A', 'B'],
  finance: ['A', 'B', 'C'],
  admin: ['A', 'B', 'C'],
  // The third-party reviewer sees a unit's things only where a row samples them to it (`sees`).
  assessor: [],
};

/**
 * Rows whose endpoints the third-party reviewer reaches (reading an evaluation is refused with
 * 404 unless it is sampled to it; its own password it may change); every other endpoint answers
 * it 403 whatever the unit, unless the row lists `assessor@…`. Not an evaluation's history or its
 * 自评质量: both carry the finance bureau's own judgement.
 */
const ASSESSOR_REACHES = new Set(['GET evaluation', 'GET export json', 'change own password', 'GET todo']);
const ASSESSOR_OK = new Set(['change own password', 'GET todo']);

interface Endpoint {
  name: string;
  /** State of the evaluation the call is made on (null: no evaluation needed). */
  state: EvaluationState | null;
  /** actor@unit cells that succeed. `*` = any unit, actor `*` = anyone (incl. the public). */
  allowed: readonly string[];
  /** Invisible evaluations answer 404 (hidden) rather than 403. */
  scoped: boolean;
  /** The public needs no login for this endpoint. */
  public?: boolean;
  /** Creates the thing the call acts on when it is not an evaluation (returns its id and version). */
  setup?: (t: TestDatabase, unitId: number, org: Org) => Promise<{ id: number; version: number }>;
  call(c: Client, ctx: { id: number | null; unitId: number; version: number }): Promise<{ status: number; body: any }>;
  /** Who sees which unit's thing on this row, where it differs from SEES. */
  sees?: Partial<Record<string, readonly string[]>>;
}

const ENDPOINTS: Endpoint[] = [
  { name: 'GET evaluation', state: 'draft', scoped: true, allowed: ['fillerA@A', 'headA@A', 'dept1@A', 'dept1@B', 'finance@*', 'admin@*'], call: (c, x) => c.get(`/api/evaluations/${x.id}`) },
  { name: 'GET history', state: 'draft', scoped: true, allowed: ['fillerA@A', 'headA@A', 'dept1@A', 'dept1@B', 'finance@*', 'admin@*'], call: (c, x) => c.get(`/api/evaluations/${x.id}/history`) },
  { name: 'GET export json', state: 'draft', scoped: true, allowed: ['fillerA@A', 'headA@A', 'dept1@A', 'dept1@B', 'finance@*', 'admin@*'], call: (c, x) => c.get(`/api/evaluations/${x.id}/export?format=json`) },
  {
    name: 'GET list includes it',
    state: 'draft',
    scoped: true,
    allowed: ['fillerA@A', 'headA@A', 'dept1@A', 'dept1@B', 'finance@*', 'admin@*'],
    async call(c, x) {
      const r = await c.get(`/api/evaluations?pageSize=200&unitId=${x.unitId}`);
      if (r.status !== 200) return r;
      return { status: r.body.items.some((i: { id: number }) => i.id === x.id) ? 200 : 404, body: r.body };
    },
  },
  { name: 'POST create', state: null, scoped: false, allowed: ['fillerA@A', 'headA@A'], call: (c, x) => c.post('/api/evaluations', { unitId: x.unitId, fiscalYear: 2024, kind: 'project', evaluation: sampleEvaluation() }) },
  { name: 'PUT save draft', state: 'draft', scoped: true, allowed: ['fillerA@A', 'headA@A'], call: (c, x) => c.put(`/api/evaluations/${x.id}`, { version: x.version, evaluation: sampleEvaluation() }) },
  { name: 'PUT save returned', state: 'returned', scoped: true, allowed: ['fillerA@A', 'headA@A'], call: (c, x) => c.put(`/api/evaluations/${x.id}`, { version: x.version, evaluation: sampleEvaluation() }) },
  { name: 'submit draft', state: 'draft', scoped: true, allowed: ['headA@A'], call: (c, x) => c.post(`/api/evaluations/${x.id}/actions/submit`, { version: x.version }) },
  { name: 'submit returned', state: 'returned', scoped: true, allowed: ['headA@A'], call: (c, x) => c.post(`/api/evaluations/${x.id}/actions/submit`, { version: x.version }) },
  { name: 'withdraw submitted', state: 'submitted', scoped: true, allowed: ['headA@A'], call: (c, x) => c.post(`/api/evaluations/${x.id}/actions/withdraw`, { version: x.version }) },
  { name: 'department approve', state: 'submitted', scoped: true, allowed: ['dept1@A', 'dept1@B'], call: (c, x) => c.post(`/api/evaluations/${x.id}/actions/approve`, { version: x.version }) },
  { name: 'department return', state: 'submitted', scoped: true, allowed: ['dept1@A', 'dept1@B'], call: (c, x) => c.post(`/api/evaluations/${x.id}/actions/return`, { version: x.version, opinion: '请补充' }) },
  { name: 'finance approve', state: 'department_approved', scoped: true, allowed: ['finance@*'], call: (c, x) => c.post(`/api/evaluations/${x.id}/actions/approve`, { version: x.version }) },
  { name: 'finance return', state: 'department_approved', scoped: true, allowed: ['finance@*'], call: (c, x) => c.post(`/api/evaluations/${x.id}/actions/return`, { version: x.version, opinion: '请核实' }) },
  { name: 'finance re-score', state: 'department_approved', scoped: true, allowed: ['finance@*'], call: (c, x) => c.put(`/api/evaluations/${x.id}/review`, { version: x.version, reviewScores: { execution: '9' } }) },
  { name: 'publish', state: 'finance_approved', scoped: true, allowed: ['finance@*'], call: (c, x) => c.post(`/api/evaluations/${x.id}/actions/publish`, { version: x.version }) },
  { name: 'open rectification', state: 'finance_approved', scoped: true, allowed: ['finance@*'], call: (c, x) => c.post('/api/rectifications', { evaluationId: x.id, description: '整改', dueDate: '2099-12-31' }) },
  // Every draw after the first is a redraw: it carries a reason.
  { name: 'draw sample', state: null, scoped: false, allowed: ['finance@*'], call: (c) => c.post('/api/samples', { fiscalYear: 2024, count: 1, seed: 's', reason: '矩阵重抽' }) },
  { name: 'GET org', state: null, scoped: false, allowed: ['fillerA@*', 'headA@*', 'dept1@*', 'finance@*', 'admin@*'], call: (c) => c.get('/api/org') },
  { name: 'GET samples', state: null, scoped: false, allowed: ['finance@*', 'admin@*'], call: (c) => c.get('/api/samples') },
  // 开始整改 is the unit's step; the finance bureau signs off or returns (access-matrix-after-cycle.ts).
  { name: 'update rectification', state: null, scoped: true, setup: (t, unitId) => rectification(t, unitId), allowed: ['fillerA@A', 'headA@A'], call: (c, x) => c.patch(`/api/rectifications/${x.id}`, { status: 'in_progress', version: x.version }) },
  { name: 'GET admin users', state: null, scoped: false, allowed: ['admin@*'], call: (c) => c.get('/api/admin/users') },
  {
    name: 'admin: create a unit account',
    state: null,
    scoped: false,
    allowed: ['admin@*'],
    call: (c, x) => c.post('/api/admin/users', { username: `u${Math.random().toString(36).slice(2, 10)}`, displayName: '新填报人', role: 'unit_filler', unitId: x.unitId, password: 'a-long-password-1' }),
  },
  // A throwaway account per cell (resetting a matrix user's password would end its session).
  {
    name: 'admin: reset a password',
    state: null,
    scoped: false,
    setup: async (t, unitId) => ({ id: await repositories(t.ctx.db).users.create({ username: `r${Math.random().toString(36).slice(2, 10)}`, displayName: '重置', role: 'unit_filler', unitId, passwordHash: 'x' }), version: 0 }),
    allowed: ['admin@*'],
    call: (c, x) => c.post(`/api/admin/users/${x.id}/password`, { password: 'Reset-Pass-2026' }),
  },
  { name: 'GET security events', state: null, scoped: false, allowed: ['admin@*'], call: (c) => c.get('/api/admin/security-events?pageSize=5') },
  { name: 'admin: create a unit', state: null, scoped: false, setup: async (_t, unitId, org) => ({ id: org.dept1, version: unitId }), allowed: ['admin@*'], call: (c, x) => c.post('/api/admin/units', { departmentId: x.id, name: '新单位' }) },
  { name: 'GET dashboard', state: null, scoped: false, allowed: ['fillerA@*', 'headA@*', 'dept1@*', 'finance@*', 'admin@*'], call: (c) => c.get('/api/dashboard') },
  { name: 'GET dashboard ranking', state: null, scoped: false, allowed: ['fillerA@*', 'headA@*', 'dept1@*', 'finance@*', 'admin@*'], call: (c) => c.get('/api/dashboard/ranking') },
  { name: 'GET dashboard export (CSV)', state: null, scoped: false, allowed: ['fillerA@*', 'headA@*', 'dept1@*', 'finance@*', 'admin@*'], call: (c) => c.get('/api/dashboard/export?format=csv') },
  {
    name: 'GET dashboard byUnit counts it',
    state: 'draft',
    scoped: true,
    allowed: ['fillerA@A', 'headA@A', 'dept1@A', 'dept1@B', 'finance@*', 'admin@*'],
    async call(c, x) {
      const r = await c.get(`/api/dashboard?year=2024&includeDrafts=1&unitId=${x.unitId}`);
      if (r.status !== 200) return r;
      const unit = r.body.byUnit.find((u: { unitId: number }) => u.unitId === x.unitId);
      const dept = r.body.byDepartment.reduce((n: number, d: { count: number }) => n + d.count, 0);
      return { status: unit && unit.count >= 1 && dept === unit.count ? 200 : 404, body: r.body };
    },
  },
  {
    name: 'GET samples with its summary',
    state: null,
    scoped: false,
    setup: (t, unitId) => sampled(t, unitId),
    allowed: ['finance@*', 'admin@*'],
    async call(c, x) {
      const r = await c.get('/api/samples?year=2024');
      if (r.status !== 200) return r;
      const s = r.body.find((i: { evaluationIds: number[] }) => i.evaluationIds.includes(x.id!));
      return { status: s?.evaluations.some((e: { id: number; unitId: number }) => e.id === x.id && e.unitId === x.unitId) ? 200 : 404, body: r.body };
    },
  },
  { name: 'GET todo', state: null, scoped: false, allowed: ['fillerA@*', 'headA@*', 'dept1@*', 'finance@*', 'admin@*'], call: (c) => c.get('/api/todo') },
  { name: 'public read of a draft', state: 'draft', scoped: false, public: true, allowed: [], call: (c, x) => c.get(`/api/public/reports/${x.id}`) },
  { name: 'public read of a finance-approved report', state: 'finance_approved', scoped: false, public: true, allowed: [], call: (c, x) => c.get(`/api/public/reports/${x.id}`) },
  { name: 'public read of a published report', state: 'published', scoped: false, public: true, allowed: ['*@*'], call: (c, x) => c.get(`/api/public/reports/${x.id}`) },
  { name: 'GET health (liveness, no login)', state: null, scoped: false, public: true, allowed: ['*@*'], call: (c) => c.get('/api/health') },
  { name: 'GET ready (database and migrations, no login)', state: null, scoped: false, public: true, allowed: ['*@*'], call: (c) => c.get('/api/ready') },
  {
    name: 'change own password',
    state: null,
    scoped: false,
    allowed: ['fillerA@*', 'headA@*', 'dept1@*', 'finance@*', 'admin@*'],
    // A new password breaking the policy: 400 once signed in; the login, CSRF and policy checks run before any password is checked.
    call: async (c) => {
      const r = await c.post('/api/auth/password', { currentPassword: 'x', newPassword: 'short' });
      return { status: r.status === 400 && r.body.error.code === 'PASSWORD_POLICY' ? 200 : r.status, body: r.body };
    },
  },
  {
    name: 'finance waives the checks before submission',
    state: null,
    scoped: true,
    setup: (t, unitId) => blockedDraft(t, unitId),
    allowed: ['finance@*'],
    call: (c, x) => c.post(`/api/evaluations/${x.id}/submission-override`, { reason: '历年已公开报告，按原样录入' }),
  },
  ...PROJECT_ENDPOINTS,
  ...PLAN_ENDPOINTS,
  ...AFTER_CYCLE_ENDPOINTS,
];

/** A draft with a blocking finding (an unmet indicator without its deviation reason). */
async function blockedDraft(t: TestDatabase, unitId: number) {
  const p = parseEvaluation(sampleEvaluation());
  if (!p.ok) throw p.error;
  p.value.indicators[1]!.children[0]!.children[0]!.deviationReason = null;
  const row = await insertEvaluation(t.ctx, null, p.value, unitId, 'u', 'draft');
  return { id: row.id, version: row.version };
}

const financeActor = async (t: TestDatabase) => (await repositories(t.ctx.db).users.findActor((await repositories(t.ctx.db).users.findByUsername('finance'))!.id))!;

async function rectification(t: TestDatabase, unitId: number) {
  const row = await insertEvaluation(t.ctx, null, parsedBase(), unitId, 'u', 'finance_approved');
  const r = await createRectification(t.ctx, await financeActor(t), { evaluationId: row.id, description: '整改', dueDate: '2099-12-31' });
  return { id: r.id, version: r.version };
}

/** A submitted evaluation of the unit, drawn in a sample of the whole 2024 population. */
async function sampled(t: TestDatabase, unitId: number) {
  const row = await insertEvaluation(t.ctx, null, parsedBase(), unitId, 'u', 'submitted');
  await drawSample(t.ctx, await financeActor(t), { fiscalYear: 2024, ratio: '100%', seed: `cell-${row.id}`, reason: '矩阵：重抽全部' });
  return { id: row.id, version: row.version };
}

function parsedBase(): Evaluation {
  const p = parseEvaluation(sampleEvaluation());
  if (!p.ok) throw p.error;
  return p.value;
}

function expected(e: Endpoint, actor: ActorName, unit: UnitName): Outcome {
  const allowedHere = e.allowed.some((a) => {
    const [who, where] = a.split('@');
    return (who === '*' || who === actor) && (where === '*' || where === unit);
  });
  if (e.public) return allowedHere ? 'ok' : 'hidden';
  if (actor === 'anonymous') return 'unauthenticated';
  if (actor === 'assessor' && !ASSESSOR_REACHES.has(e.name) && !e.allowed.some((a) => a.startsWith('assessor@'))) return 'forbidden';
  if (actor === 'assessor' && ASSESSOR_OK.has(e.name)) return 'ok';
  if (e.scoped && !(e.sees?.[actor] ?? SEES[actor]).includes(unit)) return 'hidden';
  return allowedHere ? 'ok' : 'forbidden';
}

function outcomeOf(status: number): Outcome | `status ${number}` {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'hidden';
  return `status ${status}`;
}

const CELLS = ENDPOINTS.flatMap((e) => ACTORS.flatMap((a) => UNITS.map((u) => ({ e, a, u, want: expected(e, a, u) }))));

describe.each(DATABASE_KINDS)('access matrix on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let clients: Record<string, Client>;
  const base = parseEvaluation(sampleEvaluation());
  if (!base.ok) throw base.error;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    clients = await loginAll(makeApp(t.ctx));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('covers every endpoint × role × unit', () => {
    expect(CELLS).toHaveLength(ENDPOINTS.length * ACTORS.length * UNITS.length);
  });

  it.each(CELLS.map((c) => [c.e.name, c.a, c.u, c.want, c] as const))('%s by %s on unit %s → %s', async (_n, _a, _u, want, cell) => {
    const unitId = { A: org.unitA, B: org.unitB, C: org.unitC }[cell.u];
    let id: number | null = null;
    let version = 1;
    if (cell.e.state) {
      const row = await insertEvaluation(t.ctx, null, base.value as Evaluation, unitId, `unit ${cell.u}`, cell.e.state);
      id = row.id;
      version = row.version;
    } else if (cell.e.setup) {
      ({ id, version } = await cell.e.setup(t, unitId, org));
    }
    const res = await cell.e.call(clients[cell.a]!, { id, unitId, version });
    expect(outcomeOf(res.status), JSON.stringify(res.body).slice(0, 300)).toBe(want);
    if (want !== 'ok' && res.status >= 400 && typeof res.body?.error === 'object') {
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
