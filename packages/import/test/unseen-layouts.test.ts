/**
 * Texts written for these tests, in layouts and phrasings neither the seeds nor the corpus
 * have, so that a fix for the corpus that only fits the corpus shows here. Each is read for
 * its figures, and audited: no error where the figures agree, the finding where they do not.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { auditEvaluation, type Evaluation } from '@jixiao/core';
import { importReport, type ImportResult } from '../src/index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const read = (text: string, name = 'x.txt'): Promise<ImportResult> => importReport({ bytes: enc(text), fileName: name });
/** Errors about numbers (a missing table, score or grade in a short text is a completeness error, not one). */
const errors = (ev: Evaluation) =>
  auditEvaluation(ev).findings.filter((f) => f.severity === 'error' && f.category !== 'completeness').map((f) => `${f.rule}: ${f.message}`);
const warnings = (ev: Evaluation) => auditEvaluation(ev).findings.filter((f) => f.severity === 'warning').map((f) => f.rule);

describe('funds tables whose layout was lost', () => {
  it('cells run together under titles without column letters', async () => {
    const r = await read(
      ['某县水利局2022年度项目支出绩效自评表', '项目名称：农村饮水安全维修养护', '全年预算数全年执行数执行率', '年度资金总额：1209075%', '其中：本年财政拨款1209075%', '上年结转资金'].join('\n'),
    );
    const ev = r.evaluation;
    expect(ev.kind).toBe('project');
    expect(ev.funds.total).toMatchObject({ adjusted: '120', executed: '90' });
    expect(ev.budgetExecution.statedRate).toBe('75');
    expect(ev.funds.bySource.map((s) => [s.source, s.adjusted, s.executed])).toEqual([['current_appropriation', '120', '90']]);
  });

  it("a department's funds table whose total row is named for the department (部门预算总额, 单位整体支出), its nature rows below", async () => {
    for (const total of ['部门预算总额', '单位整体支出', '支出合计']) {
      const r = await read(
        ['某市林业局2023年度部门整体支出绩效自评表', `预算执行情况（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分`, `${total}\t900\t960\t930\t10\t96.88%\t9.69`, '其中：基本支出\t600\t620\t615\t—\t—\t—', '项目支出\t300\t340\t315\t—\t—\t—'].join('\n'),
      );
      const ev = r.evaluation;
      expect([total, ev.funds.total.initial, ev.funds.total.adjusted, ev.funds.total.executed, ev.budgetExecution.selfScore]).toEqual([total, '900', '960', '930', '9.69']);
      expect([ev.funds.basic.executed, ev.funds.project.executed]).toEqual(['615', '315']);
    }
  });

  it('其中 rows under other names of a source (财政资金, 单位资金, 本级安排) and under names of no known source (上级补助, 乡镇配套): every row kept, so the split adds up and no false sum error', async () => {
    const head = ['2023年度某县小型水库维修养护项目支出绩效自评表', '项目名称：小型水库维修养护', '项目资金（万元）\t年初预算数\t全年预算数\t全年执行数', '年度资金总额\t260\t300\t290'];
    const cases: Array<[string[], Array<[string, string | null, string | null]>]> = [
      [['其中：财政资金\t240\t280\t270', '财政专户管理资金\t0\t0\t0', '单位资金\t20\t20\t20', '其他资金\t0\t0\t0'], [['current_appropriation', '财政资金', '280'], ['special_account_nontax', '财政专户管理资金', '0'], ['self_raised', '单位资金', '20'], ['other', '其他资金', '0']]],
      [['其中：上级补助\t200\t220\t215', '本级安排\t60\t80\t75'], [['other', '上级补助', '220'], ['county', '本级安排', '80']]],
      [['其中：中央补助资金\t150\t150\t150', '省级补助资金\t60\t80\t75', '乡镇配套\t50\t70\t65', '其他资金\t0\t0\t0'], [['central', '中央补助资金', '150'], ['provincial', '省级补助资金', '80'], ['other', '乡镇配套', '70'], ['other', '其他资金', '0']]],
    ];
    for (const [rows, expected] of cases) {
      const r = await read([...head, ...rows].join('\n'));
      expect(r.evaluation.funds.bySource.map((x) => [x.source, x.label, x.adjusted])).toEqual(expected);
      expect(errors(r.evaluation)).toEqual([]);
    }
    const named = await read([...head, '其中：上级补助\t200\t220\t215', '本级安排\t60\t80\t75'].join('\n'));
    expect(named.notes.some((n) => n.includes('上级补助') && n.includes('其他'))).toBe(true);
  });

  it('the classes of projects since 2022 (人员类/运转类/特定目标类项目) are not guessed into 人员经费/公用经费/项目支出: left unread, each with a note', async () => {
    const r = await read(['某县司法局2023年度部门整体支出绩效自评表', '预算执行情况（万元）\t年初预算数\t全年预算数\t全年执行数', '部门预算总额\t900\t960\t930', '其中：人员类项目\t500\t520\t515', '运转类项目\t100\t110\t105', '特定目标类项目\t300\t330\t310'].join('\n'));
    const f = r.evaluation.funds;
    expect([f.total.executed, f.personnel.executed, f.operating.executed, f.project.executed, f.bySource.length]).toEqual(['930', null, null, null, 0]);
    expect(r.notes.filter((n) => /人员类项目|运转类项目|特定目标类项目/.test(n) && n.includes('未读取'))).toHaveLength(3);
  });

  it('a row of the funds block that is not a part of the total (结余, 到位) is not taken for a source', async () => {
    const r = await read(['2023年度某县小型水库维修养护项目支出绩效自评表', '项目资金（万元）\t年初预算数\t全年预算数\t全年执行数', '年度资金总额\t260\t300\t290', '其中：本年财政拨款\t260\t300\t290', '结余资金\t0\t10\t10'].join('\n'));
    expect(r.evaluation.funds.bySource.map((x) => x.source)).toEqual(['current_appropriation']);
  });

  it('a table flattened into one line of PDF text, labels before their numbers', async () => {
    const line = '项目资金 年初预算数 全年预算数 全年执行数 执行率 年度资金总额 80 100 95 95% 其中：本年财政拨款 80 100 95 95% 上年结转资金 0 0 0 0%';
    const ev = (await read(['某镇2023年度项目支出绩效自评表', line, '自评得分：96'].join('\n'))).evaluation;
    expect(ev.funds.total).toMatchObject({ initial: '80', adjusted: '100', executed: '95' });
    expect(ev.budgetExecution.statedRate).toBe('95');
    expect(ev.totals.statedScore).toBe('96');
    expect(errors(ev)).toEqual([]);
  });

  it('a header printed one cell per line, rows wrapped over two lines with a row number first', async () => {
    const text = [
      '某区2023年度中央转移支付资金绩效自评表',
      '资金投入情况（万元）',
      '行次 全年预算数',
      '（A）',
      '全年到位数',
      '（B）',
      '到位率',
      '全年执行数',
      '（C）',
      '执行率',
      '年度资金总额： 1 60.000000',
      '60.000000 100.00% 45.000000 75.00%',
      '其中：中央财政资金 2 60.000000',
      '60.000000 100.00% 45.000000 75.00%',
    ].join('\n');
    const ev = (await read(text)).evaluation;
    expect(ev.kind).toBe('transfer');
    expect(ev.funds.total).toMatchObject({ adjusted: '60.000000', arrived: '60.000000', executed: '45.000000' });
    expect(ev.budgetExecution).toMatchObject({ statedRate: '75.00', statedArrivalRate: '100.00' });
    expect(errors(ev)).toEqual([]);
  });

  it('a project form copied from a PDF one cell a line: the header block as label and value lines, the weight printed and the score left blank', async () => {
    const text = [
      '部门预算项目支出绩效自评表（2023年度）',
      '项目名称',
      '51000023R000000012345-乡镇污水站运行维护',
      '主管部门',
      '某县住房和城乡建设局',
      '实施单位（盖章）',
      '某县排水管理所',
      '年度预算数（万元）',
      '年初预算',
      '调整后预算数',
      '预算执行数',
      '预算执行率',
      '权重',
      '得分',
      '原因',
      '总额',
      '120.00',
      '132.50',
      '126.00',
      '95.09%',
      '10',
    ].join('\n');
    const ev = (await read(text)).evaluation;
    expect(ev.kind).toBe('project');
    expect(ev.project).toMatchObject({ name: '乡镇污水站运行维护', code: '51000023R000000012345', implementingUnit: '某县排水管理所' });
    expect(ev.supervisingDepartment).toBe('某县住房和城乡建设局');
    expect(ev.funds.total).toMatchObject({ initial: '120.00', adjusted: '132.50', executed: '126.00' });
    // 10 is the weight the form prints; the unit wrote no score
    expect(ev.budgetExecution).toMatchObject({ weight: '10', selfScore: null, statedRate: '95.09' });
    expect(errors(ev)).toEqual([]);
  });

  it('a form saved from a web page one cell a line, with blank lines between and the column titles wrapped in their cells', async () => {
    const cells = ['项目支出绩效自评表', '（2023年度）', '项目名称', '城区供水管网改造', '主管部门', '某市住房和城乡建设局', '实施单位', '某市供水服务中心', '项目资金', '（万元）', '年初', '预算数', '全年', '预算数', '全年', '执行数', '分值', '执行率', '得分', '年度资金总额', '80', '90', '81', '10', '90%', '9', '其中：当年财政拨款', '80', '90', '81'];
    const ev = (await read(cells.join('\n\n'))).evaluation;
    expect(ev.project).toMatchObject({ name: '城区供水管网改造', implementingUnit: '某市供水服务中心' });
    expect(ev.funds.total).toMatchObject({ initial: '80', adjusted: '90', executed: '81' });
    expect(ev.budgetExecution).toMatchObject({ weight: '10', statedRate: '90', selfScore: '9' });
    expect(errors(ev)).toEqual([]);
  });

  it('an indicator table one cell a line: rows rebuilt from level names, leaves and their values; a template line skipped; a leaf with a dropped cell left out with a note', async () => {
    const cells = [
      '项目支出绩效自评表', '项目名称', '城区供水管网改造', '实施单位', '某市供水服务中心',
      '一级指标', '二级指标', '三级指标', '年度', '指标值', '实际', '完成值', '分值', '得分', '偏差原因分析及改进措施',
      '产出指标', '数量指标', '改造管网长度', '≥12公里', '12.5公里', '20', '20',
      '指标2', '……',
      '质量指标', '工程验收合格率', '100%', '100%', '20', '18', '一处接口返工，已整改。',
      '时效指标', '按期完工率', '100%', '95%', '10',
      '效益指标', '社会效益', '指标', '居民用水保障程度', '明显提高', '明显提高', '30', '30',
      '满意度指标', '服务对象满意度指标', '用户满意度', '≥90%', '93%', '10', '10',
      '合计', '90', '78',
      '评价结论', '项目按计划实施，达到预期效果。', '项目负责人：王明', '填报日期：2024年3月5日',
    ];
    const r = await read(cells.join('\n\n'));
    const ev = r.evaluation;
    const leaves = ev.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.children.map((x) => [l1.name, l2.name, x.name, x.target, x.actual, x.weight, x.selfScore])));
    expect(leaves).toEqual([
      ['产出指标', '数量指标', '改造管网长度', '≥12公里', '12.5公里', '20', '20'],
      ['产出指标', '质量指标', '工程验收合格率', '100%', '100%', '20', '18'],
      ['效益指标', '社会效益指标', '居民用水保障程度', '明显提高', '明显提高', '30', '30'],
      ['满意度指标', '服务对象满意度指标', '用户满意度', '≥90%', '93%', '10', '10'],
    ]);
    expect(ev.indicators[0]!.children[1]!.children[0]!.deviationReason).toBe('一处接口返工，已整改。');
    // 按期完工率 printed its weight and no score: one cell fewer than the header, so it is not guessed…
    expect(r.notes.join('\n')).toContain('指标“按期完工率”一行的数值与表头对不上');
    // …and the table's sums are not held against the rows read (no error for the 10 points unread)
    expect(ev.source?.incomplete).toEqual({ reason: 'rows_unread', cutIn: 'indicators' });
    expect(ev.totals).toMatchObject({ statedWeight: '90', statedScore: '78' });
    expect(errors(ev)).toEqual([]);
  });

  it('a web page with one blank line between cells: an empty cell is told by two more blank lines, so a row with no score is still read', async () => {
    const cells = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '产出指标', '数量指标', '维修校舍面积', '≥800平方米', '850平方米', '40', '40', ' ', '质量指标', '验收合格率', '100%', '100%', '30', ' ', ' ', '满意度指标', '服务对象满意度指标', '师生满意度', '≥90%', '95%', '20', '20', ' ', '项目负责人：李华'];
    const r = await read(['2023年度校舍维修项目绩效自评表', ...cells].join('\n\n'));
    const leaves = r.evaluation.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.children.map((x) => [x.name, x.weight, x.selfScore])));
    expect(leaves).toEqual([['维修校舍面积', '40', '40'], ['验收合格率', '30', null], ['师生满意度', '20', '20']]);
    expect(r.notes.join('\n')).not.toContain('对不上');
  });

  it('one cell a line, the total row with its weight printed and no score: the weight is not read as the score', async () => {
    const cells = ['一级指标', '二级指标', '三级指标', '指标值', '完成值', '分值', '得分', '产出指标', '数量指标', '培训人次', '≥200人次', '230人次', '50', '50', '效益指标', '社会效益指标', '群众知晓率', '≥90%', '95%', '50', '48', '合计', '100', '项目负责人：李华'];
    const ev = (await read(['2023年度农民技能培训项目绩效自评表', ...cells].join('\n'))).evaluation;
    expect(ev.indicators.map((l) => l.name)).toEqual(['产出指标', '效益指标']);
    expect(ev.totals).toMatchObject({ statedWeight: '100', statedScore: null });
  });

  it('a column title under 项目名称 is not a project name (a list of projects printed one cell a line)', async () => {
    const ev = (await read(['某县教育局2023年度部门整体支出绩效自评报告', '序号', '项目名称', '预算数', '执行数', '1', '校舍维修', '120', '118'].join('\n'))).evaluation;
    expect(ev.project).toBeNull();
  });

  it('a page saved one cell a line with a bar after each cell and a bar alone for an empty one: every cell stays in its column', async () => {
    const cells = [
      '项目支出绩效自评表（2023年度）', '项目名称', '社区养老服务补助', '实施单位（盖章）', '某区民政局',
      '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因',
      '总额', '50.00', '50.00', '48.00', '96.00%', '10', '9.6', '',
      '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析',
      '产出指标', '数量指标', '服务老人人数', '≥', '300', '人', '320', '50', '50', '',
      '效益指标', '社会效益指标', '老人满意度', '≥', '90', '%', '', '40', '', '',
      '合计', '100', '', '',
    ];
    const r = await read(cells.map((c) => (c === '' ? '|' : `${c} |`)).join('\n'));
    const ev = r.evaluation;
    expect(r.notes.join('\n')).toContain('一格一行、以“|”分隔');
    expect(ev.project).toMatchObject({ name: '社区养老服务补助', implementingUnit: '某区民政局' });
    expect(ev.funds.total).toMatchObject({ initial: '50.00', adjusted: '50.00', executed: '48.00' });
    expect(ev.budgetExecution).toMatchObject({ weight: '10', selfScore: '9.6', statedRate: '96.00' });
    const leaves = ev.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.children.map((x) => [x.name, x.actual, x.weight, x.selfScore])));
    // the empty 完成值 and 得分 of 老人满意度 stay empty: its 40 is the weight
    expect(leaves).toEqual([['服务老人人数', '320人', '50', '50'], ['老人满意度', null, '40', null]]);
    expect(ev.totals).toMatchObject({ statedWeight: '100', statedScore: null });
  });

  it('a whole form run together in one line, as a document site gives a .docx: the funds table found inside it', async () => {
    const text =
      '1、2023年度县级专项资金绩效目标自评表专项资金名称乡村公路养护负责人及电话张三县级主管部门某县交通运输局项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额120.5110.892%其中:中央、省、市补助县级资金120.5110.892%其他资金年度总体目标年初设定目标全年实际完成情况完成乡村公路养护任务';
    const ev = (await read(text)).evaluation;
    expect(ev.funds.total).toMatchObject({ adjusted: '120.5', executed: '110.8' });
    expect(ev.budgetExecution.statedRate).toBe('92');
    expect(errors(ev)).toEqual([]);
  });

  it('a masked amount is unknown, never zero', async () => {
    const ev = (
      await read(['某局2023年度项目支出绩效自评表', ['项目资金', '年初预算数', '全年预算数', '全年执行数'].join('\t'), ['年度资金总额', '****', '50', '40'].join('\t')].join('\n'))
    ).evaluation;
    expect(ev.funds.total).toMatchObject({ initial: null, adjusted: '50', executed: '40' });
  });
});

