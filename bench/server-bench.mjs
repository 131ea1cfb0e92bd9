#!/usr/bin/env node
/**
 * "Deadline day": many units save and submit their self-evaluations at once.
 *
 *   npx tsc -b packages/server && node bench/server-bench.mjs [--units 40] [--saves 5] [--engines pglite,postgres]
 *
 * For each engine (embedded PGlite, PostgreSQL), the server runs in a child process on
 * loopback; this process is the load generator: every unit head saves its evaluation
 * `--saves` times (each save carrying the version it got back) and then submits, all
 * units concurrently. Reports throughput, p50/p99 latency, and lost or duplicated writes
 * (checked afterwards in the database and the audit log: both must be zero). Beside it,
 * the raw SQL throughput of the same transactions (lock row, versioned update of the
 * whole report, audit insert of the changed fields) on the same database, without HTTP,
 * validation, scoring or auditing. Logins (argon2id) happen before the clock starts.
 * Bounded: at most --max-seconds (default 120) per phase. Not a test: no assertions.
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { chownSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import { sql } from 'kysely';

const root = fileURLToPath(new URL('..', import.meta.url));
const { openDatabase } = await import(join(root, 'packages/server/dist/index.js'));

const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '40' },
    saves: { type: 'string', default: '5' },
    engines: { type: 'string', default: 'pglite,postgres' },
    'max-seconds': { type: 'string', default: '120' },
  },
});
const UNITS = Number(values.units);
const SAVES = Number(values.saves);
const MAX_MS = Number(values['max-seconds']) * 1000;
const ENGINES = values.engines.split(',');
const PASSWORD = 'bench-password';
const model = JSON.parse(readFileSync(join(root, 'examples/seed-001-hunan-2023.json'), 'utf8'));

async function freePort() {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });
}

async function startPostgres() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop() {} };
  const base = '/usr/lib/postgresql';
  const v = existsSync(base) ? readdirSync(base).sort((a, b) => Number(a) - Number(b)).at(-1) : null;
  if (!v) throw new Error('PostgreSQL 未安装：apt-get install postgresql（或设置 DATABASE_URL）');
  const bin = join(base, v, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'jx-bench-pg-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  chmodSync(data, 0o700);
  const root_ = process.getuid?.() === 0;
  if (root_) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chmodSync(dir, 0o755);
    chownSync(dir, uid, gid);
    chownSync(data, uid, gid);
  }
  const run = (cmd, args) => {
    const r = root_ ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`);
  };
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  // Default durability settings (fsync on): the numbers are what a real server would see on this disk.
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version: v,
    stop() {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Org, users (one unit head per unit) and one draft evaluation per unit, straight into the database. */
