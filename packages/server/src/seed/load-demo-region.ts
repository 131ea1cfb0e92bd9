/**
 * The demo region loaded on first start: a finance bureau, departments, units, demo
 * accounts, and the seed evaluations (examples/seed-00N-*.json) driven through the
 * real review cycle so each lands in a different state with a real history.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEvaluation, type Evaluation } from '@jixiao/core';
import type { AppContext } from '../context.js';
import { computeEvaluation } from '../core-bridge.js';
import type { Role } from '../db/schema.js';
import { repositories } from '../repositories/index.js';
import { applyWorkflowAction } from '../use-cases/apply-workflow-action.js';
import { submissionCheckOf } from '../use-cases/check-submission.js';
import { overrideSubmissionChecks } from '../use-cases/override-submission-checks.js';
import { insertEvaluation } from '../use-cases/create-evaluation.js';
import { hashPassword } from '../use-cases/hash-password.js';
import { drawSample } from '../use-cases/draw-sample.js';
import { reviewEvaluation } from '../use-cases/review-evaluation.js';
import { createRectification } from '../use-cases/manage-rectifications.js';
import { applyTargetAction } from '../use-cases/apply-target-action.js';
import { fileTargets } from '../use-cases/file-targets.js';
import { loadDemoProjects } from './load-demo-projects.js';
import type { Actor } from '../workflow/access.js';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  scope: string;
}

export const DEMO_PASSWORD = 'jixiao-demo-2026';

/** Final states the seed evaluations are driven to, in file order. */
const PLAN: { dept: number; unit: number; path: ('submit' | 'approve-dept' | 'approve-fin' | 'return-dept' | 'return-fin' | 'publish' | 'review')[] }[] = [
  { dept: 0, unit: 0, path: ['submit', 'approve-dept', 'review', 'approve-fin', 'publish'] },
  { dept: 0, unit: 1, path: ['submit', 'approve-dept', 'approve-fin', 'publish'] },
  { dept: 1, unit: 2, path: ['submit', 'return-dept'] },
  { dept: 2, unit: 4, path: ['submit', 'approve-dept'] },
];

