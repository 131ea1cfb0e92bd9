/**
 * The dashboard in a cold browser at N evaluations in one year: how long from asking for
 * /dashboard until its first chart is drawn (a canvas inside the first chart), in a fresh
 * browser context each time (empty cache, the session cookie set), against the built server
 * (`packages/server/dist/bin.js`, one process) serving the built web app on PostgreSQL. Then the
 * same page again in the same context (warm cache), for comparison. Debian's chromium through
 * playwright-core (CHROMIUM_PATH to use another).
 *
 *   npx tsc -b && npm run build:web && node --conditions=jixiao-source --import tsx bench/dashboard-browser-bench.ts [--evaluations 20000] [--runs 5]
 *
 * Prints the medians, min–max, and the bytes the cold visit transferred (compressed, as sent).
 * Not a test: no assertions.
 */
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { repositories } from '../packages/server/src/repositories/index.ts';
import { hashPassword } from '../packages/server/src/use-cases/hash-password.ts';
import { startPostgres } from '../packages/server/test/postgres.ts';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from '../packages/web/test/e2e/harness.ts';
import { loadEvaluations } from './load-evaluations.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { evaluations: { type: 'string', default: '20000' }, runs: { type: 'string', default: '5' } } });
const N = Number(values.evaluations);
const RUNS = Number(values.runs);
const YEAR = 2024;
const PASSWORD = 'Bench-Browser-2026';

async function seed(url: string): Promise<void> {
  const database = await openDatabase({ databaseUrl: url });
  try {
    const r = repositories(database.db);
    const region = await r.org.createRegion('浏览器测速市');
    const bureauId = await r.org.createBureau(region, '浏览器测速市财政局');
    await r.users.create({ username: 'finance', displayName: '绩效科', role: 'finance_reviewer', passwordHash: await hashPassword(PASSWORD), bureauId });
    await loadEvaluations(database.db, { evaluations: N, year: YEAR, previous: 0, departments: 40, unitsPerDepartment: 12, bureauId });
  } finally {
    await database.close();
  }
}

function startServer(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [join(ROOT, 'packages/server/dist/bin.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', JIXIAO_DEMO: '0', JIXIAO_WORKERS: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /已启动：(http:\/\/[^\s]+)/.exec(out);
      if (m) resolve({ url: m[1]!, stop: () => new Promise<void>((res) => (child.once('exit', () => res()), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

async function main() {
  requireChromium();
  const pg = await startPostgres();
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    await seed(pg.url);
    server = await startServer(pg.url);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'finance', password: PASSWORD }) });
    const token = /jx_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    if (!token) throw new Error(`login failed: ${login.status}`);
    const cold: number[] = [];
    const warm: number[] = [];
    const coldMarks: Record<string, number>[] = [];
    const warmMarks: Record<string, number>[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addCookies([{ name: 'jx_session', value: token, url: server.url }]);
      await context.addInitScript(`window.sessionStorage.setItem('jx.year', '${YEAR}')`);
      const page = await context.newPage();
      let marks: Record<string, number> = {};
      let t0 = 0;
      const keyOf = (url: string) => {
        const u = new URL(url).pathname;
        if (u.startsWith('/api/')) return u;
        const m = /^\/assets\/(Shell|DashboardPage|index)-/.exec(u);
        return m ? m[1]! : null;
      };
      page.on('request', (r) => {
        const k = keyOf(r.url());
        if (k) marks[`${k} asked`] ??= performance.now() - t0;
      });
      page.on('requestfinished', (r) => {
        const k = keyOf(r.url());
        if (k) marks[`${k} loaded`] ??= performance.now() - t0;
      });
      const visit = async (into: Record<string, number>[]) => {
        marks = {};
        t0 = performance.now();
        await page.goto(`${server!.url}/dashboard`, { waitUntil: 'commit' });
        await page.locator('[role="img"] canvas').first().waitFor({ state: 'visible', timeout: 60_000 }).catch(async (e) => {
          await page.screenshot({ path: join(tmpdir(), 'dashboard-bench-failure.png') });
          throw e;
        });
        const ms = performance.now() - t0;
        into.push({ ...marks, 'chart drawn': ms });
        return ms;
      };
      cold.push(await visit(coldMarks));
      bytes = await page.evaluate(() => performance.getEntriesByType('resource').reduce((n, e) => n + (e as PerformanceResourceTiming).transferSize, 0) + ((performance.getEntriesByType('navigation')[0] as PerformanceResourceTiming | undefined)?.transferSize ?? 0));
      warm.push(await visit(warmMarks));
      await context.close();
    }
    console.log(`\n/dashboard at ${N} evaluations in ${YEAR}, finance bureau; ${RUNS} runs; Node ${process.version}, ${availableParallelism()} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    console.log('| visit | first chart drawn, median ms | min–max ms |');
    console.log('|---|---|---|');
    console.log(`| cold (new browser context, empty cache) | ${median(cold).toFixed(0)} | ${Math.min(...cold).toFixed(0)}–${Math.max(...cold).toFixed(0)} |`);
    console.log(`| warm (same context, second visit) | ${median(warm).toFixed(0)} | ${Math.min(...warm).toFixed(0)}–${Math.max(...warm).toFixed(0)} |`);
    for (const [name, ms] of [['cold', coldMarks], ['warm', warmMarks]] as const) {
      const keys = [...new Set(ms.flatMap((m) => Object.keys(m)))].sort((a, b) => median(ms.map((m) => m[a] ?? NaN)) - median(ms.map((m) => m[b] ?? NaN)));
      console.log(`${name} visit, median ms after the request: ${keys.map((k) => `${k} ${median(ms.map((m) => m[k] ?? NaN)).toFixed(0)}`).join(', ')}`);
    }
    console.log(`cold visit transferred ${(bytes / 1000).toFixed(0)} kB (page, scripts, API answers; as sent over the wire)`);
  } finally {
    await browser.close();
    await server?.stop();
    pg.stop();
  }
}

await main();