async function seed(db) {
  const passwordHash = await hash(PASSWORD, { algorithm: 2 });
  const region = await db.insertInto('regions').values({ name: '压测市' }).returning('id').executeTakeFirstOrThrow();
  const bureau = await db.insertInto('bureaus').values({ region_id: region.id, name: '压测市财政局' }).returning('id').executeTakeFirstOrThrow();
  const dept = await db.insertInto('departments').values({ bureau_id: bureau.id, name: '压测部门' }).returning('id').executeTakeFirstOrThrow();
  const units = [];
  for (let i = 0; i < UNITS; i++) {
    const u = await db.insertInto('units').values({ department_id: dept.id, name: `压测单位${i + 1}` }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('users').values({ username: `head${i + 1}`, display_name: `负责人${i + 1}`, role: 'unit_head', unit_id: u.id, password_hash: passwordHash }).execute();
    units.push(u.id);
  }
  return units;
}

function startServerProcess(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'packages/server/dist/bin.js')], { env: { ...process.env, ...env, PORT: '0', JIXIAO_DEMO: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /已启动：(http:\/\/[^\s]+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

async function stopServerProcess(child) {
  child.removeAllListeners('exit');
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};

async function http(url, method, path, body, cookie, csrf) {
  const t0 = performance.now();
  const res = await fetch(url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, ms: performance.now() - t0, headers: res.headers };
}

async function login(url, i) {
  const r = await http(url, 'POST', '/api/auth/login', { username: `head${i + 1}`, password: PASSWORD });
  return { cookie: r.headers.get('set-cookie').split(';')[0], csrf: r.body.csrfToken };
}

/** One unit's deadline day (already signed in): create its report, save SAVES times, submit. */
async function unitSession(url, i, lat, deadline, { cookie, csrf }) {
  const created = await http(url, 'POST', '/api/evaluations', { fiscalYear: 2025, kind: 'department', evaluation: { ...model, fiscalYear: 2025, unit: { name: `压测单位${i + 1}` } } }, cookie, csrf);
  if (created.status !== 201) throw new Error(`create ${created.status} ${JSON.stringify(created.body)}`);
  lat.push(created.ms);
  let version = created.body.version;
  const id = created.body.id;
  let saves = 0;
  for (let s = 0; s < SAVES && performance.now() < deadline; s++) {
    const r = await http(url, 'PUT', `/api/evaluations/${id}`, { version, evaluation: { ...model, fiscalYear: 2025, totals: { ...model.totals, statedScore: String(80 + s) } } }, cookie, csrf);
    lat.push(r.ms);
    if (r.status !== 200) throw new Error(`save ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    version = r.body.version;
    saves++;
  }
  const sub = await http(url, 'POST', `/api/evaluations/${id}/actions/submit`, { version }, cookie, csrf);
  lat.push(sub.ms);
  if (sub.status !== 200) throw new Error(`submit ${sub.status}`);
  return { id, saves, lastScore: String(80 + saves - 1) };
}

/** After the run: every acknowledged write is in the row and in the log, exactly once. */
async function verify(db, sessions) {
  let lost = 0;
  let duplicated = 0;
  for (const s of sessions) {
    const row = await db.selectFrom('evaluations').select(['version', 'status', 'data']).where('id', '=', s.id).executeTakeFirst();
    const log = await db.selectFrom('audit_log').select(['action']).where('evaluation_id', '=', s.id).execute();
    const updates = log.filter((l) => l.action === 'evaluation.updated').length;
    const submits = log.filter((l) => l.action === 'evaluation.submitted').length;
    const expectedVersion = 1 + s.saves + 1;
    if (!row || row.version < expectedVersion || row.status !== 'submitted' || (s.saves > 0 && row.data.totals.statedScore !== s.lastScore)) lost++;
    if (updates < s.saves || submits < 1) lost++;
    if (row && row.version > expectedVersion) duplicated++;
    if (updates > s.saves || submits > 1) duplicated++;
  }
  return { lost, duplicated };
}

/** The same transactions in raw SQL through Kysely: lock, versioned update, audit insert. */
async function rawSql(db, ids, rounds, deadline) {
  const data = JSON.stringify({ ...model, fiscalYear: 2025 });
  const lat = [];
  let tx = 0;
  const t0 = performance.now();
  await Promise.all(
    ids.map(async (id) => {
      for (let r = 0; r < rounds && performance.now() < deadline; r++) {
        const s = performance.now();
        await db.transaction().execute(async (trx) => {
          const row = await trx.selectFrom('evaluations').select(['version']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
          const upd = await trx.updateTable('evaluations').set({ data, version: row.version + 1, updated_at: new Date() }).where('id', '=', id).where('version', '=', row.version).returning('version').executeTakeFirst();
          if (!upd) throw new Error('lost update in raw SQL');
          await trx.insertInto('audit_log').values({ entity_type: 'evaluation', entity_id: id, evaluation_id: id, actor_name: 'bench', action: 'evaluation.updated', before: JSON.stringify({ version: row.version, changes: { 'totals.statedScore': '80' } }), after: JSON.stringify({ version: row.version + 1, changes: { 'totals.statedScore': '81' } }) }).execute();
        });
        lat.push(performance.now() - s);
        tx++;
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  return { tx, secs, tps: tx / secs, p50: pct(lat, 50), p99: pct(lat, 99) };
}

async function benchEngine(engine) {
  let pg;
  let dbOpts;
  let serverEnv;
  if (engine === 'postgres') {
    pg = await startPostgres();
    dbOpts = { databaseUrl: pg.url, poolSize: 10 };
    serverEnv = { DATABASE_URL: pg.url };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'jx-bench-lite-'));
    dbOpts = { dataDir: dir };
    serverEnv = { JIXIAO_DATA_DIR: dir, DATABASE_URL: '' };
    pg = { stop: () => rmSync(dir, { recursive: true, force: true }) };
  }
  try {
    let database = await openDatabase(dbOpts);
    const units = await seed(database.db);
    if (engine === 'pglite') await database.close(); // one process at a time on a PGlite folder
    const { child, url } = await startServerProcess(serverEnv);
    const lat = [];
    const logins = await Promise.all(units.map((_, i) => login(url, i))); // argon2id: not part of the timed window
    const t0 = performance.now();
    const deadline = t0 + MAX_MS;
    const sessions = await Promise.all(units.map((_, i) => unitSession(url, i, lat, deadline, logins[i])));
    const secs = (performance.now() - t0) / 1000;
    await stopServerProcess(child);
    if (engine === 'pglite') database = await openDatabase(dbOpts);
    const { lost, duplicated } = await verify(database.db, sessions);
    const raw = await rawSql(database.db, sessions.map((s) => s.id), SAVES, performance.now() + MAX_MS);
    await database.close();
    return { engine: engine === 'postgres' ? `PostgreSQL ${pg.version ?? ''}`.trim() : 'PGlite 0.5 (file)', requests: lat.length, secs, rps: lat.length / secs, p50: pct(lat, 50), p99: pct(lat, 99), lost, duplicated, raw };
  } finally {
    pg.stop();
  }
}

const results = [];
for (const e of ENGINES) {
  process.stderr.write(`… ${e}\n`);
  results.push(await benchEngine(e));
}
const f = (x, d = 1) => x.toFixed(d);
console.log(`deadline day: ${UNITS} units × (create + ${SAVES} saves + submit), all concurrent; Node ${process.version}, ${cpus().length} CPUs`);
console.log('| engine | requests | seconds | req/s | p50 ms | p99 ms | lost | duplicated | raw SQL tx/s (same transactions) | raw p99 ms |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.engine} | ${r.requests} | ${f(r.secs)} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p99)} | ${r.lost} | ${r.duplicated} | ${f(r.raw.tps)} | ${f(r.raw.p99)} |`);
}
