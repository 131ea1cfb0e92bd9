/**
 * Data: the narrative vocabulary of self-evaluation reports (labels of amounts, rate and
 * score phrases, grade words, jurisdiction words). Patterns over the genre, not one report.
 */
import { LEVEL1_WORDS } from './table-vocab.js';

export type FundsField = 'initial' | 'adjusted' | 'executed';
/** Labels of a total-level amount in prose; tested in order on the text before the number. */
export const TOTAL_AMOUNT_LABELS: Array<{ field: FundsField; re: RegExp }> = [
  { field: 'initial', re: /年初(?:预算)?(?:安排|数|批复)?(?:资金)?(?:为|是)?$|预算年初数(?:为)?$|年初预算(?:数)?(?:为)?$/ },
  { field: 'adjusted', re: /(?:调整(?:后)?预算|预算调整|全年预算)(?:数|金额|资金)?(?:为|是)?$/ },
  {
    field: 'executed',
    re: /(?:执行(?:金额|数)|(?:全年|实际|已|共|累计)执行了?|支付(?:完成)?|实际支出|支出(?:总计|合计|总额)|整体支出(?:总计|合计)?|决算(?:总)?支出|决算(?:数|金额)|财政拨款支出|总支出|共支出资金|支出资金|共完成|完成支出)(?:为|是|共)?$/,
  },
  { field: 'initial', re: /(?:(?:部门|单位)预算(?:数|资金)?|支出预算(?:总额|数)?|预算支出|预算总额|预算安排|预算资金|预算批复(?:数|金额)?|批复预算(?:数|金额)?)(?:共计|合计|总计)?(?:为|是)?$/ },
];

/**
 * "2018年度支出5560.46万元", "…，全年支出480万元", "…，已支出480万元": the year's spending, its sentence
 * (or its clause) saying nothing else before it.
 */
export const YEAR_SPENDING = /^(?:\d{4}年度?|本年度?|全年|当年)?[，,]?(?:已|共|累计)?支出(?:共计|合计|总额)?(?:为|共)?$/;

export type NatureField = 'basic' | 'project' | 'personnel' | 'operating';
export const NATURE_LABELS: Array<{ field: NatureField; re: RegExp }> = [
  { field: 'personnel', re: /人员经费(?:支出)?(?:为)?$/ },
  { field: 'operating', re: /(?:日常)?公用经费(?:支出)?(?:为)?$/ },
  { field: 'basic', re: /基本支出(?:为)?$/ },
  { field: 'project', re: /项目支出(?:为)?$/ },
];

/** Words that make an amount a change, not a level ("较2020年减少1.1万元"). */
export const DELTA_WORDS = /较|比上|同比|环比|减少|增加|增长|下降|上升|节约|节省|超支|压减|压缩|调减|调增|追加|追减|核减|收回/;
/** Amounts that are revenue or other things, not spending of the unit. */
export const NOT_SPENDING = /收入|固定资产|资产总|采购|合同|补贴标准|人均/;
export const SCOPE_PROJECT = /专项|项目/;
export const SCOPE_BASIC = /人员及公用|人员和公用|基本支出|基本经费/;
export const SCOPE_SKIP = /三公|公务接待|公务用车|出国/;
export const MODE_INITIAL = /预算(?!执行)/;
export const MODE_EXECUTED = /决算|执行|完成|全年|实际|支付/;

export const EXECUTION_RATE = /(?:(?:预算|资金)(?:执行|支付)率|^执行率)(?:为|达到?|是)?$/;
/** In a project's or transfer's report the money's use, payment or 发放 rate is its execution rate. */
export const PROJECT_EXECUTION_RATE = /(?:(?:预算|资金)(?:使用|拨付|发放)率|^(?:使用|支付|发放|支出|拨付)率|(?:预算|资金)?(?:支出|执行|支付)进度|投资完成率)(?:为|达到?|是)?$/;
/** The share of the budget that arrived ("资金到位率100%"). */
export const ARRIVAL_RATE = /(?:资金|预算)?到位率(?:为|达到?|是)?$/;
/** "200万元已全部到位": the whole amount arrived (not spent). */
export const PROSE_ARRIVED_IN_FULL = /^[，,]?\s*(?:已|均已)?(?:全部|全额|足额)到位/;

