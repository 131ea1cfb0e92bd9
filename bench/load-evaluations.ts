/**
 * Loads N evaluations of one year into a jixiao database (a bureau's departments and units,
 * every status, the three kinds, two profiles, some totals that cannot be graded), for the
 * dashboard, list and to-do benchmarks (bench/dashboard-bench.ts) and EXPLAIN ANALYZE.
 *
 *   node --conditions=jixiao-source --import tsx bench/load-evaluations.ts --evaluations 20000 --year 2024 \
 *     [--previous 5000] [--departments 40] [--units-per-department 12] (DATABASE_URL=… or JIXIAO_DATA=<PGlite folder>)
 *
 * Each row carries one real evaluation model (about 30 KB of JSON, as the issue measured) and
 * stored figures that vary by row (a deterministic sequence, so two loads are the same). Rows
 * are written in batches of 250 with plain INSERTs: this loads data, it does not exercise the
 * save path.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { parseEvaluation } from '../packages/core/src/index.ts';
import type { DB, NewEvaluation } from '../packages/server/src/db/schema.ts';
import { repositories } from '../packages/server/src/repositories/index.ts';

export interface LoadOptions {
  evaluations: number;
  year: number;
  /** Evaluations of the year before (so a query without a year filter pays for them). */
  previous: number;
  departments: number;
  unitsPerDepartment: number;
  bureauId: number;
}

const STATUSES: Array<[string, number]> = [
  ['draft', 10],
  ['submitted', 25],
  ['returned', 5],
  ['department_approved', 20],
  ['finance_approved', 20],
  ['published', 20],
];
const NATIONAL = ['优', '良', '中', '差'];
const HEBEI = ['优秀', '良好', '一般', '较差'];

