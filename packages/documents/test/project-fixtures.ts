/**
 * Project and transfer evaluations built for the documents tests (the project and transfer
 * evaluations under examples/ are used as well): one
 * consistent national project, one printed in 元 whose 其中 rows and execution score
 * disagree with the stated figures, one scored per 二级 indicator, one with 指标性质/计量单位
 * columns in mind, and one transfer with funds by level and 到位数.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Evaluation, type EvaluationInput } from '@jixiao/core';
import { examplesDir } from './helpers.js';

const leaf = (name: string, target: string, actual: string, weight: string | null, selfScore: string | null, extra: Record<string, unknown> = {}) => ({ name, target, actual, weight, selfScore, ...extra });

const drugs: EvaluationInput = {
  kind: 'project',
  fiscalYear: 2021,
  profile: 'national',
  unit: { name: '宣城市公安局' },
  supervisingDepartment: '宣城市公安局',
  project: { name: '禁毒经费', code: '341700210000000012345', implementingUnit: '禁毒支队', manager: '王明', phone: '0563-1234567' },
  funds: {
    total: { initial: '100', adjusted: '100', executed: '98.75' },
    bySource: [{ source: 'current_appropriation', initial: '100', adjusted: '100', executed: '98.75' }],
  },
  budgetExecution: { weight: '10', selfScore: '9.88' },
  goals: [
    { expected: '支持公安机关开展禁毒业务工作，有效打击毒品犯罪。', achieved: '有效打击了毒品犯罪，遏制了毒品蔓延。' },
    { expected: '进一步增强全民禁毒意识。', achieved: '全民禁毒意识进一步增强。' },
  ],
  indicators: [
    {
      name: '产出指标',
      weight: '50',
      children: [
        { name: '数量指标', children: [leaf('禁毒舞台剧宣传场次', '≥1场', '1场', '12', '12'), leaf('毛发检查试剂数量', '≥2400份', '3200份', '12', '12')] },
        { name: '质量指标', children: [leaf('经费支出合规性', '严格执行相关财经法规制度', '严格执行', '10', '10')] },
        { name: '时效指标', children: [leaf('资金支付及时率', '≥95%', '93%', '8', '7.83', { deviationReason: '年末部分合同尚未结算，下年加快支付进度。' })] },
        { name: '成本指标', children: [leaf('项目成本控制', '≤100万元', '98.75万元', '8', '8')] },
      ],
    },
    {
      name: '效益指标',
      weight: '30',
      children: [{ name: '社会效益指标', children: [leaf('毒品犯罪案件破案率', '≥90%', '92%', '15', '15'), leaf('禁毒宣传覆盖面', '明显提升', '明显提升', '15', '14')] }],
    },
    { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', children: [leaf('群众满意度', '≥90%', '95%', '10', '10')] }] },
  ],
  totals: { statedWeight: '100', statedScore: '98.71', statedGrade: '优' },
  signatures: { filler: '李华', phone: '0563-7654321', date: '2022-03-10' },
};

/** Printed in 元; the 其中 rows add to less than the stated total; the execution score and rate disagree with the amounts. */
const roads: EvaluationInput = {
  kind: 'project',
  fiscalYear: 2022,
  profile: 'national',
  unit: { name: '广水市交通运输局' },
  supervisingDepartment: '广水市交通运输局',
  project: { name: '乡村道路建设养护项目', implementingUnit: '广水市交通运输局' },
  funds: {
    sourceUnit: '元',
    total: { initial: '309', adjusted: '309.5', executed: '290.1234', statedRate: '95' },
    bySource: [
      { source: 'current_appropriation', initial: '300', adjusted: '300', executed: '281.1234' },
      { source: 'carry_over', initial: '9', adjusted: '9.4', executed: '9' },
    ],
  },
  budgetExecution: { weight: '10', selfScore: '10' },
  goals: [{ expected: '完成乡村道路建设养护里程300公里。', achieved: '完成养护里程300公里。' }],
  indicators: [
    { name: '产出指标', weight: '50', children: [{ name: '数量指标', children: [leaf('乡村道路建设养护里程', '300公里', '300公里', '50', '50')] }] },
    { name: '效益指标', weight: '30', children: [{ name: '社会效益指标', children: [leaf('群众出行便利程度', '提高', '有所提高', '30', '27', { deviationReason: '部分路段施工影响通行。' })] }] },
    { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', children: [leaf('沿线群众满意度', '≥90%', '92%', '10', '10')] }] },
  ],
  totals: { statedWeight: '100', statedScore: '95', statedGrade: '优' },
};

/** Scores stated per 二级 indicator only (a layout seen in the corpus), no grade. */
const library: EvaluationInput = {
  kind: 'project',
  fiscalYear: 2022,
  profile: 'national',
  unit: { name: '大英县文化广播电视和旅游局' },
  supervisingDepartment: '大英县文化广播电视和旅游局',
  project: { name: '图书馆免费开放经费', code: '51092322T000000436801' },
  funds: { total: { initial: '20', adjusted: '20', executed: '20' } },
  budgetExecution: { weight: '10', selfScore: '10' },
  goals: [{ expected: '图书馆免费开放，开展公益性讲座。', achieved: '全年免费开放，举办公益性讲座12场。' }],
  indicators: [
    {
      name: '产出指标',
      weight: '50',
      children: [
        { name: '数量指标', weight: '30', selfScore: '30', children: [leaf('公益性讲座场次', '≥12场', '12场', null, null), leaf('免费开放天数', '≥300天', '310天', null, null)] },
        { name: '质量指标', weight: '20', selfScore: '20', children: [leaf('公益性讲座知晓率', '=100%', '100%', null, null)] },
      ],
    },
    { name: '效益指标', weight: '30', children: [{ name: '可持续影响指标', children: [leaf('图书馆管理机制健全性', '健全', '健全', '30', '30')] }] },
    { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', children: [leaf('活动参与人员满意度', '≥95%', '95%', '10', '10')] }] },
  ],
  totals: { statedWeight: '100', statedScore: '100' },
};

/** A central transfer: funds by level, 到位数, stated 到位率 and 执行率. */
const forestry: EvaluationInput = {
  kind: 'transfer',
  fiscalYear: 2024,
  profile: 'national',
  unit: { name: '雅安市名山区林业局' },
  supervisingDepartment: '雅安市名山区林业局',
  project: { name: '林业草原改革发展资金', issuingDepartment: '国家林业和草原局', implementingUnit: '雅安市名山区林业局' },
  funds: {
    total: { adjusted: '52.8', arrived: '52.8', executed: '30.8', statedRate: '58.33' },
    bySource: [
      { source: 'central', adjusted: '45', arrived: '45', executed: '26' },
      { source: 'provincial', adjusted: '5.8', arrived: '5.8', executed: '3.8' },
      { source: 'county', adjusted: '2', arrived: '2', executed: '1' },
    ],
  },
  budgetExecution: { weight: '10', selfScore: '5.83', statedArrivalRate: '100' },
  goals: [{ expected: '完成森林抚育任务，提升森林质量。', achieved: '完成森林抚育0.8万亩。' }],
  indicators: [
    { name: '产出指标', weight: '50', children: [{ name: '数量指标', children: [leaf('森林抚育面积', '≥0.8万亩', '0.8万亩', '50', '50')] }] },
    { name: '效益指标', weight: '30', children: [{ name: '生态效益指标', children: [leaf('森林覆盖率', '≥60%', '61%', '30', '30')] }] },
    { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', children: [leaf('林农满意度', '≥90%', '88%', '10', '9.78', { deviationReason: '补助发放进度偏慢。' })] }] },
  ],
  totals: { statedWeight: '100', statedScore: '95.61', statedGrade: '优' },
  signatures: { filler: '张三', date: '2025-03-01' },
};

export const BUILT: Record<string, Evaluation> = {
  'project-drugs': Evaluation.parse(drugs),
  'project-roads-yuan': Evaluation.parse(roads),
  'project-library-level2': Evaluation.parse(library),
  'transfer-forestry': Evaluation.parse(forestry),
};

/** The repository's project and transfer examples: every evaluation under examples/ (sub-folders too) that is not a department's. */
export function exampleForms(): Record<string, Evaluation> {
  const out: Record<string, Evaluation> = {};
  const files = (readdirSync(examplesDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).sort();
  for (const f of files) {
    const ev = Evaluation.parse(JSON.parse(readFileSync(join(examplesDir, f), 'utf8')));
    if (ev.kind !== 'department') out[`examples/${f.replace(/\.json$/, '')}`] = ev;
  }
  return out;
}

/** Every project/transfer evaluation the documents tests render: built here, and the examples. */
export function allForms(): Record<string, Evaluation> {
  return { ...BUILT, ...exampleForms() };
}
