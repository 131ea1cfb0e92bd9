/** The genre beyond the four seeds: other layouts, units and phrasings the importer must read. */
import { describe, expect, it } from 'vitest';
import { importLines } from '../import-text.js';
import { importReport } from '../import-report.js';

const read = (text: string) => importLines(text.split('\n'), 'x.txt', 'txt', []).evaluation;

describe('tables in other shapes', () => {
  it('a Markdown project table in 元 with thousands separators', () => {
    const ev = read(
      [
        '2022年度项目支出绩效自评表',
        '| 项目名称 | 农村饮水安全巩固提升 | 主管部门 | 某县水利局 |',
        '|---|---|---|---|',
        '| 年度资金（元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |',
        '| 年度资金总额 | 1,200,000 | 1,500,000 | 1,350,000 | 10 | 90% | 9 |',
        '| 其中：当年财政拨款 | 1,000,000 | 1,300,000 | 1,150,000 | | | |',
        '| 上年结转资金 | 200,000 | 200,000 | 200,000 | | | |',
      ].join('\n'),
    );
    expect(ev.kind).toBe('project');
    expect(ev.project?.name).toBe('农村饮水安全巩固提升');
    expect(ev.supervisingDepartment).toBe('某县水利局');
    expect(ev.funds.sourceUnit).toBe('元');
    expect(ev.funds.total).toMatchObject({ initial: '120', adjusted: '150', executed: '135' });
    expect(ev.funds.bySource.map((s) => [s.source, s.executed])).toEqual([
      ['current_appropriation', '115'],
      ['carry_over', '20'],
    ]);
    expect(ev.budgetExecution).toMatchObject({ weight: '10', statedRate: '90', selfScore: '9' });
    expect(ev.provenance['funds.total.executed']?.line).toBe(5);
  });

  it('an indicator table as tab-separated rows, merged cells left empty, headed weights', () => {
    const ev = read(
      [
        '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
        '产出指标（50分）\t数量指标（30分）\t改造管网长度\t≥20公里\t18公里\t30\t27\t部分路段征地延后',
        '\t时效指标（20分）\t按期完工率\t100%\t100%\t20\t20\t',
        '效益指标（30分）\t社会效益指标\t受益人口\t≥5000人\t5200人\t30\t30\t',
        '满意度指标（10分）\t服务对象满意度指标\t群众满意度\t≥90%\t——\t10\t\t',
        '总分\t100\t\t\t\t\t86\t',
      ].join('\n'),
    );
    expect(ev.indicators.map((l) => [l.name, l.weight, l.children.map((c) => [c.name, c.weight])])).toEqual([
      ['产出指标', '50', [['数量指标', '30'], ['时效指标', '20']]],
      ['效益指标', '30', [['社会效益指标', null]]],
      ['满意度指标', '10', [['服务对象满意度指标', null]]],
    ]);
    const leaf = ev.indicators[0]!.children[0]!.children[0]!;
    expect(leaf).toMatchObject({ name: '改造管网长度', target: '≥20公里', actual: '18公里', weight: '30', selfScore: '27', deviationReason: '部分路段征地延后' });
    expect(ev.indicators[2]!.children[0]!.children[0]).toMatchObject({ actual: null, selfScore: null });
    expect(ev.totals).toMatchObject({ statedWeight: '100', statedScore: '86' });
    expect(read(['总分\t100\t92', '评价等级\t优'].join('\n')).totals).toMatchObject({ statedScore: '92', statedGrade: '优' });
  });

  it('a two-row header: 年度指标值 split into 年初 and 调整后 (Chongqing style)', () => {
    const ev = read(
      [
        ['一级指标', '二级指标', '三级指标', '年度指标值', '', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].join('\t'),
        ['', '', '', '年初指标值', '调整后指标值', '', '', '', ''].join('\t'),
        ['产出指标', '数量指标', '新建校舍面积', '≥5000平方米', '≥4500平方米', '4600平方米', '30', '30', '征地调整'].join('\t'),
      ].join('\n'),
    );
    const leaf = ev.indicators[0]!.children[0]!.children;
    expect(leaf).toHaveLength(1);
    expect(leaf[0]).toMatchObject({ name: '新建校舍面积', initialTarget: '≥5000平方米', target: '≥4500平方米', actual: '4600平方米', weight: '30' });
  });

  it('the unit of amounts printed above the table, and the unit named on a line of its own', () => {
    const ev = read(
      [
        '填报单位：某市生态环境局（盖章）',
        '金额单位：元',
        ['', '年初预算数', '全年预算数', '全年执行数', '执行率'].join('\t'),
        ['年度资金总额', '2,500,000.00', '2,400,000.00', '2,376,000.00', '99%'].join('\t'),
      ].join('\n'),
    );
    expect(ev.unit.name).toBe('某市生态环境局');
    expect(ev.funds.sourceUnit).toBe('元');
    expect(ev.funds.total).toMatchObject({ initial: '250', adjusted: '240', executed: '237.6' });
  });

  it('base-data sheet: government buildings and signatures', () => {
    const ev = read(
      [
        ['经费控制情况（万元）', '2022年决算数', '2023年预算数', '2023年决算数'].join('\t'),
        ['公用经费', '30', '32', '31.5'].join('\t'),
        ['楼堂馆所控制情况', '批复规模（㎡）', '实际规模（㎡）', '规模控制率', '预算投资（万元）', '实际投资（万元）', '投资概算控制率'].join('\t'),
        ['办公楼维修', '1200', '1180', '98.33%', '300', '296', '98.67%'].join('\t'),
        '',
        '填表人：王明    填报日期：2024年2月20日    联系电话：0731-8888888    单位负责人签字：李华',
      ].join('\n'),
    );
    expect(ev.baseData?.operating).toEqual({ priorActual: '30', budget: '32', actual: '31.5' });
    expect(ev.baseData?.buildings).toEqual([
      { name: '办公楼维修', approvedSize: '1200', actualSize: '1180', statedSizeControlRate: '98.33', budgetInvestment: '300', actualInvestment: '296', statedInvestmentControlRate: '98.67' },
    ]);
    expect(ev.baseData?.signatures).toEqual({ filler: '王明', head: '李华', date: '2024-02-20', phone: '0731-8888888' });
  });

  it('a project table’s header block printed as text (pdftotext -layout)', () => {
    const ev = read(
      [
        '                        项目支出绩效自评表',
        ' 项目名称          农村饮水安全工程',
        ' 主管部门：某县水利局                 实施单位：某县水务公司',
        ' 项目资金（万元）  年初预算数   全年预算数   全年执行数   分值   执行率   得分',
        '   年度资金总额    500          520          510         10    98.08%   9.8',
      ].join('\n'),
    );
    expect(ev.kind).toBe('project');
    expect(ev.project).toMatchObject({ name: '农村饮水安全工程', implementingUnit: '某县水务公司' });
    expect(ev.supervisingDepartment).toBe('某县水利局');
    expect(ev.funds.total).toMatchObject({ initial: '500', adjusted: '520', executed: '510' });
    expect(ev.budgetExecution).toMatchObject({ weight: '10', statedRate: '98.08', selfScore: '9.8' });
  });

  it('a funds table with a plain 预算数 column', () => {
    const ev = read([['资金', '预算数', '执行数', '执行率'].join('\t'), ['合计', '200', '190', '95%'].join('\t')].join('\n'));
    expect(ev.funds.total).toMatchObject({ initial: null, adjusted: '200', executed: '190' });
    expect(ev.budgetExecution.statedRate).toBe('95');
  });

  it('a "部门" column title is not the unit name', () => {
    const ev = read([['部门', '年初预算数', '全年预算数', '全年执行数'].join('\t'), ['资金总额', '10', '12', '11'].join('\t')].join('\n'));
    expect(ev.unit.name).toBeNull();
    expect(ev.funds.total).toMatchObject({ initial: '10', adjusted: '12', executed: '11' });
  });

  it('a header cell wrapped onto a second line in PDF text', () => {
    const ev = read(
      [
        '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析',
        '及改进措施',
        '产出指标 数量指标 培训人次 ≥500 520 20 20',
      ].join('\n'),
    );
    expect(ev.indicators.map((l) => [l.name, l.children.map((c) => c.name)])).toEqual([['产出指标', ['数量指标']]]);
  });

  it('an indicator name wrapped onto a second line in PDF text', () => {
    const ev = read(
      [
        '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分',
        '产出指标 质量指标 巡检信息化 ≥95% 96% 10 10',
        '系统使用率',
        '时效指标 按时完成率 100% 100% 10 10',
      ].join('\n'),
    );
    expect(ev.indicators[0]!.children.map((c) => [c.name, c.children.map((i) => i.name)])).toEqual([
      ['质量指标', ['巡检信息化系统使用率']],
      ['时效指标', ['按时完成率']],
    ]);
  });

  it('a 2013-framework department table: weights, scoring rules and scores, no targets', () => {
    const ev = read(
      [
        ['一级指标', '二级指标', '三级指标', '分值', '指标说明', '评分标准', '得分'].join('\t'),
        ['投入（20分）', '预算配置', '在职人员控制率', '5', '在职人数÷编制数', '≤100%得满分，每超1%扣0.5分', '5'].join('\t'),
        ['', '', '“三公经费”变动率', '5', '（本年−上年）÷上年', '≤0得满分', '4'].join('\t'),
      ].join('\n'),
    );
    const l1 = ev.indicators[0]!;
    expect([l1.name, l1.weight]).toEqual(['投入', '20']);
    expect(l1.children[0]!.children.map((i) => [i.name, i.weight, i.selfScore, i.deviationReason])).toEqual([
      ['在职人员控制率', '5', '5', null],
      ['“三公经费”变动率', '5', '4', null],
    ]);
  });

  it('a department report with project tables annexed: the department and its project, with a note', () => {
    const head = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'].join('\t');
    const notes: string[] = [];
    const r = importLines(
      [
        '2023年度部门整体支出绩效自评表',
        head,
        ['产出指标', '数量指标', '完成任务数', '≥10', '10', '50', '50'].join('\t'),
        '',
        '— 2 —',
        head,
        ['', '质量指标', '合格率', '≥95%', '96%', '50', '50'].join('\t'),
        '',
        '附件：项目支出绩效自评表',
        ['项目名称', '某某专项'].join('\t'),
        head,
        ['产出指标', '数量指标', '采购台数', '≥5', '5', '60', '60'].join('\t'),
      ].join('\n').split('\n'),
      'x.txt',
      'txt',
      notes,
    );
    const ev = r.evaluation;
    expect(ev.indicators[0]!.children.map((c) => c.children.map((i) => i.name))).toEqual([['完成任务数'], ['合格率']]);
    expect(ev.kind).toBe('department');
    expect(ev.project).toBeNull();
    expect(r.evaluations).toHaveLength(2);
    expect(r.evaluations[0]).toBe(ev);
    const project = r.evaluations[1]!;
    expect(project.kind).toBe('project');
    expect(project.project?.name).toBe('某某专项');
    expect(project.indicators.flatMap((l) => l.children.flatMap((c) => c.children.map((i) => i.name)))).toEqual(['采购台数']);
    expect(project.provenance['project.name']?.line).toBe(10);
    expect(notes.join('')).toContain('2 份自评表');
  });

  it('level-1 rows with their own weight and score, a padded score table, a placeholder name', () => {
    const ev = read(
      [
        '【待填写：单位名称】2023年度部门整体支出绩效自评报告',
        ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].join('\t'),
        ['', '投入管理（20分）', '', '', '', '', '20', '18', ''].join('\t'),
        ['', '产出指标（40分）', '', '', '', '', '40', '40', ''].join('\t'),
        '各项指标得分情况',
        ['', '指标', '分值', '得分', '得分率', '', '', '', ''].join('\t'),
        ['', '预算执行率', '10', '10', '100%', '', '', '', ''].join('\t'),
        ['', '投入管理', '20', '18', '90%', '', '', '', ''].join('\t'),
        '人员编制12个，实有人数11人，在职人员控制率91.67%。',
      ].join('\n'),
    );
    expect(ev.unit.name).toBeNull();
    expect(ev.indicators.map((l) => [l.name, l.weight, l.selfScore, l.statedScoreRate, l.children.length])).toEqual([
      ['投入管理', '20', '18', '90', 0],
      ['产出指标', '40', '40', null, 0],
    ]);
    expect(ev.budgetExecution).toMatchObject({ weight: '10', selfScore: '10', statedScoreRate: '100' });
    expect(ev.baseData?.staffing).toEqual({ authorized: 12, actual: 11, statedControlRate: '91.67' });
  });

  it('loose rows of a level-1 score table from OCR text', () => {
    const ev = read(['指标 权重分值 得分 得分率', '预算执行 10 9.5 95%', '产出指标 50 48 96%', '效益指标 30 28 93.33%', '满意度指标 10 10 100%', '合计 100 95.5 95.5%'].join('\n'));
    expect(ev.budgetExecution).toMatchObject({ weight: '10', selfScore: '9.5', statedScoreRate: '95' });
    expect(ev.indicators.map((l) => [l.name, l.weight, l.selfScore, l.statedScoreRate])).toEqual([
      ['产出指标', '50', '48', '96'],
      ['效益指标', '30', '28', '93.33'],
      ['满意度指标', '10', '10', '100'],
    ]);
    expect(ev.totals).toMatchObject({ statedWeight: '100', statedScore: '95.5', statedScoreRate: '95.5' });
  });
});