/** Prose words of a project's budget, of what was spent, and of an amount spent in full. */
export const PROSE_BUDGET_WORD = /预算(?:数|资金|金额|安排)?|安排|下达|批复|投入|拨付|到位|预拨|资金规模|总投资|计划投资/g;
/** What reached the project ("实际到位资金300万元"): its arrived funds, not its budget. */
export const PROSE_ARRIVED_WORD = /到位(?:资金|金额|数)?/g;
/** Words of a project's own funds as a whole ("项目资金共计300万元"): its budget. */
export const PROSE_PROJECT_FUNDS = /(?:项目|专项)资金(?:总额|总计|共计|合计)?/g;
export const PROSE_SPENT_WORD = /支出|执行(?:数|金额)?|(?<!转移)支付|使用|兑付|发放|完成投资/g;
export const PROSE_SPENT_IN_FULL = /^[，,]?\s*(?:已|均已)?(?:全部|全额)(?:执行|支出|拨付|使用|支付|兑付)(?:到位|完毕|完成)?/;
/** Words that make a budget amount the year's final (adjusted) one, and the year's first one. */
export const PROSE_ADJUSTED = /全年|实际|调整后|最终|累计/;
export const PROSE_INITIAL = /年初/;
/** An amount per head or per item, not the total ("生均1000元", "单价0.4163万元"). */
export const PROSE_PER_UNIT = /(?:生均|人均|户均|每[人户个辆套台]?|单价|标准为?|均价)$/;
/** Levels of government funding a transfer; two or more of them stated apart are parts, not the total. */
export const PROSE_LEVEL = /中央|省级|省财政|自治区|市级|市县|盟市|县级|区级|本级|上级|地方/;
/** Pre-allocations and settlements: budget amounts that are not the year's budget. */
export const PROSE_NOT_BUDGET = /预拨|提前下达|预下达|清算|结算|剩余/;
export const SHARE_OF = /占(.{0,20}?)(?:的)?(?:比例|比重)?(?:为|是)?$/;
export const SHARE_RATIO = /占比(?:为|是)?$/;
export const RATE_WORD = /率(?:为|达到?|是)?$/;
export const TOTAL_COUNT = /(?:共有|共计|共|合计|总计|累计)/;
export const COUNT_UNITS = new Set(['个', '条', '项', '件', '人', '次', '名', '家', '户']);

/** Words a sentence stating a grade has (a cheap test before the grade phrases). */
export const GRADE_HINT = /等级|等次|评价|评定|评级|结论/;
export const GRADE_WORDS = '优秀|良好|一般|较差|不合格|合格|优|良|中|差';
/** The total self-score in prose: a qualifier is required ("自评得分99分", "最终得分为91分"); a bare "得分10分" is an indicator's. */
/** "自评总分: 95" — a total self-score printed as a field, without 分 after it. */
export const SCORE_FIELD = /(?:自评总分|自评得分|总得分|综合得分|绩效得分)\s*(?:[（(]分[）)]\s*[:：]?|[:：])\s*(\d{1,3}(?:\.\d+)?)(?![\d.%％])/g;
/** The total in prose: "自评得分为92.5分", "综合评分92.5分", and after the result's own label ("自评结果：得分92.5分"). */
export const SCORE_PHRASE = /(?:(?:自评|评价)(?:结果|结论)[:：，,]?\s*(?:得分|评分|分数|自评分|总分)?|(?:自评|最终|综合|总|整体|合计|(?:本|该)(?:项目|部门|单位)|(?:本次|综合|绩效)评价)(?:得分|评分|分数|自评分|总分))(?:为|是|:|：)?(\d+(?:\.\d+)?)分/g;
/** The grade in prose ("自评等级为优"); a grade followed by a count ("自评等级：优3个、良1个") is a tally of several evaluations' grades, not one. */
export const GRADE_PHRASE = new RegExp(`(?:等级|等次|评价结果|评定结果|评价结论|自评结论|评定|评级|评价)(?:(?:为|是|:|：)["“「'‘]?|["“「'‘])(${GRADE_WORDS})(?![\\u4e00-\\u9fa5]{0,1}分)(?![\\u4e00-\\u9fa5]?\\s*\\d)`, 'g');

