/**
 * What keeping a department's stored counts in step with its projects costs a project save
 * (use-cases/refresh-department-figures.ts): a unit with N projects fills every one of them
 * (N saves through the HTTP app), once in a unit with no department evaluation for the year,
 * once in a unit that has one — every save then re-audits the department with all N children
 * after the save's own transaction. PGlite (file-backed) and PostgreSQL.
 *
 *   node --conditions=jixiao-source --import tsx bench/department-refresh-bench.ts [--projects 85] [--engines pglite,postgres]
 *
 * Not a test: no assertions; prints a table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { createOrg, loginAll, makeApp, type Client, type Org } from '../packages/server/test/fixtures.ts';
import { startPostgres } from '../packages/server/test/postgres.ts';
import { upload, xlsxList, type Cell } from '../packages/server/test/project-lists.ts';

const { values } = parseArgs({ options: { projects: { type: 'string', default: '85' }, engines: { type: 'string', default: 'pglite,postgres' } } });
const N = Number(values.projects);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const f = (x: number) => x.toFixed(x < 10 ? 1 : 0);

function filled(draft: any, i: number) {
  const leaf = (name: string, weight: string) => ({ name, weight, children: [{ name: '二级指标', children: [{ name: `${name}${i}`, target: '≥10个', actual: '10个', weight, selfScore: weight }] }] });
  return {
    ...draft,
    funds: { ...draft.funds, total: { ...draft.funds.total, executed: String(18 + i) } },
    budgetExecution: { weight: '10', selfScore: '9' },
    indicators: [leaf('产出指标', '50'), leaf('效益指标', '30'), leaf('满意度指标', '10')],
    totals: { statedScore: '99' },
  };
}

/** Imports N projects for a unit (its drafts), optionally creates its department evaluation first, then saves each once: the save times. */
async function fillUnit(c: Record<string, Client>, org: Org, unit: 'A' | 'B', withDepartment: boolean): Promise<number[]> {
  const unitId = unit === 'A' ? org.unitA : org.unitB;
  const rows: Cell[][] = Array.from({ length: N }, (_, i) => [`${unit}-${String(i + 1).padStart(3, '0')}`, `项目${i + 1}`, unit === 'A' ? '甲单位' : '乙单位', 20 + i, 21 + i, '专项业务类', '部门项目']);
  const p = await upload(c.finance!, await xlsxList(rows), 'list.xlsx', { unitId: String(unitId) });
  const commit = await c.finance!.post(`/api/project-imports/${p.body.id}/commit`, {});
  if (commit.status !== 200) throw new Error(JSON.stringify(commit.body));
  const filler = c[`filler${unit}`]!;
  if (withDepartment) {
    const d = await filler.post('/api/evaluations', { unitId, fiscalYear: 2024, kind: 'department', evaluation: { funds: { projectCount: N } } });
    if (d.status !== 201) throw new Error(JSON.stringify(d.body));
  }
  const list = (await filler.get(`/api/units/${unitId}/projects?year=2024`)).body.items;
  const saves: number[] = [];
  for (const [i, item] of list.entries()) {
    const draft = (await filler.get(`/api/evaluations/${item.evaluationId}`)).body.evaluation;
    const t0 = performance.now();
    const r = await filler.put(`/api/evaluations/${item.evaluationId}`, { version: item.evaluationVersion, evaluation: filled(draft, i) });
    saves.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`save ${r.status}`);
  }
  return saves;
}

async function run(engine: string) {
  const pg = engine === 'postgres' ? await startPostgres() : null;
  const dir = engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'jx-dept-refresh-bench-')) : null;
  const database = pg ? await openDatabase({ databaseUrl: pg.url }) : await openDatabase({ dataDir: dir! });
  try {
    const ctx = { db: database.db, now: () => new Date() };
    const org = await createOrg(ctx);
    const c = await loginAll(makeApp(ctx));
    const without = await fillUnit(c, org, 'A', false);
    const withDept = await fillUnit(c, org, 'B', true);
    return { engine: engine === 'pglite' ? 'PGlite (file)' : 'PostgreSQL', without, withDept };
  } finally {
    await database.close();
    pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const e of values.engines.split(',')) results.push(await run(e.trim()));
console.log(`\n${N} projects per unit; Node ${process.version}, ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('| engine | save p50 / p99 ms, no department | save p50 / p99 ms, with its department refreshed |');
console.log('|---|---|---|');
for (const r of results) console.log(`| ${r.engine} | ${f(pct(r.without, 50))} / ${f(pct(r.without, 99))} | ${f(pct(r.withDept, 50))} / ${f(pct(r.withDept, 99))} |`);