describe('Markdown from a PDF converter', () => {
  it('headings with #, bold marks, and an HTML table with merged cells', async () => {
    const md = [
      '# 2023年度部门整体支出绩效自评报告',
      '## 一、**评价结论**',
      '<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>',
      '<tr><td rowspan="2">产出指标（60分）</td><td>数量指标</td><td>培训人次</td><td>≥500</td><td>520</td><td>30</td><td>30</td></tr>',
      '<tr><td>质量指标</td><td>合格率</td><td>≥95%</td><td>96%</td><td>30</td><td>30</td></tr>',
      '<tr><td colspan="5">总分</td><td>100</td><td>90</td></tr></table>',
      '自评得分90分。',
    ].join('\n');
    const r = await importReport({ bytes: new TextEncoder().encode(md), fileName: 'report.md' });
    expect(r.notes.join('')).toContain('HTML 表格');
    const ev = r.evaluation;
    expect(ev.chapters[0]).toMatchObject({ level: 1, number: '一、', title: '评价结论' });
    expect(ev.indicators[0]).toMatchObject({ name: '产出指标', weight: '60' });
    expect(ev.indicators[0]!.children.map((c) => c.children[0]!.name)).toEqual(['培训人次', '合格率']);
    expect(ev.totals).toMatchObject({ statedWeight: '100', statedScore: '90' });
  });
});

