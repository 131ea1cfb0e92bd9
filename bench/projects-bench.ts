/**
 * A unit with 85 projects (seed 004's unit has 85): how long its steps take through the
 * HTTP app, on embedded PGlite (file-backed) and PostgreSQL.
 *
 *   node --conditions=jixiao-source --import tsx bench/projects-bench.ts [--projects 85] [--reads 50] [--engines pglite,postgres]
 *
 * Steps: import the project list (.xlsx preview + commit, which creates 85 drafts), fill
 * every project (85 saves, each validated, scored and audited), the unit's project list
 * (GET /api/units/:id/projects, repeated), a page of the finance bureau's list, the batch
 * submit of all 85, the department roll-up (GET /api/evaluations/:id/projects), and the
 * unit workbook export (when @jixiao/documents provides renderUnitProjectsWorkbook). The app
 * runs in this process (app.request, no sockets); PostgreSQL is started in a temp folder
 * the way the tests do (Debian's postgresql). Not a test: no assertions; prints a table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { createOrg, loginAll, makeApp } from '../packages/server/test/fixtures.ts';
import { startPostgres } from '../packages/server/test/postgres.ts';
import { upload, xlsxList, type Cell } from '../packages/server/test/project-lists.ts';

const { values } = parseArgs({ options: { projects: { type: 'string', default: '85' }, reads: { type: 'string', default: '50' }, engines: { type: 'string', default: 'pglite,postgres' } } });
const N = Number(values.projects);
const READS = Number(values.reads);

const ms = (t0: number) => performance.now() - t0;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const f = (x: number) => x.toFixed(x < 10 ? 1 : 0);

async function repeat(n: number, fn: () => Promise<{ status: number }>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await fn();
    if (r.status !== 200) throw new Error(`status ${r.status}`);
    out.push(ms(t0));
  }
  return out;
}

function filled(draft: any, i: number) {
  return {
    ...draft,
    funds: { ...draft.funds, total: { ...draft.funds.total, executed: String(18 + i) } },
    budgetExecution: { weight: '10', selfScore: '9' },
    indicators: [
      { name: '产出指标', weight: '50', children: [{ name: '数量指标', children: [{ name: '完成数量', target: '≥10个', actual: '10个', weight: '50', selfScore: '50' }] }] },
      { name: '效益指标', weight: '30', children: [{ name: '社会效益指标', children: [{ name: '受益人数', target: '≥100人', actual: '90人', weight: '30', selfScore: '27', deviationReason: '部分对象未覆盖' }] }] },
      { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', children: [{ name: '满意度', target: '≥90%', actual: '95%', weight: '10', selfScore: '10' }] }] },
    ],
    totals: { statedScore: '96' },
  };
}

async function run(engine: string): Promise<Record<string, string>> {
  const pg = engine === 'postgres' ? await startPostgres() : null;
  const dir = engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'jx-projects-bench-')) : null;
  const database = pg ? await openDatabase({ databaseUrl: pg.url }) : await openDatabase({ dataDir: dir! });
  try {
    const ctx = { db: database.db, now: () => new Date() };
    const org = await createOrg(ctx);
    const c = await loginAll(makeApp(ctx));
    const rows: Cell[][] = Array.from({ length: N }, (_, i) => [`XM-${String(i + 1).padStart(3, '0')}`, `项目${i + 1}`, '甲单位', 20 + i, 21 + i, '专项业务类', i % 30 === 7 ? '转移支付' : '部门项目']);
    const bytes = await xlsxList(rows);
    let t0 = performance.now();
    const p = await upload(c.finance!, bytes, 'list.xlsx');
    const commit = await c.finance!.post(`/api/project-imports/${p.body.id}/commit`, {});
    if (commit.status !== 200) throw new Error(JSON.stringify(commit.body));
    const importMs = ms(t0);
    const list = (await c.fillerA!.get(`/api/units/${org.unitA}/projects?year=2024`)).body.items;
    const saves: number[] = [];
    const versions = new Map<number, number>();
    for (const [i, item] of list.entries()) {
      const draft = (await c.fillerA!.get(`/api/evaluations/${item.evaluationId}`)).body.evaluation;
      const s0 = performance.now();
      const r = await c.fillerA!.put(`/api/evaluations/${item.evaluationId}`, { version: item.evaluationVersion, evaluation: filled(draft, i) });
      saves.push(ms(s0));
      versions.set(item.evaluationId, r.body.version);
    }
    const unitList = await repeat(READS, () => c.fillerA!.get(`/api/units/${org.unitA}/projects?year=2024`));
    const financeList = await repeat(READS, () => c.finance!.get('/api/projects?year=2024&pageSize=50&hasErrors=false&sort=amount'));
    t0 = performance.now();
    const batch = await c.headA!.post('/api/evaluations/batch/submit', { items: [...versions].map(([id, version]) => ({ id, version })) });
    const batchMs = ms(t0);
    if (batch.body.succeeded !== N) throw new Error(`batch: ${batch.body.succeeded} of ${N}`);
    const dept = await c.fillerA!.post('/api/evaluations', { unitId: org.unitA, fiscalYear: 2024, kind: 'department', evaluation: {} });
    const rollup = await repeat(Math.max(5, READS / 5), () => c.dept1!.get(`/api/evaluations/${dept.body.id}/projects`));
    const probe = await c.fillerA!.get(`/api/units/${org.unitA}/projects/export?year=2024&format=xlsx`);
    const exportMs = probe.status === 200 ? await repeat(3, () => c.fillerA!.get(`/api/units/${org.unitA}/projects/export?year=2024&format=xlsx`)) : null;
    return {
      engine: engine === 'pglite' ? 'PGlite (file)' : 'PostgreSQL',
      import: `${f(importMs)}`,
      save: `${f(pct(saves, 50))} / ${f(pct(saves, 99))}`,
      unitList: `${f(pct(unitList, 50))} / ${f(pct(unitList, 99))} / ${f(Math.max(...unitList))}`,
      financeList: `${f(pct(financeList, 50))} / ${f(pct(financeList, 99))}`,
      batch: f(batchMs),
      rollup: `${f(pct(rollup, 50))} / ${f(pct(rollup, 99))}`,
      export: exportMs ? `${f(pct(exportMs, 50))} (max ${f(Math.max(...exportMs))})` : `n/a (${probe.status} ${probe.body?.error?.code ?? ''})`,
    };
  } finally {
    await database.close();
    pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const e of values.engines.split(',')) results.push(await run(e.trim()));
console.log(`\n${N} projects, ${READS} reads per list; Node ${process.version}, ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('| engine | import + commit ms | save p50 / p99 ms | unit list p50 / p99 / max ms | finance page p50 / p99 ms | batch submit ms | roll-up p50 / p99 ms | workbook export ms |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.engine} | ${r.import} | ${r.save} | ${r.unitList} | ${r.financeList} | ${r.batch} | ${r.rollup} | ${r.export} |`);
