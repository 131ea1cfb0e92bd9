/**
 * CPU of one save and of one `/api/auth/me`, in one process, one request at a time: the built
 * server's HTTP app (`packages/server/dist`, hono's `app.request`, no socket) on a real
 * PostgreSQL (Debian's, started in a temp folder as bench/deadline-day does). A unit head saves
 * the 34 KB seed report (examples/seed-001-hunan-2023.json, a department evaluation) N times,
 * each save carrying the version it got back, asking for gzip as a browser does.
 *
 * Per request: the process's user + system CPU (process.cpuUsage, every thread) and the main
 * thread's busy time (event-loop utilisation), after a warm-up. Sequential requests leave
 * nothing to queue behind, so this is the cost of a request, not its latency under load
 * (bench/deadline-day.ts measures that).
 *
 *   npx tsc -b && node --conditions=jixiao-source --import tsx bench/save-request-cpu.ts \
 *     [--saves 200] [--rounds 3] [--vs <another checkout's root, built>] [--profile <folder>]
 *
 * `--profile`: a V8 CPU profile of each round's timed saves only (not the start-up, the
 * warm-up or the auth/me loop) is written to the folder, for Chrome DevTools or speedscope.
 *
 * Beside it, the model work of a save alone, in the same process without HTTP or the database
 * (parse and validate the body, score and audit, the stored figures, the diff for the audit log,
 * the JSON written and answered): the part any server of this model pays per save.
 *
 * `--vs`: the other build runs too, alternating with this one round by round (each round a
 * fresh process and database); the table gives each round and the median. Not a test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { startRealPostgres } from './postgres-server.ts';
import { Client, createOrg } from '../packages/server/test/fixtures.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    saves: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    vs: { type: 'string' },
    profile: { type: 'string' },
    /** Ask for the whole score and audit back (the API's default) instead of `Prefer: return=minimal` as the web app does. */
    'full-answer': { type: 'boolean', default: false },
    /** Internal: measure this build once and print one JSON line. */
    child: { type: 'string' },
  },
});
const N = Number(values.saves);

interface Measure {
  /** The evaluation work alone, in process (no HTTP, no database): what any server must do per save. */
  modelCpu: number;
  saveCpu: number;
  saveBusy: number;
  meCpu: number;
  meBusy: number;
}

