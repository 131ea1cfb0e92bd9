/**
 * The server as a separate process, the way `npm start` runs it (bin.ts from the TypeScript
 * sources through tsx), for tests that kill it, signal it, or take its database away; and a
 * small HTTP client with a session, plus a write burst that records which writes were
 * acknowledged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));

export const ADMIN_PASSWORD = 'Bootstrap-Pass-2026';
export const FILLER_PASSWORD = 'Unit-Pass-2026';
/** The filler's initial password, set by the administrator (changed to FILLER_PASSWORD at first login). */
const INITIAL_PASSWORD = 'Initial-Pass-2026';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Every server this process started: killAll() in afterAll, so a failed test never leaves one running. */
const started: ChildProcess[] = [];

export function killAll(): void {
  for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  started.length = 0;
}

export interface ChildServer {
  proc: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
  alive(): boolean;
}

/** Starts bin.ts with `env` (plus PORT, HOST, no demo, a bootstrap password) and waits for its banner. */
export async function startChild(env: Record<string, string>, timeoutMs = 120_000): Promise<ChildServer> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', '--conditions', 'jixiao-source', BIN], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', JIXIAO_DEMO: '0', JIXIAO_ADMIN_PASSWORD: ADMIN_PASSWORD, NODE_ENV: 'test', JIXIAO_WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(proc);
  let out = '';
  proc.stdout!.on('data', (d) => (out += String(d)));
  proc.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  while (!out.includes('jixiao 已启动')) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`server exited before starting:\n${out}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`server did not start in ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { proc, url: `http://127.0.0.1:${port}`, output: () => out, exited, alive: () => proc.exitCode === null && proc.signalCode === null };
}

export class HttpClient {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await fetch(`${this.base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed };
  }
  async login(username: string, password: string) {
    const res = await fetch(`${this.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const body = (await res.json()) as { csrfToken: string; mustChangePassword?: boolean };
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    this.csrf = body.csrfToken;
    return body;
  }
}

/**
 * On a fresh database bootstrapped with ADMIN_PASSWORD: the administrator changes the
 * bootstrap password, creates a department, a unit and its filler, who changes the initial
 * password to FILLER_PASSWORD; returns the filler's client.
 */
export async function setUpUnit(base: string): Promise<{ filler: HttpClient; unitId: number }> {
  const admin = new HttpClient(base);
  await admin.login('admin', ADMIN_PASSWORD);
  const changed = await admin.request('POST', '/api/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: 'Changed-Pass-2026' });
  if (changed.status !== 204) throw new Error(`password change: ${changed.status} ${JSON.stringify(changed.body)}`);
  const org = await admin.request('GET', '/api/org');
  const dept = await admin.request('POST', '/api/admin/departments', { bureauId: org.body.bureaus[0].id, name: '测试部门' });
  const unit = await admin.request('POST', '/api/admin/units', { departmentId: dept.body.id, name: '测试单位' });
  const user = await admin.request('POST', '/api/admin/users', { username: 'filler', displayName: '填报人', role: 'unit_filler', unitId: unit.body.id, password: INITIAL_PASSWORD });
  if (user.status !== 201) throw new Error(`create user: ${user.status} ${JSON.stringify(user.body)}`);
  // An account the administrator created changes its initial password at first login.
  const filler = new HttpClient(base);
  await filler.login('filler', INITIAL_PASSWORD);
  const own = await filler.request('POST', '/api/auth/password', { currentPassword: INITIAL_PASSWORD, newPassword: FILLER_PASSWORD });
  if (own.status !== 204) throw new Error(`filler's password change: ${own.status} ${JSON.stringify(own.body)}`);
  return { filler, unitId: unit.body.id };
}

export interface Burst {
  /** Write name → the HTTP status it got (0: no answer: connection refused or reset). */
  results: Map<string, number>;
  stop(): Promise<void>;
}

/** `writers` loops creating evaluations named `<prefix>-<writer>-<n>` until stopped. */
export function writeBurst(client: HttpClient, unitId: number, prefix: string, writers = 6): Burst {
  const results = new Map<string, number>();
  let stopped = false;
  const loops = Array.from({ length: writers }, async (_, w) => {
    for (let n = 0; !stopped; n++) {
      const name = `${prefix}-${w}-${n}`;
      try {
        const res = await client.request('POST', '/api/evaluations', { unitId, fiscalYear: 2025, kind: 'project', evaluation: { project: { name } } });
        results.set(name, res.status === 503 && res.body?.error?.code !== 'DATABASE_UNAVAILABLE' ? -503 : res.status);
      } catch {
        results.set(name, 0);
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });
  return {
    results,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
