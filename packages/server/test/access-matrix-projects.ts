/**
 * The project endpoints' rows of the access matrix (test/access-matrix.test.ts spreads them
 * into its table): who may list, read, import, commit, batch-submit and see a roll-up.
 */
import { parseEvaluation } from '@jixiao/core';
import type { TestDatabase } from './databases.js';
import type { Client, Org } from './fixtures.js';
import { sampleEvaluation } from './fixtures.js';
import { csvList, upload } from './project-lists.js';
import { repositories } from '../src/repositories/index.js';
import { insertEvaluation } from '../src/use-cases/create-evaluation.js';
import type { EvaluationState } from '../src/workflow/state-machine.js';

export interface MatrixEndpoint {
  name: string;
  state: EvaluationState | null;
  allowed: readonly string[];
  scoped: boolean;
  public?: boolean;
  setup?: (t: TestDatabase, unitId: number, org: Org) => Promise<{ id: number; version: number }>;
  call(c: Client, ctx: { id: number | null; unitId: number; version: number }): Promise<{ status: number; body: any }>;
}

const SEE_UNIT = ['fillerA@A', 'headA@A', 'dept1@A', 'dept1@B', 'finance@*', 'admin@*'];
const IMPORTERS = ['fillerA@A', 'headA@A', 'dept1@A', 'dept1@B', 'finance@*'];

let serial = 0;

/** A project of the unit (with its draft evaluation when asked), straight through the repositories. */
async function project(t: TestDatabase, unitId: number, withEvaluation: boolean): Promise<{ id: number; version: number }> {
  const r = repositories(t.ctx.db);
  const regionId = (await r.projects.regionOf({ kind: 'unit', id: unitId }))!;
  const p = await r.projects.insert({ region_id: regionId, fiscal_year: 2024, code: `M-${++serial}-${Date.now()}`, name: '矩阵项目', unit_id: unitId, kind: 'project', category: null, issuing_department: null, manager: null, phone: null, initial_budget: '10', adjusted_budget: '10', sources: '[]', status: 'active', version: 1, import_id: null, created_by: null });
  if (withEvaluation) {
    const e = parseEvaluation(sampleEvaluation());
    if (!e.ok) throw e.error;
    await insertEvaluation(t.ctx, null, e.value, unitId, 'u', 'draft', p.id);
  }
  return { id: p.id, version: p.version };
}

async function departmentEvaluation(t: TestDatabase, unitId: number) {
  const e = parseEvaluation({ kind: 'department', fiscalYear: 2024 });
  if (!e.ok) throw e.error;
  const row = await insertEvaluation(t.ctx, null, e.value, unitId, 'u', 'draft');
  await project(t, unitId, true);
  return { id: row.id, version: row.version };
}

/** Units get a code so a list can name them whatever the actor's scope. */
async function coded(t: TestDatabase, unitId: number) {
  await t.ctx.db.updateTable('units').set({ code: `U${unitId}` }).where('id', '=', unitId).execute();
  return { id: unitId, version: 1 };
}

const list = (unitId: number) => csvList([[`IMP-${++serial}-${Date.now()}`, '矩阵导入项目', `U${unitId}`, 1, 1, null, null]]);

/** The batch answers 200 with per-item results: the first item's outcome is the cell's. */
function firstItem(r: { status: number; body: any }) {
  if (r.status !== 200) return r;
  const item = r.body.results[0];
  const status = item.ok ? 200 : ({ FORBIDDEN: 403, NOT_FOUND: 404, UNAUTHENTICATED: 401 } as Record<string, number>)[item.error.code] ?? 409;
  return { status, body: r.body };
}

export const PROJECT_ENDPOINTS: MatrixEndpoint[] = [
  {
    name: 'GET projects list includes it',
    state: null,
    scoped: true,
    setup: (t, unitId) => project(t, unitId, true),
    allowed: SEE_UNIT,
    async call(c, x) {
      const r = await c.get(`/api/projects?unitId=${x.unitId}&pageSize=200`);
      if (r.status !== 200) return r;
      return { status: r.body.items.some((i: { id: number }) => i.id === x.id) ? 200 : 404, body: r.body };
    },
  },
  { name: 'GET a unit\'s projects', state: null, scoped: true, setup: (t, unitId) => project(t, unitId, true), allowed: SEE_UNIT, call: (c, x) => c.get(`/api/units/${x.unitId}/projects?year=2024`) },
  { name: 'export a unit\'s project workbook', state: null, scoped: true, setup: (t, unitId) => project(t, unitId, true), allowed: SEE_UNIT, call: (c, x) => c.get(`/api/units/${x.unitId}/projects/export?year=2024&format=xlsx`) },
  { name: 'GET a project', state: null, scoped: true, setup: (t, unitId) => project(t, unitId, false), allowed: SEE_UNIT, call: (c, x) => c.get(`/api/projects/${x.id}`) },
  { name: 'POST a project\'s draft evaluation', state: null, scoped: true, setup: (t, unitId) => project(t, unitId, false), allowed: ['fillerA@A', 'headA@A'], call: (c, x) => c.post(`/api/projects/${x.id}/evaluation`) },
  { name: 'preview a project list', state: null, scoped: false, setup: (t, unitId) => coded(t, unitId), allowed: IMPORTERS, call: (c, x) => upload(c, list(x.unitId), 'list.csv', { unitId: String(x.unitId) }) },
  {
    name: 'commit a project list',
    state: null,
    scoped: false,
    setup: (t, unitId) => coded(t, unitId),
    allowed: IMPORTERS,
    async call(c, x) {
      const p = await upload(c, list(x.unitId), 'list.csv', { unitId: String(x.unitId) });
      if (p.status !== 201) return p;
      return c.post(`/api/project-imports/${p.body.id}/commit`, {});
    },
  },
  { name: 'batch submit', state: 'draft', scoped: true, allowed: ['headA@A'], call: async (c, x) => firstItem(await c.post('/api/evaluations/batch/submit', { items: [{ id: x.id, version: x.version }] })) },
  { name: 'batch department approve', state: 'submitted', scoped: true, allowed: ['dept1@A', 'dept1@B'], call: async (c, x) => firstItem(await c.post('/api/evaluations/batch/approve', { items: [{ id: x.id, version: x.version }] })) },
  { name: 'GET a department evaluation\'s projects', state: null, scoped: true, setup: (t, unitId) => departmentEvaluation(t, unitId), allowed: SEE_UNIT, call: (c, x) => c.get(`/api/evaluations/${x.id}/projects`) },
];