async function measureOnce(buildRoot: string): Promise<Measure> {
  const { openDatabase } = await import(join(buildRoot, 'packages/server/dist/db/database.js'));
  const { createApp } = await import(join(buildRoot, 'packages/server/dist/http/app.js'));
  const model = JSON.parse(readFileSync(join(ROOT, 'examples/seed-001-hunan-2023.json'), 'utf8')) as Record<string, unknown>;
  const pg = startRealPostgres();
  try {
    const database = await openDatabase({ databaseUrl: pg.url, poolSize: 10, log: () => {} });
    const ctx = { db: database.db, now: () => new Date() };
    const org = await createOrg(ctx);
    const app = createApp({ ctx });
    const c = new Client(app);
    await c.login('headA');
    const created = await c.post('/api/evaluations', { unitId: org.unitA, kind: 'department', fiscalYear: 2025, evaluation: { ...model, fiscalYear: 2025 } });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body).slice(0, 300)}`);
    const id = created.body.id as number;
    let version = created.body.version as number;
    const totals = model.totals as Record<string, unknown>;
    const save = async (i: number) => {
      const evaluation = { ...model, fiscalYear: 2025, totals: { ...totals, statedScore: String(80 + (i % 10)) } };
      const res = await app.request(`/api/evaluations/${id}`, {
        method: 'PUT',
        headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': 'application/json', 'accept-encoding': 'gzip', ...(values['full-answer'] ? {} : { prefer: 'return=minimal' }) },
        body: JSON.stringify({ version, evaluation }),
      });
      const buf = Buffer.from(await res.arrayBuffer());
      const body = JSON.parse((res.headers.get('content-encoding') === 'gzip' ? gunzipSync(buf) : buf).toString('utf8'));
      if (res.status !== 200) throw new Error(`save: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      version = body.version;
    };
    const me = async () => {
      const r = await c.get('/api/auth/me');
      if (r.status !== 200) throw new Error(`me: ${r.status}`);
    };
    const time = async (n: number, f: (i: number) => Promise<void>, profile?: string) => {
      for (let i = 0; i < Math.min(50, n); i++) await f(i); // warm-up
      const profiler = profile ? await startProfiler() : undefined;
      const cpu0 = process.cpuUsage();
      const elu0 = performance.eventLoopUtilization();
      for (let i = 0; i < n; i++) await f(i);
      const cpu = process.cpuUsage(cpu0);
      const busy = performance.eventLoopUtilization(elu0).active / n;
      if (profiler && profile) await profiler.stopInto(profile);
      return { cpu: (cpu.user + cpu.system) / 1000 / n, busy };
    };
    // The model work of a save without HTTP or the database: parse the body, validate, score and
    // audit, the stored figures, the diff for the audit log, the JSON written and answered.
    const { parseEvaluation } = await import('@jixiao/core');
    const bridge = await import(join(buildRoot, 'packages/server/dist/core-bridge.js'));
    const { diffJson } = await import(join(buildRoot, 'packages/server/dist/use-cases/diff-json.js'));
    const storedModel = (await c.get(`/api/evaluations/${id}`)).body.evaluation;
    const modelWork = async (i: number) => {
      const evaluation = { ...model, fiscalYear: 2025, totals: { ...totals, statedScore: String(80 + (i % 10)) } };
      const body = JSON.parse(JSON.stringify({ version, evaluation }));
      const parsed = parseEvaluation(body.evaluation);
      if (!parsed.ok) throw parsed.error;
      const computed = bridge.computeEvaluation(parsed.value);
      const figures = bridge.figuresOf(parsed.value, computed);
      if (!values['full-answer']) JSON.stringify({ version, figures });
      diffJson(storedModel, parsed.value);
      JSON.stringify(parsed.value);
      // The answer: the whole score and audit, or (as the web app asks) the version and figures.
      if (values['full-answer']) JSON.stringify({ version, computed });
    };
    const w = await time(N, modelWork);
    const m = await time(N * 3, me);
    const s = await time(N, save, values.profile ? join(resolve(values.profile), `save-${process.pid}.cpuprofile`) : undefined);
    await database.close();
    return { modelCpu: w.cpu, saveCpu: s.cpu, saveBusy: s.busy, meCpu: m.cpu, meBusy: m.busy };
  } finally {
    pg.stop();
  }
}

/** The inspector's CPU profiler, started now; `stopInto` writes the profile (its folder made if missing). */
async function startProfiler() {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return {
    async stopInto(file: string) {
      const { profile } = await session.post('Profiler.stop');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

function runChild(buildRoot: string): Measure {
  const profile = values.profile ? ['--profile', resolve(values.profile)] : [];
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', buildRoot, '--saves', String(N), ...profile, ...(values['full-answer'] ? ['--full-answer'] : [])], { encoding: 'utf8', cwd: ROOT });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`measuring ${buildRoot} failed:\n${r.stderr.slice(-2000)}`);
  return JSON.parse(line) as Measure;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f2 = (x: number) => x.toFixed(2);

if (values.child) {
  console.log(JSON.stringify(await measureOnce(resolve(values.child))));
} else {
  const builds = [{ name: 'this build', root: ROOT }, ...(values.vs ? [{ name: `--vs ${values.vs}`, root: resolve(values.vs) }] : [])];
  const results = new Map<string, Measure[]>(builds.map((b) => [b.name, []]));
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const b of round % 2 ? builds : [...builds].reverse()) {
      const m = runChild(b.root);
      results.get(b.name)!.push(m);
      console.error(`… round ${round} ${b.name}: save ${f2(m.saveCpu)} ms CPU (model work alone ${f2(m.modelCpu)}), auth/me ${f2(m.meCpu)} ms CPU`);
    }
  }
  console.log(`\nOne request at a time, ${N} saves of the 34 KB seed and ${N * 3} GET /api/auth/me per round; ms per request`);
  console.log('| build | save CPU per round | save CPU median | save main-thread busy median | model work alone, median | auth/me CPU per round | auth/me CPU median |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, ms] of results) {
    console.log(`| ${name} | ${ms.map((m) => f2(m.saveCpu)).join(' / ')} | ${f2(median(ms.map((m) => m.saveCpu)))} | ${f2(median(ms.map((m) => m.saveBusy)))} | ${f2(median(ms.map((m) => m.modelCpu)))} | ${ms.map((m) => f2(m.meCpu)).join(' / ')} | ${f2(median(ms.map((m) => m.meCpu)))} |`);
  }
}
