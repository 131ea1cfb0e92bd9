/**
 * Pure, deterministic generator of the demo region's project list and of what each unit
 * fills in: the same index always gives the same project, figures and flaw. Most tables are
 * clean; the others carry one of the flaws reviewers find in published project tables
 * (sources that do not add up, an execution rate on 年初预算数, a score above its weight, a
 * missing deviation reason, an unexplained over-achievement). Figures are decimal strings.
 */
import { dec, type Evaluation } from '@jixiao/core';

export const DEMO_FLAWS = ['clean', 'clean', 'sources-sum', 'rate-wrong-base', 'score-above-weight', 'no-deviation-reason', 'over-achievement'] as const;
export type DemoFlaw = (typeof DEMO_FLAWS)[number];
/** Where each filled table ends: draft, or driven through the review cycle. */
export const DEMO_STAGES = ['draft', 'submitted', 'department_approved', 'finance_approved'] as const;
export type DemoStage = (typeof DEMO_STAGES)[number] | 'not_started';

export interface DemoProject {
  index: number;
  /** Index into the demo region's units. */
  unit: number;
  code: string;
  name: string;
  kind: 'project' | 'transfer';
  category: string;
  initial: string;
  adjusted: string;
  executed: string;
  flaw: DemoFlaw;
  stage: DemoStage;
}

/** How many projects each demo unit gets (unit 2 is the unit with many projects). */
export const DEMO_PROJECTS_PER_UNIT = [6, 5, 16, 5, 6, 6] as const;

const NAMES = ['农村公路养护', '高标准农田建设', '基层干部培训', '动物防疫物资采购', '校舍维修改造', '信息化平台运维', '农技推广服务', '巡察工作经费', '学生资助', '监督执纪办案经费', '耕地质量监测', '考试组织实施'];
const TRANSFER_NAMES = ['中央农业生产发展资金', '省级动物防疫补助资金', '中央财政衔接推进乡村振兴补助资金'];
const CATEGORIES = ['专项业务类', '其他运转类', '专项业务类', '基本建设类'];

/** A decimal string with two places from integer arithmetic (no binary floats). */
const money = (cents: number) => dec(cents).div(100).toFixed(2);

export function demoProjects(year: number): DemoProject[] {
  const out: DemoProject[] = [];
  let transfer = 0;
  DEMO_PROJECTS_PER_UNIT.forEach((count, unit) => {
    for (let k = 0; k < count; k++) {
      const index = out.length;
      const isTransfer = (unit === 2 && (k === 3 || k === 11)) || (unit === 3 && k === 1);
      // 20 万元 to about 470 万元; executed 90–100% of the adjusted budget.
      const initialCents = 2_000 + ((index * 7919) % 90) * 500 + (index % 7) * 123;
      const flaw = DEMO_FLAWS[index % DEMO_FLAWS.length]!;
      // A rate on the wrong base shows only when the two bases differ.
      const adjustedCents = initialCents + ((index % 3) + (flaw === 'rate-wrong-base' ? 1 : 0)) * 500;
      const executedCents = Math.round((adjustedCents * (90 + ((index * 37) % 11))) / 100);
      out.push({
        index,
        unit,
        code: `${year}${isTransfer ? 'ZY' : 'XM'}${String(unit + 1).padStart(2, '0')}${String(k + 1).padStart(3, '0')}`,
        name: isTransfer ? TRANSFER_NAMES[transfer++ % TRANSFER_NAMES.length]! : `${NAMES[index % NAMES.length]}${k >= NAMES.length ? `（二期）` : ''}项目`,
        kind: isTransfer ? 'transfer' : 'project',
        category: CATEGORIES[index % CATEGORIES.length]!,
        initial: money(initialCents),
        adjusted: money(adjustedCents),
        executed: money(executedCents),
        flaw,
        stage: index % 11 === 5 ? 'not_started' : DEMO_STAGES[index % DEMO_STAGES.length]!,
      });
    }
  });
  return out;
}

/** The project list as the budget system exports it (header + one row per project). */
export function demoProjectListCsv(projects: DemoProject[], unitCodes: string[]): string {
  const rows = [['项目编码', '项目名称', '单位编码', '年初预算数（万元）', '全年预算数（万元）', '项目类别', '类型']];
  for (const p of projects) rows.push([p.code, p.name, unitCodes[p.unit]!, p.initial, p.adjusted, p.category, p.kind === 'transfer' ? '转移支付' : '部门项目']);
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}