/** Jurisdiction words → rule profile; the first entry whose words occur wins (data). */
export const JURISDICTIONS: Array<{ profile: string; province: string; words: string[]; cities: string[] }> = [
  {
    profile: 'hunan',
    province: '湖南省',
    words: ['湖南', '湘'],
    cities: ['长沙', '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '张家界', '益阳', '郴州', '永州', '怀化', '娄底', '湘西'],
  },
  {
    profile: 'henan',
    province: '河南省',
    words: ['河南', '豫', '郑州', '金水'],
    cities: ['郑州', '开封', '洛阳', '平顶山', '安阳', '鹤壁', '新乡', '焦作', '濮阳', '许昌', '漯河', '三门峡', '南阳', '商丘', '信阳', '周口', '驻马店', '济源', '金水'],
  },
  {
    profile: 'hebei',
    province: '河北省',
    words: ['河北', '冀', '石家庄', '石发'],
    cities: ['石家庄', '唐山', '秦皇岛', '邯郸', '邢台', '保定', '张家口', '承德', '沧州', '廊坊', '衡水', '雄安'],
  },
];

/** Lines that are a signature: an organisation's name alone on a line. */
export const ORG_SUFFIX =
  /(?:办公室|委员会|领导小组|管理局|局|委|部|中心|处|院|站|所|会|政府|办|队|馆|社|厅|署|集团|公司|学校|中学|小学|大学|医院|街道|乡|镇|联|科协)$/;

export const TEAM_HEADING = /评价(?:工作)?(?:组|小组)(?:人员|成员)?(?:名单|组成)?|工作组(?:人员|成员)|评价人员/;
export const TEAM_ROLE = /^(组\s*长|副\s*组\s*长|组\s*员|成\s*员|专\s*家)\s*[：:]\s*/;

export const GOAL_SECTION = /^(?:年度)?(?:整体|总体)?(?:绩效)?目标(?:及|和|与)?(?:指标)?(?:设置)?$|^绩效目标/;
export const TARGET_VERB = /(达到|不低于|不少于|不高于|不超过|低于|高于|控制在|大于等于|小于等于|大于|小于|≥|≤|>=|<=|>|<)/;

/** Names of the unit's total spending ("占总支出的"). */
export const TOTALISH = /总支出|支出总额|支出合计|整体支出|全部支出|总额|合计|总计/;
/** Words that may stand before a total's label without making it an item's ("本年", "我单位", "财政拨款" …). */
export const GENERIC_PREFIX =
  /本年度?|全年|年度|当年|截[至止](?:\d{4}年)?(?:\d{1,2}月(?:底|末|\d{1,2}日)|年底|年末|目前|当前)|\d{4}年度?|[本我]?(?:部门|单位)|[本我](?:局|办|委|厅|处|中心|院|所|站|校|队)|整体支出|整体|财政拨款|财政|一般公共预算|预算|决算|资金|经费|合计|累计|总|共|人员(?:及|和)公用经费|基本(?:支出|经费)|专项(?:预算)?(?:项目)?|项目|[，,、\s]/g;
/** A sentence that explains a budget adjustment ("预算调整的主要原因是…", "因…追加预算…"). */
export const ADJUSTMENT_REASON =
  /(?:预算|资金)?(?:调整|调增|调减|追加|追减|变动)(?:的)?(?:主要)?(?:原因|理由|说明)(?:是|为|：|:|系)|(?:由于|因|系)[^。；]{2,40}(?:追加|追减|调增|调减|调整)(?:了)?(?:预算|资金|经费)/;

/** What a text says of the year as a whole (claims of type `statement`): the phrases, per statement. */
export const STATEMENT_PHRASES: Array<{ says: 'no_problems' | 'runs_normally' | 'targets_met'; re: RegExp }> = [
  { says: 'no_problems', re: /(?:暂无|没有|未发现|不存在)(?:发现)?(?:明显|任何|其他)?(?:的)?问题/ },
  { says: 'runs_normally', re: /(?:运转|运行|实施)(?:情况)?(?:正常|良好|顺利)/ },
  { says: 'targets_met', re: /按(?:照)?计划完成(?:了)?(?:年度)?(?:总体)?(?:绩效)?目标|(?:年度|绩效|各项|总体)(?:绩效)?目标(?:均|已|全部){1,2}(?:完成|实现|达成)|(?:各项|全部|所有)?(?:绩效)?指标(?:均|已|全部){1,2}(?:完成|达到|实现)/ },
];

/** "…人次数年初指标值为不低于180人，全年实际完成值164人": an indicator written in prose. */
export const PROSE_INDICATOR =
  /(?:^|[，,。；;：:])(?:第[一二三四五六七八九十]+[，,、]|\d{1,2}[、.．])?([^，,。；;：:]{2,40}?)(?:年初|年度|全年)?(?:指标值|目标值)(?:为|是)?([^，,。；;]{1,30})[，,](?:全年)?实际(?:完成值|完成|值)(?:为|是)?([^，,。；;]{1,30})(?=[。；;，,]|$)/g;
/** The level of the indicators that follow: "1、产出数量指标：", "社会效益指标". */
export const PROSE_INDICATOR_LEVEL = /(产出|效益|满意度)?(数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)指标/g;

/**
 * One part of a score breakdown in prose: a level-1 indicator (or budget execution) at the start of a
 * clause, its full marks in brackets if printed, then its score after 得分/得/评分 ("产出指标（50分）得45分",
 * "预算执行率得分9.8分"). Groups: 1 name, 2 full marks, 3 score.
 */
export const LEVEL1_SCORE_PART = new RegExp(
  `(?<=^|[，,；;：:、。\\s]|其中)((?:${LEVEL1_WORDS}|资金执行)率?(?:指标)?)(?:[（(](?:满分|权重|分值)?\\s*(\\d+(?:\\.\\d+)?)分[）)])?(?:自评)?(?:得分|评分|得)(?:为|是)?\\s*(\\d+(?:\\.\\d+)?)分`,
  'g',
);

/** A comparison with last year (or a named year) before a change: 较上年, 比2022年, 同比. */
export const CHANGE_COMPARISON = /(?:较|比)(?:上年度?|去年|上一年度?|\d{4}年度?)(?:同期)?(?:的)?|同比/;
/** The words right before a percent of change ("增长5%", "下降了16.67%", "增幅为5%"); group 0 names the way. */
export const CHANGE_PERCENT_LABEL = /(?:增长|增加|上升|提高|下降|减少|降低|增幅|降幅)(?=(?:了|率|幅度?)?(?:为|达)?$)/;
/** A change in amount: the words before it end with one ("增加50万元"). */
export const CHANGE_VERB_END = /(?:增长|增加|上升|提高|下降|减少|降低)(?=了?$)/;
/** Which way a change word goes. */
export const CHANGE_UP = /增长|增加|上升|提高|增幅/;
