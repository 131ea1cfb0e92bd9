/**
 * A report whose figures all agree, written in phrasings the seeds do not use: importing and
 * auditing it must raise no error (a false alarm on an unseen report is the costliest bug).
 */
import { describe, expect, it } from 'vitest';
import { auditEvaluation } from '@jixiao/core';
import { importReport } from '../src/index.js';

const REPORT = [
  '某市市场监督管理局2023年度部门整体支出绩效自评报告',
  '',
  '一、部门基本情况',
  '（一）主要职能',
  '负责全市市场综合监督管理，统一登记市场主体，组织市场监管综合执法。',
  '（二）人员情况',
  '本单位核定编制50人，实有人数48人。',
  '二、部门预算及执行情况',
  '2023年度，本单位年初预算数为1,000.00万元，调整后预算数为1,200.00万元，全年执行数为1,188.00万元，预算执行率99%。',
  '全年支出合计1188万元，其中基本支出900万元，占全年支出的75.76%；项目支出288万元，占全年支出的24.24%。',
  '基本支出900万元，其中：人员经费700万元，公用经费200万元。',
  '预算调整的主要原因是年中追加了食品安全抽检经费200万元。',
  '三、绩效自评情况',
  ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].join('\t'),
  ['年度资金总额', '1,000.00', '1,200.00', '1,188.00', '10', '99%', '9.9'].join('\t'),
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].join('\t'),
  ['产出指标（50分）', '数量指标', '食品抽检批次', '≥3000批次', '3100批次', '20', '20', ''].join('\t'),
  ['', '质量指标', '抽检合格率', '≥95%', '97%', '15', '15', ''].join('\t'),
  ['', '时效指标', '投诉处理及时率', '≥98%', '96%', '15', '14', '年底集中投诉较多，下一步增加人手'].join('\t'),
  ['效益指标（30分）', '社会效益指标', '食品安全事故发生率', '≤1%', '0.5%', '30', '30', ''].join('\t'),
  ['满意度指标（10分）', '服务对象满意度指标', '群众满意度', '≥90%', '92%', '10', '10', ''].join('\t'),
  ['总分', '100', '', '', '', '', '98.9', ''].join('\t'),
  '',
  '四、评价结论',
  '经自评，本单位2023年度部门整体支出绩效自评得分98.9分，评价等级为优。评分标准：90分（含）以上为优，80（含）-90分为良，60（含）-80分为中，60分以下为差。',
  '全年共受理投诉举报1200件，已办结1176件，办结率98%。“三公”经费支出12万元，较上年减少2万元。',
  '五、存在的问题及改进措施',
  '（一）存在的问题',
  '部分抽检任务集中在下半年完成。',
  '（二）改进措施',
  '合理安排抽检进度。',
  '',
  '某市市场监督管理局',
  '2024年3月20日',
].join('\n');

describe('a consistent report in unseen phrasings', () => {
  it('imports every figure and audits without an error', async () => {
    const r = await importReport({ bytes: new TextEncoder().encode(REPORT), fileName: 'consistent.txt' });
    const ev = r.evaluation;
    expect(ev.unit.name).toBe('某市市场监督管理局');
    expect(ev.fiscalYear).toBe(2023);
    expect(ev.funds.total).toMatchObject({ initial: '1000.00', adjusted: '1200.00', executed: '1188.00' });
    expect(ev.funds.basic.executed).toBe('900');
    expect(ev.funds.personnel.executed).toBe('700');
    expect(ev.funds.adjustmentReason).toContain('追加');
    expect(ev.baseData?.staffing).toMatchObject({ authorized: 50, actual: 48 });
    expect(ev.totals).toMatchObject({ statedWeight: '100', statedScore: '98.9', statedGrade: '优' });
    expect(ev.dates.reportDate).toBe('2024-03-20');
    const kinds = ev.claims.map((c) => c.type).sort();
    expect(kinds).toEqual(expect.arrayContaining(['gradeBands', 'share', 'sum', 'yearComparison', 'figure']));
    const audit = auditEvaluation(ev);
    expect(audit.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
