/**
 * One figure, many ways of writing it: the budget, what was spent, what arrived, the stated
 * execution rate, the total score and the grade, each in sentences written for this table in
 * the phrasings units use (not copied from the seeds or the corpus), every one imported and
 * read back. A change to a reader that fits one phrasing and loses another fails here, row by
 * row. Rows marked "not" are sentences whose number is some other figure (an item's spending,
 * a part, a weight): the figure must stay unread.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { importReport } from '../src/index.js';

const DEPARTMENT = '某县教育局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n';
const PROJECT = '2023年度农村公路养护项目支出绩效自评报告\n一、项目基本情况\n';

type Figure = (e: Evaluation) => string | null;
const initial: Figure = (e) => e.funds.total.initial;
const adjusted: Figure = (e) => e.funds.total.adjusted;
const executed: Figure = (e) => e.funds.total.executed;
const arrived: Figure = (e) => e.funds.total.arrived;
const arrivalRate: Figure = (e) => e.budgetExecution.statedArrivalRate;
const rate: Figure = (e) => e.budgetExecution.statedRate;
const score: Figure = (e) => e.totals.statedScore;
const grade: Figure = (e) => e.totals.statedGrade;

/** [head, sentence, { figure: expected value, or null for "not this figure" }] */
const ROWS: Array<[string, string, Array<[string, Figure, string | null]>]> = [
  [DEPARTMENT, '2023年度，我局调整后预算数为276.7万元，全年执行数为270.1万元，预算执行率97.6%。', [['adjusted', adjusted, '276.7'], ['executed', executed, '270.1'], ['rate', rate, '97.6']]],
  [DEPARTMENT, '2023年度，本局全年预算数为276.7万元，执行数为270.1万元。', [['adjusted', adjusted, '276.7'], ['executed', executed, '270.1']]],
  [DEPARTMENT, '2023年本单位调整后预算为276.7万元，实际支出270.1万元。', [['adjusted', adjusted, '276.7'], ['executed', executed, '270.1']]],
  [DEPARTMENT, '本单位2023年度全年预算数为500万元，全年支出480万元。', [['adjusted', adjusted, '500'], ['executed', executed, '480']]],
  [DEPARTMENT, '年初预算安排资金500万元，年中追加20万元，全年预算520万元，实际支出510万元，预算执行率98.08%。', [['initial', initial, '500'], ['adjusted', adjusted, '520'], ['executed', executed, '510'], ['rate', rate, '98.08']]],
  [DEPARTMENT, '2023年度预算总额为500万元，已支出480万元，执行率96%。', [['initial', initial, '500'], ['executed', executed, '480'], ['rate', rate, '96']]],
  [DEPARTMENT, '全年共支出资金480万元，资金执行率为96%。', [['executed', executed, '480'], ['rate', rate, '96']]],
  [DEPARTMENT, '我所年初预算为100万元，执行数98万元。', [['initial', initial, '100'], ['executed', executed, '98']]],
  [DEPARTMENT, '我院年初预算数为1,200万元，调整后预算数为1,350万元。', [['initial', initial, '1200'], ['adjusted', adjusted, '1350']]],
  [DEPARTMENT, '本局2023年度决算支出480万元，其中基本支出300万元，项目支出180万元。', [['executed', executed, '480']]],
  [DEPARTMENT, '2023年度本部门决算数480万元，预算执行率96%。', [['executed', executed, '480'], ['rate', rate, '96']]],
  [DEPARTMENT, '部门整体预算执行率为96.00%，较上年提高2个百分点。', [['rate', rate, '96.00']]],
  [DEPARTMENT, '1、收入：650万元。\n2、支出：640.5万元。其中：人员经费支出400万元，公用经费支出60.5万元，项目支出180万元。', [['executed', executed, '640.5']]],
  [DEPARTMENT, '（2）支出：640.5万元，其中基本支出460.5万元。', [['executed', executed, '640.5']]],
  [DEPARTMENT, '2、培训支出：12万元。', [['executed', executed, null]]],
  [DEPARTMENT, '年初预算数：300万元；调整后预算数：320万元；执行数：310万元。', [['initial', initial, '300'], ['adjusted', adjusted, '320'], ['executed', executed, '310']]],
  [DEPARTMENT, '2023 年度部门整体支出年初预算 300 万元，全年预算数 320 万元，实际支出 310 万元。', [['initial', initial, '300'], ['adjusted', adjusted, '320'], ['executed', executed, '310']]],
  [DEPARTMENT, '本年部门预算资金共计300万元，实际支出290万元。', [['initial', initial, '300'], ['executed', executed, '290']]],
  [DEPARTMENT, '经综合评价，本部门整体支出绩效自评得分为 91 分，等级“良”。', [['score', score, '91'], ['grade', grade, '良']]],
  [DEPARTMENT, '其中：培训费：3万元，印刷费：1.5万元。', [['executed', executed, null], ['initial', initial, null]]],
  [DEPARTMENT, '本年度预算批复数300万元，调整预算数320万元，决算数310万元。', [['initial', initial, '300'], ['adjusted', adjusted, '320'], ['executed', executed, '310']]],
  [DEPARTMENT, '2023年本局收入预算总额305万元，支出预算总额300万元。', [['initial', initial, '300']]],
  [DEPARTMENT, '年初预算300万元（其中基本支出200万元，项目支出100万元），全年支出310万元。', [['initial', initial, '300'], ['executed', executed, '310']]],
  [DEPARTMENT, '自评结果：91分，等级：良。', [['score', score, '91'], ['grade', grade, '良']]],
  [DEPARTMENT, '本年度部门预算1.2亿元，实际支出1.15亿元。', [['initial', initial, '12000'], ['executed', executed, '11500']]],
  [DEPARTMENT, '经综合评定，等次为“优秀”。', [['grade', grade, '优秀']]],
  [DEPARTMENT, '年初预算300万元，全年执行290万元，执行率96.67%。', [['initial', initial, '300'], ['executed', executed, '290'], ['rate', rate, '96.67']]],
  [DEPARTMENT, '自评等次：良。', [['grade', grade, '良']]],
  [DEPARTMENT, '评定结果为良好等级。', [['grade', grade, '良好']]],
  [DEPARTMENT, '本次评价得分86.5分，评价等级为“良”。', [['score', score, '86.5'], ['grade', grade, '良']]],
  [DEPARTMENT, '群众满意度评价得分95分。', [['score', score, null]]],
  [DEPARTMENT, '2023年度，培训费实际支出2万元，印刷费执行数1.5万元。', [['executed', executed, null]]],
  [DEPARTMENT, '2023年度预算总额为500万元，其中培训费支出12万元。', [['initial', initial, '500'], ['executed', executed, null]]],
  [DEPARTMENT, '经自评，本部门2023年度整体支出绩效自评得分为92.5分，评价等级为“优”。', [['score', score, '92.5'], ['grade', grade, '优']]],
  [DEPARTMENT, '综合评分92.5分，自评等级为优秀。', [['score', score, '92.5'], ['grade', grade, '优秀']]],
  [DEPARTMENT, '自评结果：得分92.5分，等级：优。', [['score', score, '92.5'], ['grade', grade, '优']]],
  [DEPARTMENT, '本次自评总分为92.5分，自评结论为“良”。', [['score', score, '92.5'], ['grade', grade, '良']]],
  [DEPARTMENT, '自评得分：92.5，绩效等级：良好。', [['score', score, '92.5'], ['grade', grade, '良好']]],
  [DEPARTMENT, '主管部门 某某处室 自评总分（分） 95.5', [['score', score, '95.5']]],
  [DEPARTMENT, '部门整体绩效自评表主管部门某某处室自评总分(分)95.5部门联系人张三', [['score', score, '95.5']]],
  [DEPARTMENT, '产出指标自评得分40分，效益指标自评得分30分。', [['score', score, null]]],
  [DEPARTMENT, '指标体系总分100分，其中产出指标50分。', [['score', score, null]]],
  [PROJECT, '该项目年初预算300万元，全年预算数300万元，实际到位资金280万元，实际支出270万元，预算执行率90%。', [['initial', initial, '300'], ['adjusted', adjusted, '300'], ['arrived', arrived, '280'], ['executed', executed, '270'], ['rate', rate, '90']]],
  [PROJECT, '项目资金共计300万元，其中中央资金200万元，省级资金100万元；截至2023年12月31日，已支出285万元，支出率95%。', [['adjusted', adjusted, '300'], ['executed', executed, '285'], ['rate', rate, '95']]],
  [PROJECT, '本项目下达资金300万元，资金到位率100%，资金使用率95%。', [['adjusted', adjusted, '300'], ['rate', rate, '95']]],
  [PROJECT, '2023年，该项目预算安排300万元，实际支付285万元。', [['adjusted', adjusted, '300'], ['executed', executed, '285']]],
  [PROJECT, '项目资金300万元已全部到位，到位率100%。截至年底实际支出285万元，支出进度95%。', [['adjusted', adjusted, '300'], ['arrived', arrived, '300'], ['arrivalRate', arrivalRate, '100'], ['executed', executed, '285'], ['rate', rate, '95']]],
  [PROJECT, '本项目计划投资300万元，实际完成投资285万元，投资完成率95%。', [['adjusted', adjusted, '300'], ['executed', executed, '285'], ['rate', rate, '95']]],
  [PROJECT, '其中中央到位资金200万元。', [['arrived', arrived, null]]],
  [PROJECT, '2023年度上年结转资金2万元，2023年中央下达水利发展专项转移支付预算资金30万元，下达我局补助资金15万元。', [['adjusted', adjusted, '30']]],
  [PROJECT, '该项目绩效自评综合得分为90分，绩效评价等级为“优”。', [['score', score, '90'], ['grade', grade, '优']]],
];

describe('one figure, many phrasings', () => {
  for (const [head, sentence, expected] of ROWS) {
    it(`${sentence} → ${expected.map(([name, , v]) => `${name} ${v ?? '未读'}`).join('，')}`, async () => {
      const ev = (await importReport({ bytes: new TextEncoder().encode(`${head}${sentence}\n`), fileName: 'x.txt' })).evaluation;
      expect(ev.kind).toBe(head === PROJECT ? 'project' : 'department');
      expect(Object.fromEntries(expected.map(([name, figure]) => [name, figure(ev)]))).toEqual(Object.fromEntries(expected.map(([name, , v]) => [name, v])));
    });
  }
});