describe('indicator tables headed in other words', () => {
  it('指标类别 as the level-1 column and 指标内容 as the indicator: every row read with its weight and score', async () => {
    const head = '某县民政局2023年度临时救助项目支出绩效自评表\n项目名称：临时救助资金\n';
    const rows = ['产出指标\t救助人次\t≥300人次\t310人次\t40\t40', '效益指标\t救助及时率\t≥95%\t97%\t30\t30', '满意度指标\t受助群众满意度\t≥90%\t86%\t20\t19'];
    for (const header of ['指标类别\t指标名称\t目标值\t完成值\t权重\t自评得分', '指标类型\t指标内容\t年度指标值\t实际完成值\t分值\t得分']) {
      const ev = (await read(head + [header, ...rows].join('\n'))).evaluation;
      expect(ev.indicators.map((l) => l.name)).toEqual(['产出指标', '效益指标', '满意度指标']);
      const leaves = ev.indicators.flatMap((l) => l.children.flatMap((c) => c.children));
      expect(leaves.map((x) => [x.name, x.weight, x.selfScore])).toEqual([['救助人次', '40', '40'], ['救助及时率', '30', '30'], ['受助群众满意度', '20', '19']]);
    }
  });
});

describe('a department form with its level names on every row', () => {
  const text = [
    '某市体育局2023年度部门整体支出绩效自评表',
    '一级指标\t二级指标\t三级指标\t分值\t评分标准\t自评得分\t扣分原因',
    '投入\t预算编制\t预算编制科学性\t10\t依据充分得10分\t10\t',
    '投入\t预算编制\t绩效目标合理性\t10\t目标量化得10分\t8\t两项指标未量化',
    '产出\t职责履行\t重点工作完成率\t50\t完成率×分值\t50\t',
    '效果\t履职效益\t群众参与人次\t30\t按实现程度\t27\t',
    '合计\t\t\t100\t\t95\t',
  ].join('\n');

  it('a level-2 name repeated on each row of its group is one group, not one per row', async () => {
    const ev = (await read(text)).evaluation;
    expect(ev.indicators.map((l) => [l.name, l.children.map((c) => [c.name, c.children.length])])).toEqual([
      ['投入', [['预算编制', 2]]],
      ['产出', [['职责履行', 1]]],
      ['效果', [['履职效益', 1]]],
    ]);
  });

  it('扣分原因 is the reason column (not a column of points deducted): a reason given is no finding, one missing is', async () => {
    const ev = (await read(text)).evaluation;
    const leaves = ev.indicators.flatMap((l) => l.children.flatMap((c) => c.children));
    expect(leaves.find((x) => x.name === '绩效目标合理性')?.deviationReason).toBe('两项指标未量化');
    const missing = auditEvaluation(ev).findings.filter((f) => f.rule === 'deviation-reason-present').map((f) => f.location.label);
    expect(missing.some((l) => l?.includes('群众参与人次'))).toBe(true);
    expect(missing.some((l) => l?.includes('绩效目标合理性'))).toBe(false);
  });
});