describe('prose made checkable', () => {
  it('amounts in 元, shares, sums with nested parts, and an execution rate', () => {
    const ev = read(
      [
        '某县农业农村局2023年度部门整体支出绩效自评报告',
        '一、部门预算执行情况',
        '2023年度，我局年初预算数为12,345,600元，调整后预算数为13,000,000元，全年执行数为12,870,000元，预算执行率99%。',
        '本年支出合计1287万元，其中基本支出800万元，占总支出的62.16%，人员经费600万元，占基本支出的75%，公用经费200万元，占基本支出的25%；项目支出487万元，占总支出的37.84%。',
      ].join('\n'),
    );
    expect(ev.unit.name).toBe('某县农业农村局');
    expect(ev.funds.total).toMatchObject({ initial: '1234.56', adjusted: '1300', executed: '1287' });
    expect(ev.budgetExecution.statedRate).toBe('99');
    const sums = ev.claims.filter((c) => c.type === 'sum').map((c) => c.type === 'sum' && [c.total.value, c.parts.map((p) => p.value)]);
    expect(sums).toContainEqual(['1287', ['800', '487']]);
    const shares = ev.claims.filter((c) => c.type === 'share').map((c) => c.type === 'share' && [c.part.value, c.whole.value, c.percent]);
    expect(shares).toEqual([
      ['800', '1287', '62.16'],
      ['600', '800', '75'],
      ['200', '800', '25'],
      ['487', '1287', '37.84'],
    ]);
  });

  it('an execution rate written as a formula', () => {
    const ev = read('本年度预算数200万元，实际支出197万元，预算执行率=实际支出÷预算数×100%=98.5%。');
    expect(ev.budgetExecution.statedRate).toBe('98.5');
    expect(ev.claims).toContainEqual(expect.objectContaining({ type: 'figure', field: 'executionRate', value: '98.5' }));
  });

  it('a department report on its projects: their table and tally are the projects’ figures, not the department’s funds or grade', () => {
    const ev = read(
      [
        '某县农业农村局2023年度部门整体支出绩效自评报告',
        '2023年度，本局年初预算数为263.38万元，调整后预算数为276.7万元，全年执行数为276.7万元。',
        '本年支出合计276.7万元，其中基本支出215.81万元，项目支出60.89万元。',
        '本单位项目共2个，已开展绩效自评2个；自评等级：优1个、良1个。',
        ['项目', '类型', '全年预算数（万元）', '全年执行数（万元）', '执行率', '自评得分', '自评等级'].join('\t'),
        ['乡村道路建设养护项目', '项目支出', '309.5', '290.12', '93.74%', '85', '良'].join('\t'),
        ['图书馆免费开放经费', '项目支出', '20', '20', '100%', '100', '优'].join('\t'),
        ['合计', '', '329.5', '310.12', '94.12%', '平均92.5', ''].join('\t'),
      ].join('\n'),
    );
    expect(ev.funds.total).toMatchObject({ initial: '263.38', adjusted: '276.7', executed: '276.7' });
    expect(ev.funds.project.executed).toBe('60.89');
    expect(ev.totals.statedGrade).toBeNull();
    expect(ev.projectRollup).toMatchObject({ statedExecutionRate: '94.12', statedAverageScore: '92.5' });
  });

  it('the unit naming itself (本局, 我院, 本中心 …) before a funds figure is no item of its own', () => {
    expect(read('2023年度，本局全年预算数为276.7万元，执行数为270.1万元。').funds.total).toMatchObject({ adjusted: '276.7', executed: '270.1' });
    expect(read('2023年度，我院年初预算数为1,200万元，调整后预算数为1,350万元。').funds.total).toMatchObject({ initial: '1200', adjusted: '1350' });
    expect(read('本中心年初预算为88.5万元，全年支出合计86.2万元。').funds.total).toMatchObject({ initial: '88.5', executed: '86.2' });
    // An item's own spending is still not the unit's.
    expect(read('培训费实际支出2万元。').funds.total.executed).toBeNull();
  });

  it('the year’s spending in a clause of its own after the budget ("…，全年支出480万元", "…，已支出480万元")', () => {
    expect(read('本单位2023年度全年预算数为500万元，全年支出480万元。').funds.total).toMatchObject({ adjusted: '500', executed: '480' });
    expect(read('2023年度预算总额为500万元，已支出480万元，执行率96%。').funds.total).toMatchObject({ initial: '500', executed: '480' });
    expect(read('2023年度预算总额为500万元，其中培训费支出12万元。').funds.total.executed).toBeNull();
  });

  it('the total after the result’s own label ("自评结果：得分92.5分"), not an indicator’s score', () => {
    expect(read('自评结果：得分92.5分，等级：优。').totals).toMatchObject({ statedScore: '92.5', statedGrade: '优' });
    expect(read('评价结论：总得分88分，等级为良。').totals).toMatchObject({ statedScore: '88', statedGrade: '良' });
    expect(read('产出指标自评结果：得分38分。').totals.statedScore).toBeNull();
  });

  it('自评总分 is the total; 决算数 is what was spent', () => {
    expect(read('本次自评总分为92.5分，自评结论为“良”。').totals).toMatchObject({ statedScore: '92.5', statedGrade: '良' });
    expect(read('2023年度本部门决算数480万元，预算执行率96%。').funds.total.executed).toBe('480');
    // 总分 alone is the weight a scoring scheme sums to, not a score.
    expect(read('指标体系总分100分，其中产出指标50分。').totals.statedScore).toBeNull();
  });

  it('the reason for a budget adjustment', () => {
    const ev = read('2023年年初预算500万元，调整预算数为800万元。预算调整的主要原因是年中追加了防汛救灾资金。');
    expect(ev.funds.adjustmentReason).toBe('预算调整的主要原因是年中追加了防汛救灾资金');
    expect(read('部分绩效目标还需根据形势变化做相应调整和优化。').funds.adjustmentReason).toBeNull();
  });

  it('grade bands written as intervals, the score and the grade', () => {
    const ev = read(
      [
        '2022年度项目支出绩效自评报告',
        '评价等级分为：总分90分（含）以上为优，80（含）-90分为良，60（含）-80分为中，60分以下为差。',
        '经评价，该项目自评得分为92.5分，评价等级为优。',
      ].join('\n'),
    );
    expect(ev.totals).toMatchObject({ statedScore: '92.5', statedGrade: '优' });
    const bands = ev.claims.find((c) => c.type === 'gradeBands');
    expect(bands && bands.type === 'gradeBands' && bands.bands.map((b) => [b.grade, b.min, b.max])).toEqual([
      ['优', '90', null],
      ['良', '80', '90'],
      ['中', '60', '80'],
      ['差', '0', '60'],
    ]);
  });

  it('a project’s funds in prose: what arrived is not its budget; “项目资金共计” is its budget', () => {
    const head = '2023年度农村公路养护项目支出绩效自评报告\n一、项目基本情况\n';
    const arrived = read(`${head}该项目年初预算300万元，全年预算数300万元，实际到位资金280万元，实际支出270万元，预算执行率90%。`);
    expect(arrived.kind).toBe('project');
    expect(arrived.funds.total).toMatchObject({ initial: '300', adjusted: '300', arrived: '280', executed: '270' });
    const whole = read(`${head}项目资金共计300万元，其中中央资金200万元，省级资金100万元；截至2023年12月31日，已支出285万元，支出率95%。`);
    expect(whole.funds.total).toMatchObject({ adjusted: '300', executed: '285' });
    // An amount that went to a part stays out of the total.
    expect(read(`${head}其中中央到位资金200万元。`).funds.total.arrived).toBeNull();
  });

  it('an item\'s spending is not the unit\'s total', () => {
    const ev = read('2023年度，培训费实际支出2万元，印刷费执行数1.5万元，信息化建设项目支出30万元。');
    expect(ev.funds.total).toMatchObject({ initial: null, adjusted: null, executed: null });
    expect(ev.funds.project.executed).toBeNull();
    expect(ev.claims.filter((c) => c.type === 'figure')).toEqual([]);
  });

  it('a "其中" list adds up to an amount in its own sentence only', () => {
    const ev = read('全年支出合计100万元。本单位认真落实各项制度，加强管理。其中：差旅费5万元，会议费3万元。');
    expect(ev.claims.filter((c) => c.type === 'sum')).toEqual([]);
  });

  it('a grade stated as the conclusion', () => {
    expect(read('经综合评定，自评结论：良好。').totals.statedGrade).toBe('良好');
  });

  it('a rate over counts needs a stated total of the same thing', () => {
    const ev = read('2023年共受理投诉45件，已办结42件，办结率93.3%；另完成调研报告3篇，完成率100%。');
    const shares = ev.claims.filter((c) => c.type === 'share').map((c) => c.type === 'share' && [c.part.value, c.whole.value, c.percent]);
    expect(shares).toEqual([['42', '45', '93.3']]);
  });

  it('year comparisons, evaluation period, report date, and no unit name when the report never names itself', () => {
    const ev = read(
      [
        '一、基本情况',
        '2023年度“三公”经费支出3.2万元，较2021年减少0.5万元，较上年减少0.2万元。',
        '二、自评工作开展情况',
        '我单位于2024年3月1日至3月20日开展了绩效自评工作。',
        '',
        '2024年3月25日',
      ].join('\n'),
    );
    expect(ev.fiscalYear).toBe(2023);
    expect(ev.unit.name).toBeNull();
    expect(ev.claims.filter((c) => c.type === 'yearComparison').map((c) => c.type === 'yearComparison' && [c.year, c.statedAs])).toEqual([
      [2021, 'year'],
      [2022, 'previous_year'],
    ]);
    expect(ev.dates).toEqual({ evaluationStart: '2024-03-01', evaluationEnd: '2024-03-20', reportDate: '2024-03-25' });
  });

  it('an evaluation period given in months', () => {
    expect(read('2023年度部门整体支出绩效自评报告\n我单位于2024年1月至2月开展绩效自评。').dates).toMatchObject({ evaluationStart: '2024-01-01', evaluationEnd: '2024-02-29' });
  });

  it('profile from jurisdiction words, national when none', () => {
    expect(read('湖南省某县财政局2023年度部门整体支出绩效自评报告').profile).toBe('hunan');
    expect(read('郑州市某区2023年度部门整体支出绩效自评报告').profile).toBe('henan');
    expect(read('石家庄市某局2023年度部门整体支出绩效自评报告').profile).toBe('hebei');
    expect(read('某市某局2023年度部门整体支出绩效自评报告').profile).toBe('national');
  });
});
