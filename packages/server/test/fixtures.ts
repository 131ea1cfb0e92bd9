/**
 * A small organisation for tests: one bureau, two departments, three units
 * (A and B in department 1, C in department 2) and one user per role and scope.
 */
import type { Role } from '../src/db/schema.js';
import type { AppContext } from '../src/context.js';
import { createApp } from '../src/http/app.js';
import { repositories } from '../src/repositories/index.js';
import { hashPassword } from '../src/use-cases/hash-password.js';
import type { ServerOptions } from '../src/http/env.js';

export const PASSWORD = 'test-password-1';

export interface Org {
  bureauId: number;
  dept1: number;
  dept2: number;
  unitA: number;
  unitB: number;
  unitC: number;
  users: Record<string, { id: number; role: Role }>;
}

export const USERS: { username: string; role: Role; scope: 'unitA' | 'unitB' | 'unitC' | 'dept1' | 'dept2' | 'bureau' | 'none' }[] = [
  { username: 'fillerA', role: 'unit_filler', scope: 'unitA' },
  { username: 'headA', role: 'unit_head', scope: 'unitA' },
  { username: 'fillerB', role: 'unit_filler', scope: 'unitB' },
  { username: 'headB', role: 'unit_head', scope: 'unitB' },
  { username: 'fillerC', role: 'unit_filler', scope: 'unitC' },
  { username: 'headC', role: 'unit_head', scope: 'unitC' },
  { username: 'dept1', role: 'department_reviewer', scope: 'dept1' },
  { username: 'dept2', role: 'department_reviewer', scope: 'dept2' },
  { username: 'finance', role: 'finance_reviewer', scope: 'bureau' },
  { username: 'admin', role: 'admin', scope: 'none' },
  { username: 'assessor', role: 'assessor', scope: 'bureau' },
];

export async function createOrg(ctx: AppContext): Promise<Org> {
  const r = repositories(ctx.db);
  const regionId = await r.org.createRegion('测试市');
  const bureauId = await r.org.createBureau(regionId, '测试市财政局');
  const dept1 = await r.org.createDepartment(bureauId, '一号部门');
  const dept2 = await r.org.createDepartment(bureauId, '二号部门');
  const unitA = await r.org.createUnit(dept1, '甲单位');
  const unitB = await r.org.createUnit(dept1, '乙单位');
  const unitC = await r.org.createUnit(dept2, '丙单位');
  const hash = await hashPassword(PASSWORD);
  const scopes = { unitA: { unitId: unitA }, unitB: { unitId: unitB }, unitC: { unitId: unitC }, dept1: { departmentId: dept1 }, dept2: { departmentId: dept2 }, bureau: { bureauId }, none: {} };
  const users: Org['users'] = {};
  for (const u of USERS) {
    const id = await r.users.create({ username: u.username, displayName: `${u.username} 测试`, role: u.role, passwordHash: hash, ...scopes[u.scope] });
    users[u.username] = { id, role: u.role };
  }
  return { bureauId, dept1, dept2, unitA, unitB, unitC, users };
}

/** A minimal valid evaluation model for a unit. */
export function sampleEvaluation(fiscalYear = 2024, over: Record<string, unknown> = {}) {
  return {
    kind: 'project',
    fiscalYear,
    project: { name: '测试项目' },
    funds: { total: { initial: '100', adjusted: '100', executed: '95' } },
    budgetExecution: { weight: '10', selfScore: '9.5' },
    indicators: [
      {
        name: '产出指标',
        weight: '50',
        children: [{ name: '数量指标', children: [{ name: '培训人次', target: '≥100人次', actual: '120人次', weight: '50', selfScore: '50' }] }],
      },
      {
        name: '效益指标',
        weight: '30',
        children: [{ name: '社会效益指标', children: [{ name: '覆盖率', target: '≥90%', actual: '85%', weight: '30', selfScore: '28', deviationReason: '部分乡镇未覆盖' }] }],
      },
      {
        name: '满意度指标',
        weight: '10',
        children: [{ name: '服务对象满意度指标', children: [{ name: '满意度', target: '≥90%', actual: '95%', weight: '10', selfScore: '10' }] }],
      },
    ],
    totals: { statedScore: '97.5', statedGrade: '优' },
    ...over,
  };
}

/** sampleEvaluation with its 覆盖率 (85% against ≥90%) left without a deviation reason: one blocking finding. */
export function sampleWithoutReason(fiscalYear = 2024, over: Record<string, unknown> = {}): Record<string, any> {
  const ev = sampleEvaluation(fiscalYear, over) as Record<string, any>;
  ev.indicators[1].children[0].children[0].deviationReason = null;
  return ev;
}

type Json = Record<string, unknown>;

export interface Response {
  status: number;
  body: any;
  headers: Headers;
}

/** A signed-in (or anonymous) HTTP client over app.request, with the session cookie and CSRF token. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(readonly app: ReturnType<typeof createApp>) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: RequestInit['body'] | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await this.app.request(path, { method, headers: h, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed, headers: res.headers };
  }
  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, body ?? {});
  }
  put(path: string, body: unknown) {
    return this.request('PUT', path, body);
  }
  patch(path: string, body: unknown) {
    return this.request('PATCH', path, body);
  }

  async login(username: string, password = PASSWORD): Promise<Json> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? null;
    this.csrf = res.body.csrfToken;
    return res.body;
  }
}

export function makeApp(ctx: AppContext, extra: Partial<ServerOptions> = {}) {
  return createApp({ ctx, ...extra });
}

/** Signed-in clients for every test user. */
export async function loginAll(app: ReturnType<typeof createApp>): Promise<Record<string, Client>> {
  const out: Record<string, Client> = {};
  for (const u of USERS) {
    const c = new Client(app);
    await c.login(u.username);
    out[u.username] = c;
  }
  out.anonymous = new Client(app);
  return out;
}