function leaf(name: string, target: string, actual: string, weight: string, selfScore: string, deviationReason: string | null = null) {
  return { name, target, actual, weight, selfScore, deviationReason };
}

/** The unit's filled 自评表: the draft pre-filled from the list, completed, with its flaw. */
export function fillDemoProject(draft: Evaluation, p: DemoProject): Evaluation {
  const rate = dec(p.executed).div(p.adjusted);
  const execScore = dec(10).times(rate.gt(1) ? 1 : rate);
  const flaw = p.flaw;
  const coverage = flaw === 'no-deviation-reason' ? leaf('项目覆盖率', '≥95%', '90%', '15', '13') : leaf('项目覆盖率', '≥95%', '90%', '15', '13', '部分乡镇年底开工，覆盖不足');
  const quantity = flaw === 'over-achievement' ? leaf('完成数量', '≥20个', '35个', '25', '25') : leaf('完成数量', '≥20个', '21个', '25', '25');
  const quality = flaw === 'score-above-weight' ? leaf('验收合格率', '100%', '100%', '15', '16') : leaf('验收合格率', '100%', '100%', '15', '15');
  const leaves = [quantity, quality, leaf('按期完成率', '≥90%', '92%', '10', '10'), coverage, leaf('带动效益', '明显提升', '有所提升', '15', '13', '受市场价格影响，效益未完全显现'), leaf('服务对象满意度', '≥90%', '93%', '10', '10')];
  const indicatorTotal = leaves.reduce((a, l) => a.plus(l.selfScore), dec(0));
  const total = execScore.plus(indicatorTotal).toDecimalPlaces(2);
  const statedRateBase = flaw === 'rate-wrong-base' ? p.initial : p.adjusted;
  const bySource = [
    { source: 'current_appropriation' as const, initial: p.initial, adjusted: dec(p.adjusted).minus(flaw === 'sources-sum' ? '3.50' : '0').minus(2).toFixed(2), executed: dec(p.executed).minus(2).toFixed(2) },
    { source: 'carry_over' as const, initial: '0.00', adjusted: '2.00', executed: '2.00' },
  ];
  return {
    ...draft,
    funds: { ...draft.funds, total: { ...draft.funds.total, executed: p.executed }, bySource: bySource.map((s) => ({ ...s, label: null, arrived: null, statedRate: null })) },
    goals: [{ title: null, expected: `完成${p.name}年度建设与服务任务。`, achieved: `已完成${p.name}年度主要任务。`, targets: [] }],
    budgetExecution: { ...draft.budgetExecution, weight: '10', selfScore: execScore.toDecimalPlaces(2).toString(), statedRate: dec(p.executed).div(statedRateBase).times(100).toFixed(2) },
    indicators: [
      { name: '产出指标', weight: '50', selfScore: null, statedScoreRate: null, children: [{ name: '数量指标', weight: null, selfScore: null, children: [quantity].map(full) }, { name: '质量指标', weight: null, selfScore: null, children: [quality].map(full) }, { name: '时效指标', weight: null, selfScore: null, children: [leaves[2]!].map(full) }] },
      { name: '效益指标', weight: '30', selfScore: null, statedScoreRate: null, children: [{ name: '社会效益指标', weight: null, selfScore: null, children: [coverage].map(full) }, { name: '经济效益指标', weight: null, selfScore: null, children: [leaves[4]!].map(full) }] },
      { name: '满意度指标', weight: '10', selfScore: null, statedScoreRate: null, children: [{ name: '服务对象满意度指标', weight: null, selfScore: null, children: [leaves[5]!].map(full) }] },
    ],
    totals: { ...draft.totals, statedWeight: '100', statedScore: total.toString() },
    signatures: { ...draft.signatures, filler: '张填报', contact: '李联系', phone: '0731-8888' + String(p.index).padStart(4, '0'), date: `${draft.fiscalYear + 1}-03-15` },
  };
}

function full(l: ReturnType<typeof leaf>): Evaluation['indicators'][number]['children'][number]['children'][number] {
  return { id: null, name: l.name, target: l.target, initialTarget: null, sign: null, unitOfMeasure: null, actual: l.actual, qualitativeLevel: null, weight: l.weight, selfScore: l.selfScore, reviewerScore: null, deviationReason: l.deviationReason, core: false, notApplicable: false };
}