describe('a form whose cells a PDF text layer separated by runs of spaces', () => {
  it('a row that ends in its deviation reason after the weight and score is a row of the table, not prose', async () => {
    const text = [
      '2023年度某县农村公厕管护项目支出绩效自评表',
      '项目名称：农村公厕管护',
      '一级指标   二级指标   三级指标   年度指标值   实际完成值   分值   得分   偏差原因分析及改进措施',
      '产出指标   数量指标   管护公厕数量   ≥200座   210座   40   40',
      '产出指标   时效指标   维修及时率   100%   90%   20   18   配件 采购周期长',
      '效益指标   社会效益指标   如厕环境改善   明显改善   明显改善   20   20',
      '满意度指标   服务对象满意度指标   群众满意度   ≥90%   93%   10   10',
      '总分   90   88',
    ].join('\n');
    const ev = (await read(text)).evaluation;
    const leaves = ev.indicators.flatMap((l) => l.children.flatMap((c) => c.children));
    expect(leaves.map((x) => [x.name, x.weight, x.selfScore, x.deviationReason])).toEqual([
      ['管护公厕数量', '40', '40', null],
      ['维修及时率', '20', '18', '配件 采购周期长'],
      ['如厕环境改善', '20', '20', null],
      ['群众满意度', '10', '10', null],
    ]);
    expect(errors(ev)).toEqual([]);
  });
});