export async function loadDemoRegion(ctx: AppContext, opts: { examplesDir: string }): Promise<DemoAccount[]> {
  const r = repositories(ctx.db);
  const regionId = await r.org.createRegion('示范市');
  const bureauId = await r.org.createBureau(regionId, '示范市财政局');
  const deptNames = ['市纪委监委机关', '市农业农村局', '市教育局'];
  const deptIds: number[] = [];
  for (const n of deptNames) deptIds.push(await r.org.createDepartment(bureauId, n));

  const seeds = await readSeeds(opts.examplesDir);
  const unitDefs: { dept: number; name: string }[] = [
    { dept: 0, name: seeds[0]?.unit.name ?? '市委巡察工作领导小组办公室' },
    { dept: 0, name: seeds[1]?.unit.name ?? '市纪委派驻纪检监察组' },
    { dept: 1, name: seeds[2]?.unit.name ?? '市农业技术推广中心' },
    { dept: 1, name: '市动物疫病预防控制中心' },
    { dept: 2, name: seeds[3]?.unit.name ?? '市第一中学' },
    { dept: 2, name: '市教育考试院' },
  ];
  const unitIds: number[] = [];
  for (const [i, u] of unitDefs.entries()) unitIds.push(await r.org.createUnit(deptIds[u.dept]!, u.name, `DEMO${String(i + 1).padStart(3, '0')}`));

  const accounts: DemoAccount[] = [];
  const hash = await hashPassword(DEMO_PASSWORD);
  const add = async (username: string, displayName: string, role: Role, scope: { unitId?: number; departmentId?: number; bureauId?: number }, scopeName: string) => {
    const id = await r.users.create({ username, displayName, role, passwordHash: hash, ...scope });
    accounts.push({ username, password: DEMO_PASSWORD, role, displayName, scope: scopeName });
    return (await r.users.findActor(id))!;
  };
  const admin = await add('admin', '系统管理员', 'admin', {}, '全部');
  const finance = await add('caizheng', '财政局绩效科 王科长', 'finance_reviewer', { bureauId }, '示范市财政局');
  // A third-party evaluation agency engaged by the bureau: sees only what a sample assigns to it.
  await add('pingjia', '示范评价咨询有限公司', 'assessor', { bureauId }, '示范市财政局聘请（只看抽评给它的报告）');
  const deptReviewers: Actor[] = [];
  for (const [i, n] of deptNames.entries()) {
    deptReviewers.push(await add(`bumen${i + 1}`, `${n} 审核人`, 'department_reviewer', { departmentId: deptIds[i]! }, n));
  }
  const fillers: Actor[] = [];
  const heads: Actor[] = [];
  for (const [i, u] of unitDefs.entries()) {
    fillers.push(await add(`tianbao${i + 1}`, `${u.name} 填报人`, 'unit_filler', { unitId: unitIds[i]! }, u.name));
    heads.push(await add(`fuzeren${i + 1}`, `${u.name} 负责人`, 'unit_head', { unitId: unitIds[i]! }, u.name));
  }
  void admin;

  // Seed evaluations, driven through the cycle.
  for (const [i, evaluation] of seeds.entries()) {
    const plan = PLAN[i % PLAN.length]!;
    const u = plan.unit;
    const row = await insertEvaluation(ctx, fillers[u]!, evaluation, unitIds[u]!, unitDefs[u]!.name, 'draft');
    let version = row.version;
    for (const step of plan.path) {
      const act = async (actor: Actor, action: string, opinion?: string) =>
        (version = (await applyWorkflowAction(ctx, actor, row.id, action, { version, opinion })).version);
      if (step === 'submit') {
        // The seeds are published reports as they stand: finance waives their blocking findings, with a reason.
        if (submissionCheckOf(computeEvaluation(evaluation).audit, null).blocking.length > 0) {
          await overrideSubmissionChecks(ctx, finance, row.id, { reason: '演示数据：历年已公开报告的原文，按原样提交' });
        }
        await act(heads[u]!, 'submit');
      }
      else if (step === 'approve-dept') await act(deptReviewers[plan.dept]!, 'approve', '经审核，同意报送财政。');
      else if (step === 'approve-fin') await act(finance, 'approve', '审核通过。');
      else if (step === 'return-dept') await act(deptReviewers[plan.dept]!, 'return', '部分指标未填写偏差原因，请补充后重新提交。');
      else if (step === 'return-fin') await act(finance, 'return', '预算执行率计算口径有误，请核实。');
      // The seeds are published reports read back from their files: chapters the template asks for may be missing.
      else if (step === 'publish') version = (await applyWorkflowAction(ctx, finance, row.id, 'publish', { version, placeholderReason: '演示数据：历年已公开报告的原文，按原样公开' })).version;
      else if (step === 'review') version = (await reviewEvaluation(ctx, finance, row.id, { version, opinion: '抽评复核：得分基本属实。' })).version;
    }
  }
  // A fresh draft for the sixth unit (empty model), and a target filed and approved with the budget.
  if (seeds[0]) {
    await insertEvaluation(ctx, fillers[5]!, { ...seeds[0], unit: { name: unitDefs[5]!.name, code: null }, source: null, project: null }, unitIds[5]!, unitDefs[5]!.name, 'draft');
  }
  const year = seeds[0]?.fiscalYear ?? 2023;
  const leaf = (id: string, name: string, sign: string, value: string, unitOfMeasure: string, weight: string) => ({ id, name, sign, value, unitOfMeasure, weight });
  const target = await fileTargets(ctx, fillers[0]!, {
    unitId: unitIds[0]!,
    fiscalYear: year + 1,
    kind: 'department',
    name: `${unitDefs[0]!.name} ${year + 1} 年度部门整体绩效目标`,
    tree: {
      goal: '完成年度巡察任务，提升巡察整改实效。',
      indicators: [
        { name: '产出指标', weight: '50', children: [{ name: '数量指标', weight: '30', children: [leaf('d1', '巡察单位数量', '>=', '10', '个', '30')] }, { name: '质量指标', weight: '20', children: [leaf('d2', '问题整改完成率', '>=', '95', '%', '20')] }] },
        { name: '效益指标', weight: '30', children: [{ name: '社会效益指标', weight: '30', children: [leaf('d3', '移交问题线索办结率', '>=', '90', '%', '30')] }] },
        { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', weight: '10', children: [leaf('d4', '被巡察单位满意度', '>=', '90', '%', '10')] }] },
      ],
    },
  });
  let tv = target.version;
  tv = (await applyTargetAction(ctx, heads[0]!, target.id, 'submit', { version: tv })).version;
  tv = (await applyTargetAction(ctx, deptReviewers[0]!, target.id, 'approve', { version: tv, opinion: '目标设置合理，同意报财政。' })).version;
  await applyTargetAction(ctx, finance, target.id, 'approve', { version: tv, opinion: '随预算批复。' });
  const sample = await drawSample(ctx, finance, { fiscalYear: year, size: 1, seed: 'demo-2026' });
  // A rectification item for the first finding of a published report (or a general one).
  const published = await ctx.db.selectFrom('evaluations').select(['id', 'data']).where('status', '=', 'published').orderBy('id').execute();
  for (const p of published) {
    const finding = computeEvaluation(p.data as Evaluation).audit?.findings.find((f) => f.severity !== 'info');
    if (!finding && p !== published.at(-1)) continue;
    await createRectification(ctx, finance, {
      evaluationId: p.id,
      ...(finding ? { rule: finding.rule } : {}),
      description: finding ? `请整改：${finding.message}` : '未达满分的指标须填写偏差原因及改进措施。',
      dueDate: `${year + 1}-09-30`,
    });
    break;
  }
  void sample;
  // The year's projects (项目支出 and 转移支付), imported from a project list and filled by the units.
  await loadDemoProjects(ctx, year, {
    finance,
    units: unitDefs.map((u, i) => ({ code: `DEMO${String(i + 1).padStart(3, '0')}`, filler: fillers[i]!, head: heads[i]!, reviewer: deptReviewers[u.dept]! })),
  });
  return accounts;
}

async function readSeeds(dir: string): Promise<Evaluation[]> {
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => /^seed-\d+.*\.json$/.test(n)).sort();
  } catch {
    return [];
  }
  const out: Evaluation[] = [];
  for (const n of names) {
    const parsed = parseEvaluation(JSON.parse(await readFile(join(dir, n), 'utf8')));
    if (parsed.ok) out.push(parsed.value);
    else console.warn(`[jixiao] 示例 ${n} 无法读取：${parsed.error.message}`);
  }
  return out;
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const roleZh: Record<Role, string> = {
    admin: '系统管理员',
    finance_reviewer: '财政局绩效科',
    department_reviewer: '主管部门审核',
    unit_head: '单位负责人（提交）',
    unit_filler: '填报人',
    assessor: '评价机构（第三方）',
  };
  const lines = ['演示账号（密码均为 ' + DEMO_PASSWORD + '）：'];
  for (const a of accounts) lines.push(`  ${a.username.padEnd(10)} ${roleZh[a.role].padEnd(10, '　')} ${a.scope}`);
  return lines.join('\n');
}
