#!/usr/bin/env node
/**
 * Documents: a unit's 85 projects into one workbook (项目自评结果汇总表 + 85 project sheets),
 * and one project 自评表 as .xlsx / .docx / PDF.
 *
 *   npx tsc -b packages/documents && node bench/unit-workbook-bench.mjs [--projects 85] [--runs 5] [--pdf 3]
 *
 * Loads packages/documents/dist as the CLI and server run it. The projects are generated here,
 * deterministically, in the national layout: 8 to 16 indicators each, one in five a transfer
 * (funds by level with 到位数), one in four printed in 元, every tenth with figures that disagree
 * (so notes are written). Times: the workbook (median of --runs after one warm-up), its size;
 * one project's .xlsx and .docx (median of 30); the PDF of one 自评表 (median of --pdf).
 * Not a test: no assertions.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const core = await import(join(root, 'packages/core/dist/index.js'));
const docs = await import(join(root, 'packages/documents/dist/index.js'));
const { values } = parseArgs({ options: { projects: { type: 'string', default: '85' }, runs: { type: 'string', default: '5' }, pdf: { type: 'string', default: '3' } } });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

/** Project i of the unit: deterministic figures. */
function project(i) {
  const transfer = i % 5 === 4;
  const yuan = i % 4 === 3;
  const wrong = i % 10 === 9;
  const adjusted = 20 + ((i * 37) % 480);
  const executed = Math.round(adjusted * (0.7 + ((i * 13) % 30) / 100) * 100) / 100;
  const leaves = 8 + (i % 9);
  const l1 = [
    ['产出指标', '50', ['数量指标', '质量指标', '时效指标', '成本指标']],
    ['效益指标', '30', ['社会效益指标', '可持续影响指标']],
    ['满意度指标', '10', ['服务对象满意度指标']],
  ];
  const counts = [Math.ceil(leaves / 2), Math.floor(leaves / 2) - 1, 1];
  const indicators = l1.map(([name, weight, l2names], a) => {
    const n = counts[a];
    const each = Number(weight) / n;
    return {
      name,
      weight,
      children: l2names
        .map((l2, b) => ({
          name: l2,
          children: Array.from({ length: Math.ceil(n / l2names.length) }, (_, k) => k * l2names.length + b)
            .filter((x) => x < n)
            .map((x) => ({ name: `${l2.replace('指标', '')}指标${x + 1}：项目${i + 1}的完成情况`, target: x % 3 === 0 ? '≥95%' : x % 3 === 1 ? '≥100个' : '按期完成', actual: x % 3 === 0 ? '96%' : x % 3 === 1 ? '100个' : '按期完成', weight: each.toFixed(2), selfScore: each.toFixed(2) })),
        }))
        .filter((l2) => l2.children.length > 0),
    };
  });
  const split = transfer
    ? [
        { source: 'central', adjusted: (adjusted * 0.8).toFixed(2), arrived: (adjusted * 0.8).toFixed(2), executed: (executed * 0.8).toFixed(2) },
        { source: 'provincial', adjusted: (adjusted * 0.2).toFixed(2), arrived: (adjusted * 0.2).toFixed(2), executed: (executed * 0.2).toFixed(2) },
      ]
    : [{ source: 'current_appropriation', initial: String(adjusted), adjusted: String(adjusted), executed: String(executed) }];
  return core.Evaluation.parse({
    kind: transfer ? 'transfer' : 'project',
    fiscalYear: 2023,
    unit: { name: '示例县交通运输局' },
    supervisingDepartment: '示例县交通运输局',
    project: { name: `${transfer ? '转移支付' : '项目'}${String(i + 1).padStart(3, '0')}：农村公路建设养护与安全设施完善工程`, code: `430000230000000${String(i + 1).padStart(5, '0')}` },
    funds: { sourceUnit: yuan ? '元' : '万元', total: { initial: transfer ? null : String(adjusted), adjusted: String(adjusted), executed: String(executed), arrived: transfer ? String(adjusted) : null }, bySource: split },
    budgetExecution: { weight: '10', selfScore: wrong ? '10' : String(Math.round(Math.min(executed / adjusted, 1) * 1000) / 100) },
    goals: [{ expected: '完成年度建设养护任务，保障道路安全畅通。', achieved: '已完成年度建设养护任务。' }],
    indicators,
    totals: { statedWeight: '100', statedScore: wrong ? '100' : null, statedGrade: wrong ? '优' : null },
  });
}

const projects = Array.from({ length: Number(values.projects) }, (_, i) => project(i));
console.log(`Node ${process.version}; ${projects.length} projects (${projects.filter((p) => p.kind === 'transfer').length} transfers, ${projects.filter((p) => p.funds.sourceUnit === '元').length} in 元), ${projects.reduce((a, p) => a + p.indicators.flatMap((l) => l.children.flatMap((c) => c.children)).length, 0)} indicators`);

await docs.renderUnitProjectsWorkbook(projects); // warm-up
const runs = [];
let bytes = 0;
for (let i = 0; i < Number(values.runs); i++) {
  const t0 = performance.now();
  const b = await docs.renderUnitProjectsWorkbook(projects);
  runs.push(performance.now() - t0);
  bytes = b.length;
}
console.log(`unit workbook (${projects.length + 1} sheets, ${(bytes / 1024).toFixed(0)} KiB): ${ms(median(runs))} median of ${runs.length} [${runs.map((x) => x.toFixed(0)).join(', ')}]`);

const one = projects[0];
for (const [name, f] of [['xlsx', () => docs.renderFormXlsx(one)], ['docx', () => docs.renderFormDocx(one)]]) {
  for (let i = 0; i < 3; i++) await f();
  const xs = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await f();
    xs.push(performance.now() - t0);
  }
  console.log(`one project 自评表 .${name}: ${ms(median(xs))} (median of 30)`);
}

if (!docs.findSoffice()) console.log('PDF: soffice not found, skipped');
else {
  const xs = [];
  for (let i = 0; i < Number(values.pdf); i++) {
    const t0 = performance.now();
    await docs.exportEvaluation(one, 'pdf');
    xs.push(performance.now() - t0);
  }
  console.log(`one project 自评表 PDF (docx + LibreOffice): ${ms(median(xs))} (median of ${xs.length}: ${xs.map((x) => x.toFixed(0)).join(', ')})`);
}
