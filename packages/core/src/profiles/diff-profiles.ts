/**
 * What differs between two rule profiles, as rows with Chinese labels (used by
 * `jixiao profiles`). Values are rendered as short Chinese text.
 */
import { dec } from '../decimal/decimal.js';
import { kindWeights } from './kind-weights.js';
import type { Profile } from './profile.js';

export interface ProfileDifference {
  key: string;
  label: string;
  a: string;
  b: string;
}

type Row = { key: string; label: string; value: (p: Profile) => string };

const pct = (ratio: string): string => {
  // ratio as decimal string → percent text without floats: shift the point two places.
  const neg = ratio.startsWith('-');
  const [i = '0', f = ''] = (neg ? ratio.slice(1) : ratio).split('.');
  const digits = (i + (f + '00').slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = f.length > 2 ? f.slice(2) : '';
  const txt = rest ? `${digits}.${rest}` : digits;
  return `${neg ? '-' : ''}${txt}%`;
};

const level1Text = (xs: Profile['weights']['level1']['project']): string =>
  xs.length === 0 ? '（无）' : xs.map((x) => `${x.name} ${x.weight}`).join(' / ');

const ROWS: Row[] = [
  { key: 'name', label: '名称', value: (p) => p.name },
  { key: 'version', label: '版本', value: (p) => p.version },
  { key: 'jurisdiction', label: '适用地区', value: (p) => p.jurisdiction },
  { key: 'basis', label: '依据文件', value: (p) => p.basis },
  { key: 'weights.total', label: '总分', value: (p) => p.weights.total },
  { key: 'weights.budgetExecution', label: '预算执行率分值', value: (p) => p.weights.budgetExecution },
  {
    key: 'weights.totalIncludesBudgetExecution',
    label: '总分是否含预算执行得分',
    value: (p) => (p.weights.totalIncludesBudgetExecution ? '是' : '否'),
  },
  { key: 'weights.level1.project', label: '项目支出一级指标分值', value: (p) => level1Text(p.weights.level1.project) },
  {
    key: 'weights.level1.department',
    label: '部门整体一级指标分值',
    value: (p) => level1Text(p.weights.level1.department),
  },
  { key: 'weights.level1.transfer', label: '转移支付一级指标分值', value: (p) => level1Text(p.weights.level1.transfer) },
  {
    key: 'weights.byKind.transfer',
    label: '转移支付预算执行率分值',
    value: (p) => {
      const w = kindWeights(p, 'transfer');
      return dec(w.budgetExecution).isZero() ? '不计分' : w.budgetExecution;
    },
  },
  {
    key: 'weights.level1Alternatives',
    label: '可选指标体系',
    value: (p) => (p.weights.level1Alternatives.length ? p.weights.level1Alternatives.map((x) => x.name).join('；') : '（无）'),
  },
  {
    key: 'execution.base',
    label: '执行率分母',
    value: (p) => (p.execution.base === 'adjusted' ? '全年预算数（调整后）' : '年初预算数'),
  },
  { key: 'execution.cap', label: '执行率计分上限', value: (p) => pct(p.execution.cap) },
  {
    key: 'execution.explanationBelow',
    label: '执行率低于此值须说明',
    value: (p) => (p.execution.explanationBelow === null ? '（不要求）' : pct(p.execution.explanationBelow)),
  },
  {
    key: 'quantitative.overAchievementThreshold',
    label: '超额完成须说明的阈值',
    value: (p) => pct(p.quantitative.overAchievementThreshold),
  },
  {
    key: 'reverse.formula',
    label: '反向指标计分公式',
    value: (p) =>
      p.reverse.formula === 'target_over_actual'
        ? '分值 × 目标值 ÷ 实际值'
        : '分值 × (1 − (实际值 − 目标值) ÷ 目标值)，最低 0 分',
  },
  ...(['achieved', 'partial', 'not_achieved'] as const).map(
    (lvl): Row => ({
      key: `qualitative.bands.${lvl}`,
      label: `定性指标“${{ achieved: '达成年度指标', partial: '部分达成', not_achieved: '未达成' }[lvl]}”得分区间`,
      value: (p) => `${pct(p.qualitative.bands[lvl][0])}–${pct(p.qualitative.bands[lvl][1])}`,
    }),
  ),
  {
    key: 'grades',
    label: '评价等级',
    value: (p) => p.grades.map((g) => `${g.name} ≥${g.min}`).join('，'),
  },
  { key: 'rounding.places', label: '显示保留小数位', value: (p) => String(p.rounding.places) },
  {
    key: 'notApplicable',
    label: '不适用指标处理',
    value: (p) => (p.notApplicable === 'rescale' ? '剔除后其余指标按比例折算' : '直接剔除，不折算'),
  },
  {
    key: 'audit.budgetAdjustmentThreshold',
    label: '预算调整幅度须说明的阈值',
    value: (p) => pct(p.audit.budgetAdjustmentThreshold),
  },
  {
    key: 'audit.budgetAdjustmentSteps',
    label: '预算调整率扣分档次',
    value: (p) =>
      p.audit.budgetAdjustmentSteps
        .map((s) => `${s.max === null ? '以上' : `≤${pct(s.max)}`} 得 ${pct(s.factor)}`)
        .join('，'),
  },
  {
    key: 'monitoring.executionLag',
    label: '运行监控：执行进度落后序时进度（黄灯 / 红灯）',
    value: (p) => `${p.monitoring.executionLag.yellow} / ${p.monitoring.executionLag.red} 个百分点`,
  },
  { key: 'monitoring.forecastTolerance', label: '运行监控：预计完成值与年末实际的允许偏差', value: (p) => pct(p.monitoring.forecastTolerance) },
];

/** Rows where profiles a and b differ (empty when identical apart from id/description). */
export function diffProfiles(a: Profile, b: Profile): ProfileDifference[] {
  const out: ProfileDifference[] = [];
  for (const r of ROWS) {
    const va = r.value(a);
    const vb = r.value(b);
    if (va !== vb) out.push({ key: r.key, label: r.label, a: va, b: vb });
  }
  return out;
}
