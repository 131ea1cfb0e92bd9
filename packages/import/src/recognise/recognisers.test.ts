/** Each table recogniser on the smallest table of its kind: the header it claims, what it reads, what it says it could not. */
import { describe, expect, it } from 'vitest';
import { importLines } from '../import-text.js';

const read = (rows: string[][], notes: string[] = []) => importLines(rows.map((r) => r.join('\t')), 'x.txt', 'txt', notes).evaluation;

describe('table recognisers', () => {
  it('funds: a transfer form by level, with 到位数, 到位率 and a per-row 执行率', () => {
    const ev = read([
      ['转移支付（项目）名称', '乡村振兴衔接资金'],
      ['资金投入情况（万元）', '全年预算数（A）', '全年到位数（B）', '资金到位率（B/A）', '全年执行数（C）', '预算执行率（C/A）'],
      ['年度资金总额', '500', '500', '100%', '450', '90%'],
      ['其中：中央财政资金', '400', '400', '100%', '380', '95%'],
      ['省级财政资金', '100', '100', '100%', '70', '70%'],
    ]);
    expect(ev.kind).toBe('transfer');
    expect(ev.funds.total).toMatchObject({ adjusted: '500', arrived: '500', executed: '450' });
    expect(ev.budgetExecution).toMatchObject({ statedRate: '90', statedArrivalRate: '100' });
    expect(ev.funds.bySource.map((s) => [s.source, s.executed, s.statedRate])).toEqual([
      ['central', '380', '95'],
      ['provincial', '70', '70'],
    ]);
  });

  it('indicators: scores given once per 二级指标 belong to the level 2', () => {
    const ev = read([
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '培训场次', '≥10场', '12场', '20', '20'],
      ['', '', '培训人数', '≥500人', '520人', '', ''],
      ['', '质量指标', '合格率', '≥95%', '97%', '30', '30'],
    ]);
    const [quantity, quality] = ev.indicators[0]!.children;
    expect([quantity!.weight, quantity!.selfScore, quantity!.children.map((c) => c.weight)]).toEqual(['20', '20', [null, null]]);
    expect([quality!.weight, quality!.children[0]!.weight]).toEqual(['30', null]);
  });

  it('indicators: 指标性质 and 计量单位 in columns of their own make one target and actual with sign and unit', () => {
    const ev = read([
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '试剂数量', '≥', '2400', '份', '3200', '12', '12'],
      ['', '时效指标', '支付及时率', '≥', '95', '%', '93', '8', '7.83'],
      ['', '质量指标', '合规性', '定性', '严格执行', '', '严格执行', '10', '10'],
      ['', '成本指标', '成本控制', '≤', '100万元', '万元', '98.75万元', '8', '8'],
    ]);
    const leaves = ev.indicators[0]!.children.map((l2) => l2.children[0]!);
    expect(leaves.map((x) => [x.target, x.actual, x.sign, x.unitOfMeasure])).toEqual([
      ['≥2400份', '3200份', '>=', '份'],
      ['≥95%', '93%', '>=', '%'],
      ['严格执行', '严格执行', 'qualitative', null],
      ['≤100万元', '98.75万元', '<=', '万元'],
    ]);
  });

  it('a score table whose row labels were lost: the total row is the one whose weight is the sum above', () => {
    const ev = read([
      ['绩效等级'],
      ['20.00', '18.00', '良'],
      ['80.00', '71.50', '良'],
      ['100.00', '89.50', '良'],
    ]);
    expect(ev.totals).toMatchObject({ statedWeight: '100.00', statedScore: '89.50', statedGrade: '良' });
  });

  it('three-public table: budget and actual of each item and the total', () => {
    const ev = read([
      ['“三公”经费', '2023年预算数', '2023年决算数'],
      ['因公出国（境）费', '0', '0'],
      ['公务接待费', '2.5', '1.8'],
      ['合计', '2.5', '1.8'],
    ]);
    expect(ev.baseData?.threePublic.reception).toMatchObject({ budget: '2.5', actual: '1.8' });
    expect(ev.baseData?.threePublic.total).toMatchObject({ budget: '2.5', actual: '1.8' });
  });

  it('regional table of a transfer: the 合计 row is the total, the regions are noted as not kept', () => {
    const notes: string[] = [];
    const ev = read(
      [
        ['地区', '下达资金', '到位资金', '全年执行数', '执行率'],
        ['甲县', '60', '60', '50', '83.33%'],
        ['乙县', '40', '40', '40', '100%'],
        ['合计', '100', '100', '90', '90%'],
      ],
      notes,
    );
    expect(ev.funds.total).toMatchObject({ adjusted: '100', arrived: '100', executed: '90' });
    expect(ev.budgetExecution.statedRate).toBe('90');
    expect(notes.join('')).toContain('2 个地区');
  });

  it('goals: one row per goal while the title column stays merged', () => {
    const ev = read([
      ['年度总体目标', '预期目标', '实际完成情况'],
      ['', '完成道路养护30公里。', '完成31公里。'],
      ['', '群众满意度达到90%。', '满意度92%。'],
      ['绩效指标', '一级指标', '二级指标'],
    ]);
    expect(ev.goals.map((g) => [g.expected, g.achieved])).toEqual([
      ['完成道路养护30公里。', '完成31公里。'],
      ['群众满意度达到90%。', '满意度92%。'],
    ]);
  });
});
