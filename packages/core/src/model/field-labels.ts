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
