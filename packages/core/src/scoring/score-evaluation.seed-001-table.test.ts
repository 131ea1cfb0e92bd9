import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreEvaluation } from './score-evaluation.js';
import { dec, formatDecimal } from '../decimal/decimal.js';

const leaf = (name: string, target: string, actual: string, weight: number, selfScore: number) => ({
  name,
  target,
  actual,
  weight,
  selfScore,
});

// Seed 001 (Hunan-style department table): headed 50/30/10 but leaves carry 85/10/5.
const seed001 = Evaluation.parse({
  kind: 'department',
  fiscalYear: 2023,
  profile: 'hunan',
  funds: { total: { initial: '263.38', adjusted: '276.7', executed: '276.7' } },
  budgetExecution: { weight: 10, selfScore: 10, statedRate: '100%' },
  indicators: [
    {
      name: '产出指标',
      weight: 50,
      children: [
        {
          name: '数量指标',
          children: [
            leaf('开展常规巡察', '≥3', '3', 10, 10),
            leaf('开展专项巡察', '≥1', '1', 10, 10),
            leaf('开展村（社区）巡察', '≥2', '2', 10, 10),
            leaf('开展巡察整改评估', '≥2', '4', 10, 10),
            leaf('组织巡察业务培训', '≥3', '4', 5, 5),
          ],
        },
        {
          name: '质量指标',
          children: [
            leaf('巡察信息化系统使用率', '≥95%', '95%', 5, 5),
            leaf('巡察工作流程完善率', '≥95%', '98%', 5, 5),
            leaf('优化贯通融合率', '≥95%', '100%', 5, 5),
          ],
        },
        {
          name: '时效指标',
          children: [
            leaf('巡察任务完成及时率', '≥95%', '100%', 10, 10),
            leaf('督办巡察移交事项及时率', '≥95%', '100%', 10, 10),
          ],
        },
        { name: '成本指标', children: [leaf('费用开支控制在预算内执行', '≤263.38', '265.45', 5, 4)] },
      ],
    },
    {
      name: '效益指标',
      weight: 30,
      children: [
        { name: '经济效益指标', children: [] },
        { name: '社会效益指标', children: [leaf('人民群众获得感、幸福感、安全感', '增强', '增强', 5, 5)] },
        { name: '生态效益指标', children: [] },
        { name: '可持续影响指标', children: [leaf('巡察单位工作作风', '有效增强', '有效增强', 5, 5)] },
      ],
    },
    {
      name: '满意度指标',
      weight: 10,
      children: [{ name: '服务对象满意度指标', children: [leaf('受益群众的满意度', '≥95%', '99%', 5, 5)] }],
    },
  ],
  totals: { statedWeight: '100', statedScore: 99 },
});

describe('scoreEvaluation on the seed 001 table (hunan profile)', () => {
  const r = scoreEvaluation(seed001, getProfile('hunan'));

  it('stamps the profile', () => {
    expect(r.profile.id).toBe('hunan');
    expect(r.profile.version).toBe(getProfile('hunan').version);
  });

  it('scores execution 10 × min(276.7 ÷ 276.7, 1) = 10', () => {
    expect(r.execution.computed!.toString()).toBe('10');
    expect(r.execution.explanation).toContain('10 × min(276.7 ÷ 276.7, 1) = 10');
  });

  it('scores the cost indicator ≤263.38 vs 265.45 as 5 × 263.38 ÷ 265.45 = 4.96', () => {
    const cost = r.indicators.find((x) => x.name === '费用开支控制在预算内执行')!;
    expect(cost.status).toBe('unmet');
    expect(cost.computed!.equals(dec(5).times('263.38').dividedBy('265.45'))).toBe(true);
    expect(formatDecimal(cost.computed!)).toBe('4.96');
    expect(cost.explanation).toContain('5 × 263.38 ÷ 265.45 = 4.96');
  });

  it('sums level-1 weights from the leaves and keeps the headed weights apart', () => {
    const [out, eff, sat] = r.level1;
    expect([out!.headedWeight!.toString(), out!.childWeightSum!.toString()]).toEqual(['50', '85']);
    expect([eff!.headedWeight!.toString(), eff!.childWeightSum!.toString()]).toEqual(['30', '10']);
    expect([sat!.headedWeight!.toString(), sat!.childWeightSum!.toString()]).toEqual(['10', '5']);
    expect(out!.explanation).toContain('不一致');
    expect(out!.statedChildSum!.toString()).toBe('84');
  });

  it('computes the total with execution: 10 + 84.96 + 10 + 5 out of 110', () => {
    expect(r.totalWeight.toString()).toBe('110');
    expect(formatDecimal(r.computedTotal!)).toBe('109.96');
    expect(formatDecimal(r.computedIndicatorTotal!)).toBe('99.96');
    expect(r.statedTotal!.toString()).toBe('99');
  });

  it('does not grade 109.96 out of 110: 无法定级 with the reason', () => {
    expect(r.computedGrade).toBeNull();
    expect(r.gradeBlockers).toEqual(['各项分值合计 110 分，不等于规则总分 100 分']);
    expect(r.ungradableReason).toBe('无法定级：各项分值合计 110 分，不等于规则总分 100 分');
    expect(r.explanation.at(-2)).toBe(r.ungradableReason);
  });

  it('names the sources of the knobs it used, verified ones (the form) apart from defaults', () => {
    const byKnob = new Map(r.basis.map((b) => [b.knob, b]));
    expect(byKnob.get('weights.level1.department')?.verified).toBe(true);
    expect(byKnob.get('reverse.formula')?.verified).toBe(false);
    expect(byKnob.get('grades')?.document?.number).toBe('财预〔2020〕10号');
    expect(r.indicators.find((x) => x.name === '费用开支控制在预算内执行')!.knobs).toEqual(['reverse.formula']);
  });

  it('scores the qualitative 增强 rows at the top of the achieved band', () => {
    const q = r.indicators.filter((x) => x.status === 'qualitative');
    expect(q).toHaveLength(2);
    for (const x of q) {
      expect(x.computedRange!.min.toString()).toBe('4');
      expect(x.computedRange!.max.toString()).toBe('5');
    }
  });
});