describe('a transfer payment area form', () => {
  it('its indicator table under all three levels with targets and actuals but no weights or scores is read', async () => {
    const text = [
      '中央对地方转移支付区域绩效自评表（2023年度）',
      '转移支付（项目）名称\t林业改革发展资金',
      '资金投入情况（万元）\t全年预算数（A）\t全年执行数（B）\t执行率（B/A）',
      '年度资金总额\t600\t570\t95%',
      '一级指标\t二级指标\t三级指标\t预期指标值\t实际完成值\t未完成原因和改进措施',
      '产出指标\t数量指标\t森林抚育面积\t≥2万亩\t2.1万亩\t',
      '效益指标\t生态效益指标\t森林覆盖率\t≥62%\t61.5%\t受灾影响，下年补植',
      '满意度指标\t服务对象满意度指标\t林农满意度\t≥90%\t92%\t',
    ].join('\n');
    const ev = (await read(text)).evaluation;
    expect(ev.kind).toBe('transfer');
    const leaves = ev.indicators.flatMap((l) => l.children.flatMap((c) => c.children));
    expect(leaves.map((x) => [x.name, x.target, x.actual, x.weight, x.deviationReason])).toEqual([
      ['森林抚育面积', '≥2万亩', '2.1万亩', null, null],
      ['森林覆盖率', '≥62%', '61.5%', null, '受灾影响，下年补植'],
      ['林农满意度', '≥90%', '92%', null, null],
    ]);
  });

  it('a goals table (预期目标 | 实际完成情况) is still not taken for indicators', async () => {
    const ev = (await read(['2023年度某县乡村道路养护项目支出绩效自评表', '年度总体目标\t预期目标\t实际完成情况', '\t养护道路300公里\t完成310公里'].join('\n'))).evaluation;
    expect(ev.indicators).toEqual([]);
  });
});

