/**
 * Deadline day on PostgreSQL: W unit writers each save their 34 KB report S times (every save
 * carrying the version it got back) and submit it, while R finance readers loop over the
 * dashboard, the evaluation list and the to-do list — against the built server
 * (`packages/server/dist/bin.js`, `--workers N` processes) in child processes on loopback.
 * Beside it, on the same database and under the same readers: the same write transactions as
 * raw SQL from Node (pg, a pool of the server's size): lock the row, versioned update of the
 * report and its figures, audit-log entry; for a submit, the state change and its entry.
 * Phases alternate (raw, server, raw, server …, --rounds) so drift in the machine's speed hits
 * both alike; each phase writes fresh drafts.
 *
 * Afterwards every acknowledged write is checked by reading the rows back (version, status,
 * the last saved value) and in the audit log (one entry per write, versions consecutive, the
 * hash chain intact): a write missing is **lost**, one recorded twice is **duplicated**.
 *
 *   npx tsc -b && node --conditions=jixiao-source --import tsx bench/deadline-day.ts \
 *     [--writers 100] [--saves 5] [--readers 4] [--workers 1] [--rounds 2] [--background 2000] [--pool 10]
 *     [--before <another build's packages/server/dist/bin.js>]   (its own phase each round, on the same database)
 *     [--think <ms>]   each writer pauses before every write and each reader before every page, a random
 *                      0…2× this long (mean <ms>), as people do between clicks: the offered load is then
 *                      about (writers + readers) ÷ think per second, and the latencies are those of a
 *                      server not saturated by back-to-back requests
 *     [--reader-think <ms>]  the readers alone pause so (default: as --think): writers back to back against
 *                      readers at a person's pace, so a build that answers pages faster is not handed more of them
 *     [--pg-stats]     PostgreSQL with pg_stat_statements: after the table, the statements that took most of
 *                      its time during the phases (calls, total and mean ms, rows). Not with DATABASE_URL.
 *     [--replica]      a hot standby of the bench's PostgreSQL (pg_basebackup, streaming replication) started
 *                      beside it, given to the server as DATABASE_READ_URL: the dashboard then reads from it
 *                      (the list and the to-do stay on the primary). Not with DATABASE_URL.
 *
 * Besides throughput and latency, each phase's CPU per write is split into the server's
 * processes, PostgreSQL's and this load generator's (from /proc), with the machine's busy share:
 * on a small machine the three share the cores, and a saturated machine caps every path.
 *
 * PostgreSQL: DATABASE_URL=postgres://… (an empty database), or Debian's postgresql started in a
 * temp folder with its default durability (fsync and synchronous commit on). Sessions are
 * written straight into the database (argon2 logins are not what this measures). Not a test:
 * no assertions; prints one table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import httpModule from 'node:http';
import { gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { parseEvaluation, type Evaluation } from '../packages/core/src/index.ts';
import type { DB } from '../packages/server/src/db/schema.ts';
import { repositories } from '../packages/server/src/repositories/index.ts';
import { computeEvaluation, figuresOf } from '../packages/server/src/core-bridge.ts';
import { sessionIdOf } from '../packages/server/src/use-cases/login.ts';
import { startRealPostgres } from './postgres-server.ts';
import { loadEvaluations } from './load-evaluations.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    writers: { type: 'string', default: '100' },
    saves: { type: 'string', default: '5' },
    readers: { type: 'string', default: '4' },
    workers: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '2' },
    background: { type: 'string', default: '2000' },
    pool: { type: 'string', default: '10' },
    phases: { type: 'string', default: 'raw,server' },
    /** Another build's bin.js (an older commit built in a scratch folder) to compare with. */
    server: { type: 'string', default: 'packages/server/dist/bin.js' },
    /** A second build's bin.js run beside --server on the same database (one process), as phase "before". */
    before: { type: 'string' },
    think: { type: 'string', default: '0' },
    /** The readers' pause alone (default: --think), e.g. writers back to back and readers at a person's pace. */
    'reader-think': { type: 'string' },
    replica: { type: 'boolean', default: false },
    'pg-stats': { type: 'boolean', default: false },
    /** Extra Node options for the server processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
    'node-args': { type: 'string', default: '' },
    /** Saves ask for the whole score and audit back (the API's default) instead of `Prefer: return=minimal` as the web app does. */
    'full-answer': { type: 'boolean', default: false },
  },
});
/** As the web app saves: it scores and audits live, so it asks only for the new version (a build before ignores it). */
const SAVE_HEADERS: Record<string, string> = values['full-answer'] ? {} : { prefer: 'return=minimal' };
const W = Number(values.writers);
const S = Number(values.saves);
const R = Number(values.readers);
const WORKERS = Number(values.workers);
const ROUNDS = Number(values.rounds);
const POOL = Number(values.pool);
const THINK = Number(values.think);
/** A writer's pause before a write: uniform in 0…2×THINK ms (none without --think). */
const pause = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, Math.random() * 2 * ms)) : Promise.resolve());
const think = () => pause(THINK);
const READER_THINK = values['reader-think'] === undefined ? THINK : Number(values['reader-think']);
/** A reader's pause before a page: uniform in 0…2×READER_THINK ms. */
const readerThink = () => pause(READER_THINK);
const YEAR = 2025;
const MODEL = JSON.parse(readFileSync(join(ROOT, 'examples/seed-001-hunan-2023.json'), 'utf8')) as Record<string, unknown>;

