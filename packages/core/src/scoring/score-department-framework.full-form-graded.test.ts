/**
 * A unit's 投入 / 过程 / 产出 / 效果 form scored end to end: base-data lines recomputed by the
 * scheme's tables (the stated 5 for 三公经费变动率 becomes 1.77), judgement lines taken as the unit
 * scored them, the department's own 产出 / 效果 indicators scored by their targets.
 */
import { describe, expect, it } from 'vitest';
import { auditEvaluation } from '../audit/audit-evaluation.js';
import { formatDecimal } from '../decimal/decimal.js';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreEvaluation } from './score-evaluation.js';

const l = (name: string, weight: number, selfScore: number, extra: Record<string, unknown> = {}) => ({ name, weight, selfScore, ...extra });
const evaluation = Evaluation.parse({
  kind: 'department',
  fiscalYear: 2023,
  profile: 'yueyang-department',
  funds: { total: { initial: '263.38', adjusted: '276.7', executed: '276.7' } },
  baseData: {
    staffing: { authorized: 12, actual: 11 },
    threePublic: { total: { priorActual: '0.31', budget: '0.33', actual: '0.33' } },
    fixedAssets: { total: '9.78', inUse: '9.78' },
  },
  indicators: [
    { name: '投入', weight: 15, children: [{ name: '预算配置', children: [l('财政供养人员控制率', 5, 5), l('“三公经费”变动率', 5, 5), l('重点支出安排率', 5, 5)] }] },
    {
      name: '过程',
      weight: 40,
      children: [
        { name: '预算执行', children: [l('预算调整率', 3, 2), l('支付进度', 3, 3), l('资金结余', 3, 2), l('“三公经费”控制率', 6, 6)] },
        { name: '预算管理', children: [l('管理制度健全性', 3, 3), l('资金使用合规性', 3, 3), l('预决算信息公开性和完善性', 9, 9)] },
        { name: '资产管理', children: [l('管理制度健全性', 3, 3), l('资产管理安全性', 3, 3), l('固定资产利用率', 4, 4)] },
      ],
    },
    { name: '产出', weight: 25, children: [{ name: '职责履行', children: [l('巡察任务完成率', 25, 25, { target: '≥95%', actual: '100%' })] }] },
    { name: '效果', weight: 20, children: [{ name: '履职效益', children: [l('社会公众满意度', 20, 20, { target: '≥90%', actual: '95%' })] }] },
  ],
  totals: { statedScore: 99, statedGrade: '优' },
});
const r = scoreEvaluation(evaluation, getProfile('yueyang-department'));

describe('department framework: a complete 投入 / 过程 / 产出 / 效果 form', () => {
  it('recomputes the base-data lines and takes the judgement lines as stated', () => {
    const got = Object.fromEntries(r.indicators.map((x) => [`${x.level2} ${x.name}`, formatDecimal(x.computed ?? x.stated!)]));
    expect(got).toMatchObject({
      '预算配置 财政供养人员控制率': '5',
      '预算配置 “三公经费”变动率': '1.77',
      '预算配置 重点支出安排率': '5',
      '预算执行 预算调整率': '2',
      '预算执行 资金结余': '2',
      '资产管理 管理制度健全性': '3',
      '资产管理 固定资产利用率': '4',
      '职责履行 巡察任务完成率': '25',
    });
  });
  it('adds 100 points of weight to 94.77 and grades it 优', () => {
    expect(r.totalWeight.toString()).toBe('100');
    expect(formatDecimal(r.computedTotal!)).toBe('94.77');
    expect(r.computedGrade).toBe('优');
    expect(r.ungradableReason).toBeNull();
  });
  it('explains every line', () => {
    for (const x of r.indicators) expect(x.explanation.length, x.name).toBeGreaterThan(10);
    expect(r.explanation).toContain('总分 = 投入 11.77 + 过程 38 + 产出 25 + 效果 20 = 94.77');
  });
  it('the auditor flags the stated 5 for 三公经费变动率 against the scheme’s 1.77', () => {
    const f = auditEvaluation(evaluation).findings.find((x) => x.rule === 'self-score-within-formula' && x.location.label?.includes('变动率'));
    expect(f).toMatchObject({ reported: '5', expected: '1.77' });
  });
});