describe('messy text', () => {
  it('traditional script with pinyin glosses, OCR spaces in numbers, "%o"', async () => {
    const text = ['某縣文化館2023年度項(xiàng)目支出績效自評報告', '本年度項(xiàng)目預算數為48. 5萬元，執行數為46. 2萬元，預算執行率95. 26%o。'].join('\n');
    const r = await read(text);
    expect(r.notes.join('')).toContain('繁体');
    expect(r.notes.join('')).toContain('拼音');
    expect(r.evaluation.kind).toBe('project');
    expect(r.evaluation.funds.total).toMatchObject({ adjusted: '48.5', executed: '46.2' });
    expect(r.evaluation.budgetExecution.statedRate).toBe('95.26');
  });

  it('a page saved as text keeps its report and drops the site around it', async () => {
    const text = [
      '首页 > 政务公开 > 财政资金',
      '发布时间：2024-04-02 浏览次数：128 字体：[大] [中] [小]',
      '某市林业局2023年度森林防火项目绩效自评报告',
      '2023年度森林防火项目预算安排资金60万元，全年支出60万元，执行率100%。自评得分95分，评价等级为优。',
      '【打印本页】 【关闭窗口】',
    ].join('\n');
    const r = await read(text);
    expect(r.notes.join('')).toContain('网站栏目');
    expect(r.evaluation.funds.total).toMatchObject({ adjusted: '60', executed: '60' });
    expect(r.evaluation.totals).toMatchObject({ statedScore: '95', statedGrade: '优' });
    expect(r.evaluation.source?.incomplete).toBeNull();
  });
});

describe('one document, several evaluations', () => {
  it('a department report with a project form annexed: the department first, then its project', async () => {
    const text = [
      '某区司法局2023年度部门整体支出绩效自评报告',
      '2023年度支出合计300万元，其中基本支出200万元，项目支出100万元。自评得分92分，评价等级为优。',
      '附件：项目支出绩效自评表',
      ['项目名称', '社区矫正经费'].join('\t'),
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].join('\t'),
      ['年度资金总额', '40', '40', '38', '10', '95%', '9.5'].join('\t'),
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'].join('\t'),
      ['产出指标', '数量指标', '矫正对象人数', '≥50人', '52人', '90', '90'].join('\t'),
      ['总分', '', '', '', '', '100', '99.5'].join('\t'),
    ].join('\n');
    const r = await read(text);
    expect(r.evaluations.map((e) => e.kind)).toEqual(['department', 'project']);
    expect(r.evaluation).toBe(r.evaluations[0]);
    expect(r.evaluations[1]!.project?.name).toBe('社区矫正经费');
    expect(r.evaluations[1]!.funds.total).toMatchObject({ initial: '40', adjusted: '40', executed: '38' });
    expect(r.evaluations[0]!.funds.total.executed).toBe('300');
    for (const ev of r.evaluations) expect(errors(ev)).toEqual([]);
  });

  it('a workbook with a summary sheet and one sheet per project: one evaluation per project', async () => {
    const wb = new ExcelJS.Workbook();
    const summary = wb.addWorksheet('项目自评结果汇总表');
    summary.addRow(['项目自评结果汇总表']);
    summary.addRow(['序号', '项目名称', '全年预算数', '全年执行数', '执行率', '自评得分']);
    summary.addRow([1, '道路保洁', 30, 30, '100%', 98]);
    for (const [name, budget, spent] of [['道路保洁', 30, 30], ['绿化养护', 20, 18]] as const) {
      const ws = wb.addWorksheet(name);
      ws.addRow(['项目支出绩效自评表（2023年度）']);
      ws.addRow(['项目名称', name]);
      ws.addRow(['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数']);
      ws.addRow(['年度资金总额', budget, budget, spent]);
    }
    const r = await importReport({ bytes: new Uint8Array(await wb.xlsx.writeBuffer()), fileName: 'unit.xlsx' });
    expect(r.evaluations.map((e) => [e.kind, e.project?.name, e.funds.total.executed])).toEqual([
      ['project', '道路保洁', '30'],
      ['project', '绿化养护', '18'],
    ]);
    expect(r.notes.join('')).toContain('汇总表');
  });
});