interface Writer {
  unitId: number;
  unitName: string;
  token: string;
  csrf: string;
}
interface Outcome {
  id: number;
  saves: number;
  lastScore: string | null;
  submitted: boolean;
}
interface PhaseResult {
  kind: 'raw' | 'server' | 'before';
  /** CPU seconds the server processes used during the phase (all of them, /proc). */
  serverCpu: number;
  /** CPU seconds of PostgreSQL's processes, of this load generator, and the machine's busy share (0…1). */
  postgresCpu: number;
  benchCpu: number;
  machineBusy: number;
  writes: number;
  secs: number;
  save: number[];
  submit: number[];
  reads: Record<string, number[]>;
  outcomes: Outcome[];
}

/** CPU seconds (user + system) of a process and its descendants, from /proc (Linux); 0 elsewhere. */
function treeCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    let ticks = Number(f[11]) + Number(f[12]);
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean)) ticks += treeCpuSeconds(Number(c)) * 100;
    }
    return ticks / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of every process named postgres (the server and its backends, with ended backends), from /proc. */
function postgresCpuSeconds(): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (!stat.includes('(postgres)')) continue;
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // its own time, and that of its ended children (a backend whose connection closed during the phase)
        ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    return 0;
  }
  return ticks / 100;
}

/** The machine's busy and total CPU time so far (all cores, /proc/stat), to take a phase's busy share. */
function machineCpu(): { busy: number; total: number } {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - f[3]! - (f[4] ?? 0), total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** CPU use across a phase: call at its start, `end()` at its end. */
function cpuMeter(serverPid: number) {
  const server0 = treeCpuSeconds(serverPid);
  const pg0 = postgresCpuSeconds();
  const bench0 = process.cpuUsage();
  const m0 = machineCpu();
  return {
    end() {
      const m1 = machineCpu();
      const b = process.cpuUsage(bench0);
      return {
        serverCpu: treeCpuSeconds(serverPid) - server0,
        postgresCpu: postgresCpuSeconds() - pg0,
        benchCpu: (b.user + b.system) / 1e6,
        machineBusy: m1.total > m0.total ? (m1.busy - m0.busy) / (m1.total - m0.total) : 0,
      };
    },
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const median = (xs: number[]) => pct(xs, 50);

/** The org: one department of W units (a unit head each), a finance reader, and the background year. */
async function seedOrg(db: Kysely<DB>) {
  const r = repositories(db);
  const region = await r.org.createRegion('压测市');
  const bureauId = await r.org.createBureau(region, '压测市财政局');
  const dept = await r.org.createDepartment(bureauId, '压测部门');
  const writers: Writer[] = [];
  const expiresAt = new Date(Date.now() + 12 * 3600_000);
  const session = async (userId: number) => {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    await r.sessions.create({ id: sessionIdOf(token), userId, csrfToken: csrf, expiresAt });
    return { token, csrf };
  };
  for (let i = 0; i < W; i++) {
    const unitName = `压测单位${i + 1}`;
    const unitId = await r.org.createUnit(dept, unitName);
    const userId = await r.users.create({ username: `head${i + 1}`, displayName: `负责人${i + 1}`, role: 'unit_head', passwordHash: 'x', unitId });
    writers.push({ unitId, unitName, ...(await session(userId)) });
  }
  const financeId = await r.users.create({ username: 'finance', displayName: '绩效科', role: 'finance_reviewer', passwordHash: 'x', bureauId });
  const readers = await Promise.all(Array.from({ length: R }, () => session(financeId)));
  if (Number(values.background) > 0) {
    await loadEvaluations(db, { evaluations: Number(values.background), year: YEAR, previous: 0, departments: 10, unitsPerDepartment: 10, bureauId });
  }
  return { writers, readers, deptName: '压测部门' };
}

/** One draft per writer for a phase, stored as a create would store it (figures, a waiver for the seed's own flaws). */
async function seedDrafts(db: Kysely<DB>, writers: Writer[], deptName: string): Promise<number[]> {
  const ids: number[] = [];
  for (const w of writers) {
    const parsed = parseEvaluation({ ...MODEL, fiscalYear: YEAR, unit: { name: w.unitName }, supervisingDepartment: deptName });
    if (!parsed.ok) throw parsed.error;
    const ev = parsed.value;
    const computed = computeEvaluation(ev);
    const f = figuresOf(ev, computed);
    const rules = [...new Set((computed.audit?.blocking ?? []).map((x) => x.rule))];
    const row = await db
      .insertInto('evaluations')
      .values({
        unit_id: w.unitId, fiscal_year: YEAR, kind: 'department', title: `${w.unitName}部门整体支出绩效自评`, profile: ev.profile, status: 'draft', version: 1,
        data: JSON.stringify(ev), self_score: f.selfScore, computed_score: f.computedScore, grade: f.grade, ungradable_reason: f.ungradableReason,
        execution_rate: f.executionRate, errors: f.errors, warnings: f.warnings,
        // The seed is a published report as it stands: finance waives its blocking findings (as the demo does).
        submission_override: rules.length ? JSON.stringify({ reason: '压测：原样提交', rules, by: '压测', role: 'finance_reviewer', at: new Date().toISOString() }) : null,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

/**
 * One request over a kept-alive connection (node:http, not fetch: the load generator shares the machine's
 * cores with the server and PostgreSQL, and fetch costs it about twice the CPU per request). Asks for gzip
 * as a browser does and unzips the answer, so the server's compression and the client's text are as before.
 */
const agent = new httpModule.Agent({ keepAlive: true });
async function http(base: string, method: string, path: string, s: { token: string; csrf: string }, body?: unknown, extra: Record<string, string> = {}): Promise<{ status: number; text: string; ms: number }> {
  const t0 = performance.now();
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  try {
    return await send(base, method, path, s, payload, t0, extra);
  } catch (e) {
    // A kept-alive connection the server closed while idle (between phases) fails before the request is
    // read: node marks it reusedSocket, and sending again on a fresh connection is safe.
    if ((e as { retry?: boolean }).retry) return send(base, method, path, s, payload, t0, extra);
    throw e;
  }
}
function send(base: string, method: string, path: string, s: { token: string; csrf: string }, payload: Buffer | undefined, t0: number, extra: Record<string, string>): Promise<{ status: number; text: string; ms: number }> {
  const u = new URL(base + path);
  return new Promise((resolve, reject) => {
    const req = httpModule.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method,
        agent,
        headers: {
          cookie: `jx_session=${s.token}`,
          'x-csrf-token': s.csrf,
          'accept-encoding': 'gzip',
          ...extra,
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
          resolve({ status: res.statusCode ?? 0, text, ms: performance.now() - t0 });
        });
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => reject(req.reusedSocket && e.code === 'ECONNRESET' ? Object.assign(e, { retry: true }) : e));
    req.end(payload);
  });
}

const scoreOf = (round: number, s: number) => `${80 + round}.${s}`;

/** Readers loop until `stop()`: dashboard, evaluation list, to-do, in turn (with --think or --reader-think, pausing before each). */
function startReaders(base: string, sessions: { token: string; csrf: string }[]) {
  const reads: Record<string, number[]> = { dashboard: [], list: [], todo: [] };
  let stopped = false;
  const paths: Array<[string, string]> = [
    ['dashboard', `/api/dashboard?year=${YEAR}`],
    ['list', `/api/evaluations?year=${YEAR}&pageSize=50`],
    ['todo', `/api/todo?year=${YEAR}`],
  ];
  const loops = sessions.map(async (s, i) => {
    for (let n = i; !stopped; n++) {
      const [name, path] = paths[n % paths.length]!;
      await readerThink();
      if (stopped) break;
      const r = await http(base, 'GET', path, s);
      if (r.status !== 200) throw new Error(`${name} ${r.status} ${r.text.slice(0, 200)}`);
      if (!stopped) reads[name]!.push(r.ms);
    }
  });
  return { reads, stop: async () => ((stopped = true), await Promise.all(loops)) };
}

/** Every writer saves S times and submits, through the server. */
async function serverPhase(base: string, writers: Writer[], ids: number[], round: number, readers: ReturnType<typeof startReaders>): Promise<PhaseResult> {
  const save: number[] = [];
  const submit: number[] = [];
  const t0 = performance.now();
  const outcomes = await Promise.all(
    writers.map(async (w, i) => {
      const id = ids[i]!;
      let version = 1;
      let lastScore: string | null = null;
      for (let s = 0; s < S; s++) {
        await think();
        const score = scoreOf(round, s);
        const body = { version, evaluation: { ...MODEL, fiscalYear: YEAR, unit: { name: w.unitName }, totals: { ...(MODEL.totals as object), statedScore: score } } };
        const r = await http(base, 'PUT', `/api/evaluations/${id}`, w, body, SAVE_HEADERS);
        if (r.status !== 200) throw new Error(`save ${r.status} ${r.text.slice(0, 300)}`);
        save.push(r.ms);
        version = JSON.parse(r.text).version;
        lastScore = score;
      }
      await think();
      const r = await http(base, 'POST', `/api/evaluations/${id}/actions/submit`, w, { version });
      if (r.status !== 200) throw new Error(`submit ${r.status} ${r.text.slice(0, 300)}`);
      submit.push(r.ms);
      return { id, saves: S, lastScore, submitted: true };
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  return { kind: 'server' as const, serverCpu: 0, postgresCpu: 0, benchCpu: 0, machineBusy: 0, writes: save.length + submit.length, secs, save, submit, reads: readers.reads, outcomes };
}

/** The same write transactions as raw SQL through pg: lock, versioned update, audit entry; then the submit. */
async function rawPhase(pool: pg.Pool, writers: Writer[], ids: number[], round: number, readers: ReturnType<typeof startReaders>): Promise<PhaseResult> {
  const save: number[] = [];
  const submit: number[] = [];
  const tx = async (fn: (c: pg.PoolClient) => Promise<void>) => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      await fn(c);
      await c.query('commit');
    } catch (e) {
      await c.query('rollback');
      throw e;
    } finally {
      c.release();
    }
  };
  const audit = `insert into audit_log (entity_type, entity_id, evaluation_id, actor_id, actor_name, action, at, before, after) values ('evaluation', $1, $1, null, 'raw', $2, now(), $3, $4)`;
  const t0 = performance.now();
  const outcomes = await Promise.all(
    writers.map(async (w, i) => {
      const id = ids[i]!;
      let lastScore: string | null = null;
      for (let s = 0; s < S; s++) {
        await think();
        const score = scoreOf(round, s);
        const data = JSON.stringify({ ...MODEL, fiscalYear: YEAR, unit: { name: w.unitName }, totals: { ...(MODEL.totals as object), statedScore: score } });
        const t = performance.now();
        await tx(async (c) => {
          const { rows } = await c.query('select version from evaluations where id = $1 for update', [id]);
          const v = rows[0].version as number;
          const u = await c.query(
            `update evaluations set data = $3, version = $2 + 1, self_score = $4, computed_score = $5, grade = $6, errors = $7, warnings = $8, updated_at = now() where id = $1 and version = $2 returning version`,
            [id, v, data, score, '90.12', '优', 1, 2],
          );
          if (u.rowCount !== 1) throw new Error('raw SQL lost an update');
          await c.query(audit, [id, 'evaluation.updated', JSON.stringify({ version: v, changes: { 'totals.statedScore': lastScore } }), JSON.stringify({ version: v + 1, changes: { 'totals.statedScore': score } })]);
        });
        save.push(performance.now() - t);
        lastScore = score;
      }
      await think();
      const t = performance.now();
      await tx(async (c) => {
        const { rows } = await c.query('select status, version from evaluations where id = $1 for update', [id]);
        const v = rows[0].version as number;
        await c.query(`update evaluations set status = 'submitted', version = $2 + 1, submitted_at = now(), updated_at = now() where id = $1 and version = $2`, [id, v]);
        await c.query(audit, [id, 'evaluation.submitted', JSON.stringify({ status: rows[0].status, version: v }), JSON.stringify({ status: 'submitted', version: v + 1 })]);
      });
      submit.push(performance.now() - t);
      return { id, saves: S, lastScore, submitted: true };
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  return { kind: 'raw', serverCpu: 0, postgresCpu: 0, benchCpu: 0, machineBusy: 0, writes: save.length + submit.length, secs, save, submit, reads: readers.reads, outcomes };
}

/** Lost and duplicated writes: the rows read back and the audit log (one entry per write, consecutive versions). */
async function verify(db: Kysely<DB>, outcomes: Outcome[]): Promise<{ lost: number; duplicated: number }> {
  let lost = 0;
  let duplicated = 0;
  const ids = outcomes.map((o) => o.id);
  const rows = new Map((await db.selectFrom('evaluations').select(['id', 'version', 'status', sql<string>`data #>> '{totals,statedScore}'`.as('score')]).where('id', 'in', ids).execute()).map((r) => [r.id, r]));
  const log = await db.selectFrom('audit_log').select(['evaluation_id', 'action', sql<number>`(after->>'version')::int`.as('v')]).where('evaluation_id', 'in', ids).orderBy('id').execute();
  for (const o of outcomes) {
    const row = rows.get(o.id);
    const entries = log.filter((l) => l.evaluation_id === o.id);
    const expected = 1 + o.saves + (o.submitted ? 1 : 0);
    if (!row || row.version < expected || (o.submitted && row.status !== 'submitted') || (o.lastScore !== null && row.score !== o.lastScore)) lost++;
    if (row && row.version > expected) duplicated++;
    const updates = entries.filter((l) => l.action === 'evaluation.updated').length;
    const submits = entries.filter((l) => l.action === 'evaluation.submitted').length;
    if (updates < o.saves || submits < (o.submitted ? 1 : 0)) lost++;
    if (updates > o.saves || submits > 1) duplicated++;
    const versions = entries.map((l) => l.v);
    if (versions.some((v, k) => v !== k + 2)) duplicated++;
  }
  return { lost, duplicated };
}

let readUrl: string | undefined;

async function startServers(url: string, bin = values.server, workers = WORKERS): Promise<{ base: string; child: ChildProcess; stop(): Promise<void> }> {
  const args = [...values['node-args'].split(' ').filter(Boolean), resolve(ROOT, bin), ...(workers > 1 ? ['--workers', String(workers)] : [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', JIXIAO_DEMO: '0', JIXIAO_ADMIN_PASSWORD: 'Bench-Pass-2026', JIXIAO_WORKERS: String(workers), JIXIAO_POOL_SIZE: String(POOL), NODE_ENV: 'production', ...(readUrl ? { DATABASE_READ_URL: readUrl } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d) => process.stderr.write(d));
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /已启动：(http:\/\/[^\s]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return {
    base,
    child,
    async stop() {
      child.removeAllListeners('exit');
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await done;
    },
  };
}

function row(label: string, ps: PhaseResult[]) {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 1 : 0) : '–');
  const tput = ps.map((p) => p.writes / p.secs);
  const all = (k: 'save' | 'submit') => ps.flatMap((p) => p[k]);
  const reads = (k: string) => ps.flatMap((p) => p.reads[k] ?? []);
  const readCell = (k: string) => (R ? `${f(median(reads(k)))} / ${f(pct(reads(k), 99))}` : '–');
  const cpuPerWrite = ps.map((p) => (p.kind !== 'raw' ? f((p.serverCpu * 1000) / p.writes) : '–')).join(' / ');
  const perWrite = (k: 'serverCpu' | 'postgresCpu' | 'benchCpu') => f(median(ps.map((p) => (p[k] * 1000) / p.writes)));
  const split = `${perWrite('serverCpu')} / ${perWrite('postgresCpu')} / ${perWrite('benchCpu')}; ${f(100 * median(ps.map((p) => p.machineBusy)))}%`;
  const pages = ps.map((p) => f(Object.values(p.reads).reduce((n, xs) => n + xs.length, 0) / p.secs)).join(' / ');
  return `| ${label} | ${tput.map((t) => f(t)).join(' / ')} | ${R ? pages : '–'} | ${cpuPerWrite} | ${split} | ${f(median(all('save')))} / ${f(pct(all('save'), 99))} | ${f(median(all('submit')))} / ${f(pct(all('submit'), 99))} | ${readCell('dashboard')} | ${readCell('list')} | ${readCell('todo')} |`;
}

async function main() {
  if (values.replica && process.env.DATABASE_URL) throw new Error('--replica starts a standby of the bench\'s own PostgreSQL: unset DATABASE_URL');
  if (values['pg-stats'] && process.env.DATABASE_URL) throw new Error('--pg-stats starts the bench\'s own PostgreSQL with pg_stat_statements: unset DATABASE_URL');
  const pgServer = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, port: 0, stop() {} }
    : startRealPostgres(values['pg-stats'] ? ['-c shared_preload_libraries=pg_stat_statements', '-c pg_stat_statements.track=all'] : []);
  const standby = values.replica ? startRealPostgres([], pgServer) : null;
  readUrl = standby?.url;
  const pool = new pg.Pool({ connectionString: pgServer.url, max: POOL });
  const readPool = new pg.Pool({ connectionString: pgServer.url, max: 4 });
  // An idle connection closed as the bench's PostgreSQL stops is no error of the bench's.
  for (const p of [pool, readPool]) p.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: readPool }) });
  let server: Awaited<ReturnType<typeof startServers>> | null = null;
  let before: Awaited<ReturnType<typeof startServers>> | null = null;
  try {
    // The server migrates the empty database (its own migrations: a --server of another commit works too).
    server = await startServers(pgServer.url);
    // --before: another build on the same (already migrated) database, one process.
    if (values.before) before = await startServers(pgServer.url, values.before, 1);
    const org = await seedOrg(db);
    // Warm-up, not counted: the first requests load lazily imported modules and fill the pools.
    const warm = org.writers.slice(0, Math.min(10, org.writers.length));
    for (const s of [server, before]) {
      if (!s) continue;
      const warmIds = await seedDrafts(db, warm, org.deptName);
      await serverPhase(s.base, warm, warmIds, 9, { reads: {}, stop: async () => {} } as unknown as ReturnType<typeof startReaders>);
    }
    if (values['pg-stats']) {
      await sql`create extension if not exists pg_stat_statements`.execute(db);
      await sql`select pg_stat_statements_reset()`.execute(db);
    }
    const results: PhaseResult[] = [];
    const phases = values.phases.split(',').concat(before && !values.phases.includes('before') ? ['before'] : []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const phase of phases) {
        // Readers ask the build being measured (the current one during the raw phase).
        const target = phase === 'before' ? before : server;
        if (!target) throw new Error(`phase ${phase} needs --before <bin.js>`);
        const ids = await seedDrafts(db, org.writers, org.deptName);
        const readers = startReaders(target.base, org.readers);
        const meter = cpuMeter(target.child.pid!);
        const res = phase === 'raw' ? await rawPhase(pool, org.writers, ids, round, readers) : { ...(await serverPhase(target.base, org.writers, ids, round, readers)), kind: phase === 'before' ? ('before' as const) : ('server' as const) };
        await readers.stop();
        Object.assign(res, meter.end());
        results.push(res);
        process.stderr.write(`… round ${round + 1} ${phase}: ${(res.writes / res.secs).toFixed(1)} writes/s, save p50 / p99 ${pct(res.save, 50).toFixed(0)} / ${pct(res.save, 99).toFixed(0)} ms\n`);
      }
    }
    for (const s of [server, before]) await s?.stop();
    server = before = null;
    const pgStats = values['pg-stats']
      ? (
          await sql<{ query: string; calls: string; total: number; mean: number; rows: string }>`
            select regexp_replace(query, '\\s+', ' ', 'g') as query, calls::text, total_exec_time as total, mean_exec_time as mean, rows::text
            from pg_stat_statements where query not ilike '%pg_stat_statements%' order by total_exec_time desc limit 15`.execute(db)
        ).rows
      : [];
    const checks = await Promise.all(results.map((r) => verify(db, r.outcomes)));
    const chain = await repositories(db).auditLog.verifyChain();
    const rawRes = results.filter((r) => r.kind === 'raw');
    const ratioLine = (label: string, rs: PhaseResult[]) => {
      const ratios = rs.map((s, i) => (rawRes[i] ? s.writes / s.secs / (rawRes[i]!.writes / rawRes[i]!.secs) : NaN));
      if (ratios.length && rawRes.length) console.log(`${label} ÷ raw SQL per round: ${ratios.map((x) => x.toFixed(2)).join(' / ')} (median ${median(ratios).toFixed(2)})`);
    };
    console.log(`\ndeadline day: ${W} writers × (${S} saves + submit)${THINK > 0 ? `, writers pausing 0–${2 * THINK} ms before every request` : ''}${READER_THINK > 0 ? `, readers pausing 0–${2 * READER_THINK} ms before every page` : ''}, ${R} readers, server --workers ${WORKERS} (pool ${POOL} each)${values.before ? `, --before ${values.before} (1 process)` : ''}, ${ROUNDS} rounds; background ${values.background} evaluations in ${YEAR}`);
    if (standby) console.log('dashboard read from a hot standby of the same machine (--replica, DATABASE_READ_URL); list and to-do from the primary');
    console.log(`Node ${process.version}, ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    // Readers loop back to back: a build that answers pages faster serves more of them in the same
    // seconds, and those take CPU the writes would have had — so pages/s goes beside writes/s.
    console.log('| path | writes/s per round | reader pages/s per round | server CPU ms per write | CPU ms per write, median: server / PostgreSQL / load generator; machine busy | save p50 / p99 ms | submit p50 / p99 ms | dashboard p50 / p99 ms | list p50 / p99 ms | to-do p50 / p99 ms |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    if (rawRes.length) console.log(row('raw SQL (pg)', rawRes));
    for (const kind of ['before', 'server'] as const) {
      const rs = results.filter((r) => r.kind === kind);
      if (!rs.length) continue;
      const label = kind === 'before' ? 'before build, 1 process' : `server, ${WORKERS} process${WORKERS > 1 ? 'es' : ''}`;
      console.log(row(label, rs));
    }
    for (const kind of ['before', 'server'] as const) ratioLine(kind === 'before' ? 'before build' : 'server', results.filter((r) => r.kind === kind));
    const byKind = (kind: string) => {
      const c = checks.filter((_, i) => results[i]!.kind === kind);
      return `${kind} ${c.reduce((n, x) => n + x.lost, 0)}/${c.reduce((n, x) => n + x.duplicated, 0)}`;
    };
    if (values.before) console.log(`lost/duplicated by path: ${['raw', 'before', 'server'].map(byKind).join(', ')}`);
    const lost = checks.reduce((n, c) => n + c.lost, 0);
    const dup = checks.reduce((n, c) => n + c.duplicated, 0);
    if (pgStats.length) {
      const all = pgStats.reduce((n, r) => n + r.total, 0);
      console.log('\nPostgreSQL statements by total time during the phases (pg_stat_statements, top 15; share of these 15):');
      console.log('| share | total ms | calls | mean ms | rows | statement |');
      console.log('|---|---|---|---|---|---|');
      for (const r of pgStats) console.log(`| ${((100 * r.total) / all).toFixed(1)}% | ${r.total.toFixed(0)} | ${r.calls} | ${r.mean.toFixed(2)} | ${r.rows} | ${r.query.slice(0, 160).replace(/\|/g, '\\|')} |`);
    }
    console.log(`writes checked: ${results.reduce((n, r) => n + r.writes, 0)}; lost ${lost}, duplicated ${dup}; audit-log chain ${chain.broken.length ? `BROKEN at ${chain.broken.map((b) => b.id).join(', ')}` : `intact (${chain.entries} entries)`}`);
  } finally {
    await server?.stop();
    await before?.stop();
    await pool.end();
    await db.destroy();
    standby?.stop();
    pgServer.stop();
  }
}

await main();
