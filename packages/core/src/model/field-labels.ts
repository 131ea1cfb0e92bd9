/** Chinese labels for model paths, used in error messages and findings. */
const SEGMENT_LABELS: Record<string, string> = {
  kind: '评价类型',
  unit: '单位',
  name: '名称',
  fiscalYear: '预算年度',
  profile: '评分规则',
  funds: '资金情况',
  total: '年度资金总额',
  bySource: '按资金来源',
  basic: '基本支出',
  personnel: '人员经费',
  operating: '公用经费',
  project: '项目支出',
  projectLines: '项目明细',
  initial: '年初预算数',
  adjusted: '全年预算数',
  executed: '全年执行数',
  baseData: '基础数据表',
  staffing: '人员情况',
  authorized: '编制数',
  actual: '实际完成值',
  statedControlRate: '控制率',
  threePublic: '三公经费',
  priorActual: '上年决算数',
  budget: '本年预算数',
  indicators: '绩效指标',
  children: '下级指标',
  weight: '分值',
  selfScore: '自评得分',
  reviewerScore: '审核得分',
  target: '年度指标值',
  initialTarget: '年初指标值',
  deviationReason: '偏差原因分析及改进措施',
  budgetExecution: '预算执行率',
  statedRate: '执行率',
  totals: '总分',
  statedScore: '自评总分',
  statedGrade: '评价等级',
  statedWeight: '总分值',
  claims: '文中数据',
  chapters: '报告章节',
  dates: '日期',
  goals: '年度总体目标',
  goal: '年度总体目标',
  sign: '指标性质',
  unitOfMeasure: '计量单位',
  core: '核心指标',
  qualitativeLevel: '定性等级',
  notApplicable: '不适用',
  hasServiceUsers: '有服务对象',
  team: '评价工作组',
  evaluationStart: '评价开始日期',
  evaluationEnd: '评价结束日期',
  reportDate: '报告日期',
  supervisingDepartment: '主管部门',
  implementingUnit: '实施单位',
  savingsMeasures: '厉行节约保障措施',
  expected: '预期目标',
  achieved: '实际完成情况',
  entries: '监控指标',
  valueToDate: '截至目前完成值',
  forecast: '全年预计完成值',
  willMeet: '能否完成',
  reason: '原因',
  action: '纠偏措施',
  executedToDate: '截至目前执行数',
  periodEndMonth: '监控期间',
};

export function labelForPath(path: ReadonlyArray<PropertyKey>): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string' && SEGMENT_LABELS[seg]) {
      // "actual" under staffing means 在职人数, not an indicator's actual
      if (seg === 'actual' && path.includes('staffing')) return '实际在职人数';
      if (seg === 'actual' && path.includes('baseData')) return '本年决算数';
      return SEGMENT_LABELS[seg];
    }
  }
  return undefined;
}