describe('what the text says, held against the figures', () => {
  const report = (spent: string, said: string) =>
    ['某乡卫生院2023年度基本公卫补助资金绩效自评报告', `2023年下达资金100万元，全年支出${spent}万元。`, `二、存在的问题`, said, '某乡卫生院', '2024年3月1日'].join('\n');

  it('most of the money unspent while the report says all is well: a warning with the figures', async () => {
    const ev = (await read(report('40', '项目运行良好，没有发现问题。'))).evaluation;
    const f = auditEvaluation(ev).findings.filter((x) => x.rule === 'low-execution-unexplained');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('40%');
    expect(errors(ev)).toEqual([]);
  });

  it('the money spent: nothing to explain', async () => {
    expect(warnings((await read(report('98', '项目运行良好，没有发现问题。'))).evaluation)).not.toContain('low-execution-unexplained');
  });

  it('the same item with two amounts in two places', async () => {
    const text = [
      '某县农业农村局2023年度部门整体支出绩效自评报告',
      '2023年度支出500万元，其中：基本支出300万元，项目支出200万元。',
      '项目支出200万元，其中：农技推广120万元，动物防疫80万元。',
      '我局共有2个项目，其中，农技推广年初预算数115万元，年末支出115万元；动物防疫80万元，年末支出80万元。',
    ].join('\n');
    const ev = (await read(text)).evaluation;
    const f = auditEvaluation(ev).findings.filter((x) => x.rule === 'same-item-same-amount');
    expect(f.map((x) => [x.reported, x.expected])).toEqual([['120', '115']]);
    expect(errors(ev)).toEqual([]);
  });
});

describe('a score breakdown written in prose, no indicator table', () => {
  const head = '2023年度乡镇文化站免费开放项目支出绩效自评报告\n一、项目基本情况\n项目年初预算40万元，全年执行39万元，执行率97.5%。\n二、自评结论\n';
  const l1 = (ev: Evaluation) => ev.indicators.map((l) => [l.name, l.weight, l.selfScore]);

  it('each level-1 score and the execution score are read, with full marks where bracketed', async () => {
    const ev = (await read(head + '自评总分88.75分。产出指标（50分）得46分；效益指标（30分）得25分；满意度指标（10分）得8分；预算执行（10分）得9.75分。\n')).evaluation;
    expect(l1(ev)).toEqual([['产出指标', '50', '46'], ['效益指标', '30', '25'], ['满意度指标', '10', '8']]);
    expect([ev.budgetExecution.weight, ev.budgetExecution.selfScore]).toEqual(['10', '9.75']);
    expect(errors(ev)).toEqual([]);
  });

  it('a stated total that the parts do not add up to is an error naming the parts', async () => {
    const ev = (await read(head + '经自评，本项目得分为90分，其中：预算执行率得分9.75分，产出指标得分46分，效益指标得分25分，满意度指标得分8分，等级为优。\n')).evaluation;
    expect(ev.totals.statedScore).toBe('90');
    expect(l1(ev)).toEqual([['产出指标', null, '46'], ['效益指标', null, '25'], ['满意度指标', null, '8']]);
    const f = auditEvaluation(ev).findings.find((x) => x.rule === 'total-score-sum');
    expect([f?.reported, f?.expected]).toEqual(['90', '88.75']);
  });

  it('one level-1 score alone in a discussion, or level-2 scores, are not a breakdown', async () => {
    for (const text of ['该项目产出指标得分46分，主要是完成了全部开放任务。', '效益指标方面，社会效益指标得分15分，可持续影响指标得分10分。']) {
      const ev = (await read(head + text + '\n')).evaluation;
      expect(l1(ev)).toEqual([]);
    }
  });
});

describe('changes on last year in percent', () => {
  const head = '某县自然资源局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n';
  const changes = async (text: string) => {
    const ev = (await read(head + text + '\n')).evaluation;
    return { ev, claims: ev.claims.filter((c) => c.type === 'change'), found: auditEvaluation(ev).findings.filter((f) => f.rule === 'change-claim-matches') };
  };

  it('last year\'s amount, or the change in amount, with the percent: read, and a right one passes', async () => {
    for (const text of ['2023年收入总计840万元，较上年800万元增长5%。', '2023年收入总计840万元，比上年增加40万元，增长5.0%。', '“三公”经费支出9万元，较上年12万元下降25%。']) {
      const { claims, found } = await changes(text);
      expect([text, claims.length, found.length]).toEqual([text, 1, 0]);
    }
  });

  it('a percent that is not the change over last year is an error with the division', async () => {
    const { claims, found } = await changes('“三公”经费支出9万元，较上年减少3万元，下降30%。');
    expect(claims[0]).toMatchObject({ current: { value: '9' }, delta: { value: '3' }, direction: 'down', percent: '30' });
    expect([found.length, found[0]?.expected]).toEqual([1, '25']);
  });

  it('a percent with nothing to divide by, a share, or percentage points: no change claim', async () => {
    for (const text of ['基本支出700万元，占支出总额的70%，比上年增长5%。', '执行率98%，较上年提高2个百分点。', '2023年收入840万元，增长5%。']) {
      expect((await changes(text)).claims).toEqual([]);
    }
  });
});