/** A project model of about 30 KB: 60 indicators with targets, actuals and reasons. */
export function bigModel(year: number): unknown {
  const leaf = (i: number) => ({
    name: `第${i + 1}项产出数量指标（按季度统计的服务对象覆盖人次与完成情况）`,
    target: `≥${100 + i}人次`,
    actual: `${95 + i}人次`,
    weight: '1',
    selfScore: '0.9',
    deviationReason: `受季节性因素影响，第${i + 1}项工作的实施进度较计划有所滞后，已在下一季度安排补足并落实整改措施。`,
  });
  const p = parseEvaluation({
    kind: 'project',
    fiscalYear: year,
    project: { name: '基层公共服务能力提升项目' },
    funds: { total: { initial: '1200', adjusted: '1180', executed: '1105.6' } },
    budgetExecution: { weight: '10', selfScore: '9.37' },
    indicators: [
      { name: '产出指标', weight: '50', children: [{ name: '数量指标', children: Array.from({ length: 50 }, (_, i) => leaf(i)) }] },
      { name: '效益指标', weight: '30', children: [{ name: '社会效益指标', children: Array.from({ length: 10 }, (_, i) => ({ ...leaf(50 + i), weight: '3', selfScore: '2.7' })) }] },
      { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', children: [{ name: '满意度', target: '≥90%', actual: '93%', weight: '10', selfScore: '10' }] }] },
    ],
    totals: { statedScore: '91.5', statedGrade: '优' },
  });
  if (!p.ok) throw p.error;
  return p.value;
}

/** Park–Miller: a fixed sequence, so every load of the same size is the same data. */
function sequence(seed: number) {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

const pick = <T>(r: number, weighted: Array<[T, number]>): T => {
  const total = weighted.reduce((a, [, w]) => a + w, 0);
  let x = r * total;
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return weighted[weighted.length - 1]![0];
};

function row(i: number, year: number, unitId: number, data: string, rnd: () => number): NewEvaluation {
  const kind = pick(rnd(), [['department', 5], ['project', 85], ['transfer', 10]] as Array<['department' | 'project' | 'transfer', number]>);
  const hebei = rnd() < 0.2;
  const ungradable = rnd() < 0.02;
  const computed = (55 + rnd() * 45).toFixed(rnd() < 0.5 ? 2 : 3);
  const self = (Number(computed) + (rnd() - 0.3) * 8).toFixed(1);
  const status = pick(rnd(), STATUSES);
  const reviewed = (status === 'finance_approved' || status === 'published') && rnd() < 0.3;
  const names = hebei ? HEBEI : NATIONAL;
  const c = Number(computed);
  const grade = ungradable ? null : names[c >= (hebei ? 85 : 90) ? 0 : c >= (hebei ? 75 : 80) ? 1 : c >= 60 ? 2 : 3]!;
  return {
    unit_id: unitId,
    fiscal_year: year,
    kind,
    title: `${kind === 'department' ? '部门整体支出' : '项目'}${i + 1}`,
    profile: hebei ? 'hebei' : 'national',
    status,
    version: 1,
    data,
    self_score: ungradable ? '109.96' : self,
    computed_score: ungradable ? '109.96' : computed,
    review_score: reviewed ? (c + 1.5).toFixed(2) : null,
    grade,
    ungradable_reason: ungradable ? '无法定级：各项分值合计 110，应为 100' : null,
    execution_rate: (0.5 + rnd() * 0.5).toFixed(4),
    errors: Math.floor(rnd() * 3),
    warnings: Math.floor(rnd() * 5),
    sampled: rnd() < 0.1,
    review: reviewed ? JSON.stringify({ total: (c + 1.5).toFixed(2), opinion: '复核后调整' }) : null,
  } as NewEvaluation;
}

/** Creates the departments and units under `bureauId`, then the evaluations. Returns the unit ids. */
export async function loadEvaluations(db: Kysely<DB>, o: LoadOptions): Promise<{ unitIds: number[]; departmentIds: number[] }> {
  const r = repositories(db);
  const departmentIds: number[] = [];
  const unitIds: number[] = [];
  for (let d = 0; d < o.departments; d++) {
    const dept = await r.org.createDepartment(o.bureauId, `负载部门${d + 1}`);
    departmentIds.push(dept);
    for (let u = 0; u < o.unitsPerDepartment; u++) unitIds.push(await r.org.createUnit(dept, `负载部门${d + 1}下属单位${u + 1}`));
  }
  const rnd = sequence(20261202);
  for (const [year, n] of [[o.year, o.evaluations], [o.year - 1, o.previous]] as const) {
    const data = JSON.stringify(bigModel(year));
    for (let start = 0; start < n; start += 250) {
      const batch = Array.from({ length: Math.min(250, n - start) }, (_, k) => row(start + k, year, unitIds[(start + k) % unitIds.length]!, data, rnd));
      await db.insertInto('evaluations').values(batch).execute();
    }
  }
  await sql`analyze`.execute(db);
  return { unitIds, departmentIds };
}

async function main() {
  const { values } = parseArgs({
    options: {
      evaluations: { type: 'string', default: '20000' },
      year: { type: 'string', default: '2024' },
      previous: { type: 'string', default: '5000' },
      departments: { type: 'string', default: '40' },
      'units-per-department': { type: 'string', default: '12' },
    },
  });
  const { openDatabase } = await import('../packages/server/src/db/database.ts');
  const url = process.env.DATABASE_URL;
  const dir = process.env.JIXIAO_DATA;
  if (!url && !dir) throw new Error('DATABASE_URL（PostgreSQL）或 JIXIAO_DATA（PGlite 目录）至少设置一个');
  const database = url ? await openDatabase({ databaseUrl: url }) : await openDatabase({ dataDir: dir! });
  try {
    const r = repositories(database.db);
    const region = await r.org.createRegion('负载测试市');
    const bureauId = await r.org.createBureau(region, '负载测试市财政局');
    const t0 = performance.now();
    await loadEvaluations(database.db, {
      evaluations: Number(values.evaluations),
      year: Number(values.year),
      previous: Number(values.previous),
      departments: Number(values.departments),
      unitsPerDepartment: Number(values['units-per-department']),
      bureauId,
    });
    console.log(`loaded ${values.evaluations} evaluations of ${values.year} (+${values.previous} of the year before) under bureau ${bureauId} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