describe('texts cut short', () => {
  it('a text that stops inside its indicator table: one note, the missing total a note, no error about the partial sums', async () => {
    const text = [
      '某县交通局2023年度项目支出绩效自评表',
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].join('\t'),
      ['年度资金总额', '100', '100', '100', '10', '100%', '10'].join('\t'),
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'].join('\t'),
      ['产出指标（50分）', '数量指标', '道路养护里程', '≥30公里', '31公里', '20', '20'].join('\t'),
      ['', '质量指标', '养护合格率', '≥95%', '严格按照'].join('\t'),
    ].join('\n');
    const ev = (await read(text)).evaluation;
    expect(ev.source?.incomplete).toEqual({ reason: 'truncated', cutIn: 'indicators' });
    const findings = auditEvaluation(ev).findings;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'text-incomplete')).toHaveLength(1);
  });

  it('a report that ends with its signature and date is whole', async () => {
    const ev = (await read(['某局2023年度部门整体支出绩效自评报告', '本年度各项工作均已完成。', '某局', '2024年3月1日'].join('\n'))).evaluation;
    expect(ev.source?.incomplete).toBeNull();
  });
});

describe('a saved web page', () => {
  it('GBK by its meta charset; navigation, header and footer dropped; the table read cell by cell', async () => {
    const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>某区卫健委项目绩效自评表</title>
      <script>var a = '<table>';</script></head><body>
      <div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a></div>
      <div class="breadcrumb">当前位置：首页 &gt; 财政资金</div>
      <div class="content"><h1>某区卫健委2023年度项目支出绩效自评表</h1>
      <table border="1">
        <tr><td>项目名称</td><td colspan="3">家庭医生签约服务</td></tr>
        <tr><td rowspan="2">项目资金（万元）</td><td>全年预算数</td><td>全年执行数</td><td>执行率</td></tr>
        <tr><td>88</td><td>83.6</td><td>95%</td></tr>
      </table>
      <p>自评得分为93分，评价等级为优。</p></div>
      <div id="footer">版权所有：某区人民政府 ICP备12345678号</div></body></html>`;
    const r = await importReport({ bytes: new Uint8Array(iconv.encode(html, 'gbk')), fileName: 'page.htm' });
    expect(r.format).toBe('html');
    expect(r.notes.join('')).toMatch(/GB2312/);
    expect(r.lines.join('\n')).not.toMatch(/首页|版权所有|var a/);
    const ev = r.evaluation;
    expect(ev.project?.name).toBe('家庭医生签约服务');
    expect(ev.funds.total).toMatchObject({ adjusted: '88', executed: '83.6' });
    expect(ev.totals).toMatchObject({ statedScore: '93', statedGrade: '优' });
  });
});

describe('what the title says', () => {
  it('a project report named only in its title: the unit, the year and the project from the title line', async () => {
    const ev = (await read(['某县水利局2023年度小型水库维修养护项目绩效自评报告', '一、项目基本情况', '该项目年初预算80万元，实际支出76万元。'].join('\n'))).evaluation;
    expect(ev.kind).toBe('project');
    expect(ev.unit.name).toBe('某县水利局');
    expect(ev.fiscalYear).toBe(2023);
    expect(ev.project?.name).toBe('小型水库维修养护项目');
    expect(ev.project?.implementingUnit).toBe('某县水利局');
    expect(ev.provenance['project.name']?.line).toBe(1);
  });
  it('the implementing unit on a line of its own under any of its names (项目实施单位, 项目单位, 项目承担单位)', async () => {
    for (const label of ['项目实施单位', '项目单位', '项目承担单位', '实施单位']) {
      const ev = (await read(`项目名称：乡村道路养护\n${label}：某县交通运输局\n项目主管部门：某县人民政府\n2023年度项目支出绩效自评报告\n一、项目概况\n`)).evaluation;
      expect([label, ev.project?.name, ev.project?.implementingUnit, ev.supervisingDepartment]).toEqual([label, '乡村道路养护', '某县交通运输局', '某县人民政府']);
    }
  });

  it('a 项目名称 field outweighs the title', async () => {
    const ev = (await read(['2023年度水利发展资金绩效自评表', '项目名称：小型水库维修养护', '年度资金总额：80 76 95%'].join('\n'))).evaluation;
    expect(ev.project?.name).toBe('小型水库维修养护');
  });
  it("a department's title names no project", async () => {
    const ev = (await read(['某县水利局关于2023年度部门整体支出绩效自评的报告', '一、部门基本情况', '本局年初预算数为500万元。'].join('\n'))).evaluation;
    expect(ev.kind).toBe('department');
    expect(ev.unit.name).toBe('某县水利局');
    expect(ev.project).toBeNull();
  });
  it("a cover page: the title broken over two lines, the unit on a 部门（单位）名称 line", async () => {
    const text = ['某市2023年度部门整体支出', '', '绩效评价自评报告', '', '部门（单位）名称：  某市城市管理服务中心', '', '报告日期：2024年05月20日', '', '一、部门（单位）基本概况'].join('\n');
    const ev = (await read(text)).evaluation;
    expect(ev.source?.title).toBe('某市2023年度部门整体支出绩效评价自评报告');
    expect(ev.kind).toBe('department');
    expect(ev.fiscalYear).toBe(2023);
    // "某市" is the jurisdiction; the unit is on its own line
    expect(ev.unit.name).toBe('某市城市管理服务中心');
  });
  it('a whole form flattened into one line of words: its name fields, without the budget codes before the units', async () => {
    const text =
      '附件： 项目支出绩效自评表 （2023年度） 项目名称 乡村道路安全巡查 主管部门 301-某县交通运输局 实施单位 301002-某县公路养护中心 项目资金 （万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额： 60 60 57 10 95% 9.5 其中：本年财政拨款 60 60 57 上年结转资金 其他资金 年度总体目标 预期目标 实际完成情况';
    const ev = (await read(text)).evaluation;
    expect(ev.project).toMatchObject({ name: '乡村道路安全巡查', implementingUnit: '某县公路养护中心' });
    expect(ev.supervisingDepartment).toBe('某县交通运输局');
    expect(ev.funds.total).toMatchObject({ initial: '60', adjusted: '60', executed: '57' });
    expect(ev.budgetExecution).toMatchObject({ weight: '10', statedRate: '95', selfScore: '9.5' });
    expect(errors(ev)).toEqual([]);
    expect(warnings(ev)).not.toContain('unit-named');
  });
  it("a unit's final accounts with its self-evaluation as a part: a contents entry is not the title; the unit and year from the accounts' title, and a note", async () => {
    const text = ['某县档案馆2024年度部门决算公开报告', '目 录', '第一部分 部门概况', '十三、2024年度部门整体支出绩效自评情况', '十四、2024年度部门整体支出绩效自评表', '第一部分 部门概况', '一、主要职责', '县档案馆负责全县档案的收集、保管和利用。'].join('\n');
    const r = await read(text);
    expect(r.evaluation.source?.title).toBeNull();
    expect(r.evaluation.unit.name).toBe('某县档案馆');
    expect(r.evaluation.fiscalYear).toBe(2024);
    expect(r.notes.join('\n')).toContain('“某县档案馆2024年度部门决算公开报告”不是绩效自评报告');
  });
  it('a title run together with the opening sentence: the unit named only as 我局, the fund from the title', async () => {
    const ev = (await read('附件2某省某县2023年中央水利发展资金转移支付绩效自评报告为进一步规范转移支付资金管理，按照有关要求，我局对2023年中央水利发展资金进行了自评，现将自评情况报告如下：一、绩效目标分解下达情况')).evaluation;
    expect(ev.source?.title).toBe('附件2某省某县2023年中央水利发展资金转移支付绩效自评报告');
    expect(ev.fiscalYear).toBe(2023);
    expect(ev.project?.name).toBe('中央水利发展资金转移支付');
  });
  it("a cover page run together in one line, as a document site gives a .docx: the unit from its 部门（单位）名称 field", async () => {
    const ev = (await read('1、某区2023年度部门(单位)整体支出绩效评价自评报告部门(单位)名称某市某区水利局预算编码302009报告日期:2024年5月10日某区财政局(制)')).evaluation;
    expect(ev.unit.name).toBe('某市某区水利局');
    expect(ev.fiscalYear).toBe(2023);
    expect(ev.kind).toBe('department');
  });
  it("a department's cover copied one cell a line: its staffing (人员编制 / 21 / 实有人数 / 19)", async () => {
    const text = ['某市2023年度部门整体支出', '绩效评价自评报告', '部门（单位）名称：某市城市管理服务中心', '一、部门（单位）基本概况', '联系人', '王明', '人员编制', '21', '实有人数', '19', '职能职责概述', '负责全市城市管理服务工作。'].join('\n\n');
    const ev = (await read(text)).evaluation;
    expect(ev.baseData?.staffing).toMatchObject({ authorized: 21, actual: 19 });
  });
  it('staffing in one short sentence (编制45人，实有43人，控制率97%): read, and the wrong rate is an error', async () => {
    const ev = (await read('某县档案馆2023年度部门整体支出绩效自评报告\n一、基本情况\n本单位编制45人，实有43人，控制率97%。\n')).evaluation;
    expect(ev.baseData?.staffing).toMatchObject({ authorized: 45, actual: 43, statedControlRate: '97' });
    expect(auditEvaluation(ev).findings.some((f) => f.severity === 'error' && f.location.path === 'baseData.staffing.statedControlRate')).toBe(true);
  });
  it('a title run together with the first heading, as a PDF gives it', async () => {
    const ev = (await read(['某县第二中学专项资金绩效自评价报告一、基本情况（一）项目基本概况我校2023年项目为一个，年初预算120万元，实际支出100万元。'].join('\n'))).evaluation;
    expect(ev.source?.title).toBe('某县第二中学专项资金绩效自评价报告');
    expect(ev.unit.name).toBe('某县第二中学');
    expect(ev.fiscalYear).toBe(2023);
  });
});
