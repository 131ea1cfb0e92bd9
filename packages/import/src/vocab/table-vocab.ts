/**
 * Data: the genre's table vocabulary (column headers and row labels of the national
 * self-evaluation table, the department table and the base-data sheet, with the
 * variants seen across provinces).
 */
import type { FundSource } from '@jixiao/core';

/** `part`: a column of one source when sources are columns (中央 | 省 | 本级 | 合计 | 执行数); `skip`: a column we do not keep. */
export type FundsColumn = 'initial' | 'adjusted' | 'executed' | 'arrived' | 'weight' | 'rate' | 'arrivalRate' | 'score' | 'rowNo' | 'part' | 'skip';
/** Tested in order; the first match names the column. */
export const FUNDS_COLUMNS: Array<{ key: FundsColumn; re: RegExp }> = [
  { key: 'rowNo', re: /^(?:行次|序号|栏次)$/ },
  { key: 'arrivalRate', re: /到位率|预算到位|资金到位[（(]?[A-Z]\/[A-Z]/ },
  { key: 'rate', re: /执行率|完成率|支付率|预算执行[（(]?[A-Z]\/[A-Z]/ },
  { key: 'skip', re: /统筹整合|扣除.*后|佐证|备注|说明|原因/ },
  { key: 'arrived', re: /到位(?:资金|数|金额)|实际到位|资金到位$/ },
  { key: 'initial', re: /年初(?:预算|批复|计划)?(?:数|金额)?|预算年初数/ },
  { key: 'adjusted', re: /全年预算|调整后(?:预算)?|调整预算|预算调整数|全年批复|全年下达|下达(?:资金|金额|数)|^预算(?:数|金额)?[（(][A-Z][）)]$/ },
  { key: 'executed', re: /全年执行|执行数|实际(?:支出|执行)|决算数|支出数|执行金额|执行资金|实际支付/ },
  { key: 'weight', re: /^(?:分值|权重|分数)/ },
  { key: 'score', re: /^(?:得分|自评得分)$/ },
  // a plain "预算数" beside "执行数" is the budget the execution is measured against
  { key: 'adjusted', re: /^(?:预算数|预算金额|预算安排数?|预算)(?:[（(]万?元[）)])?$/ },
  // sources as columns: 中央 | 省 | 本级 | 其他 | 合计 (the budget) | 执行数 | 执行率
  { key: 'part', re: /^(?:中央|省级?|省、地|市级?|县级?|本级|其他|自筹)(?:资金|财政)?(?:[（(]万?元[）)])?$/ },
  { key: 'adjusted', re: /^(?:合计|小计)(?:[（(]万?元[）)])?$/ },
];

/** Columns of a department report's table of its projects (项目 | 类型 | … | 自评得分 | 自评等级), beside FUNDS_COLUMNS for the money. */
export type ProjectListColumn = 'project' | 'projectKind' | 'projectScore' | 'projectGrade';
export const PROJECT_LIST_COLUMNS: Array<{ key: ProjectListColumn; re: RegExp }> = [
  { key: 'project', re: /^(?:项目|项目名称|项目全称)$/ },
  { key: 'projectKind', re: /^(?:类型|项目类型|类别|项目类别)$/ },
  { key: 'projectScore', re: /^(?:自评得分|自评分数?|得分)$/ },
  { key: 'projectGrade', re: /^(?:自评等级|评价等级|等级|自评结果)$/ },
];

export type FundsRowKey = 'total' | 'basic' | 'personnel' | 'operating' | 'project' | `source:${FundSource}`;
/**
 * A 其中 row of the funds block that names a source of money none of the rows below know (上级补助,
 * 乡镇配套): kept as 其他 with its printed label, so the split still adds up. Not a part of the total:
 * balances, arrivals, spending, changes on last year.
 */
export const SOURCE_LIKE_ROW = /(?:资金|补助|拨款|安排|配套|贷款|投入|筹集)$/;
export const NOT_A_SOURCE_ROW = /结余|结转结余|到位|支出|增减|比上年|执行|合计|总计|小计/;

/** Row labels of the funds block; tested in order. */
export const FUNDS_ROWS: Array<{ key: FundsRowKey; re: RegExp }> = [
  { key: 'total', re: /资金总额|资金总计|^合计$|^总计$|^总额$|预算资金合计|年度资金$|^(?:部门|单位)?(?:整体)?(?:预算|支出)(?:总额|合计|总计)$|^(?:部门|单位)整体支出$/ },
  { key: 'source:carry_over', re: /上年结转|结转资金|以前年度结转/ },
  { key: 'source:current_appropriation', re: /(?:本年|当年|本级)财政拨款|^财政拨款$|^财政资金$/ },
  { key: 'source:central', re: /^中央(?:财政)?(?:资金|补助|拨款|专项|直达|转移支付)?/ },
  { key: 'source:local', re: /^地方(?:财政)?资金/ },
  { key: 'source:provincial', re: /^(?:省级?|自治区|省、地|省市)(?:财政)?(?:资金|补助|拨款|配套)?$|^(?:省级?|自治区)(?:财政)?(?:资金|补助|拨款|配套)/ },
  { key: 'source:municipal', re: /^(?:市级?|州级?|盟市|地市|市州)(?:财政)?(?:资金|补助|拨款|配套)?/ },
  { key: 'source:county', re: /^(?:县级?|区级?|旗县|县区|县市区|本级)(?:财政)?(?:资金|补助|拨款|配套|安排)?$|^(?:县级?|区级?|旗县|县区)(?:财政)?(?:资金|补助|拨款|配套|安排)/ },
  { key: 'source:general_public', re: /一般公共预算|本级财政/ },
  { key: 'source:government_funds', re: /政府性基金/ },
  { key: 'source:state_capital', re: /国有资本经营/ },
  { key: 'source:social_insurance', re: /社会保险基金/ },
  { key: 'source:special_account_nontax', re: /专户管理|非税收入/ },
  { key: 'source:self_raised', re: /单位自筹|自筹资金|^单位资金$/ },
  { key: 'source:other', re: /其他资金|其它资金|自筹|^社会(?:投入|投资)?资金$|^银行贷款$/ },
  { key: 'personnel', re: /人员经费|人员支出|工资福利/ },
  { key: 'operating', re: /公用经费|商品和服务支出/ },
  { key: 'basic', re: /基本支出/ },
  { key: 'project', re: /项目支出/ },
];

export type IndicatorColumn =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'sign'
  | 'unit'
  | 'initialTarget'
  | 'target'
  | 'actual'
  | 'weight'
  | 'score'
  | 'reviewerScore'
  | 'reason'
  | 'core'
  | 'skip';
export const INDICATOR_COLUMNS: Array<{ key: IndicatorColumn; re: RegExp }> = [
  { key: 'level1', re: /一级指标|^指标类[别型]$/ },
  { key: 'level2', re: /二级指标/ },
  { key: 'level3', re: /三级指标|指标名称|具体指标|^指标内容$/ },
  { key: 'skip', re: /得分率|得分系数|完成率|评分标准|评分规则|指标说明|指标解释|指标内涵|评价要点|计算公式|扣分(?!原因|说明|理由|情况)/ },
  { key: 'sign', re: /指标性质|指标方向/ },
  { key: 'unit', re: /计量单位|度量单位/ },
  { key: 'initialTarget', re: /年初(?:指标|目标)值/ },
  { key: 'target', re: /调整后?(?:指标|目标)值|年度指标值|指标值|目标值|年度目标|预期值/ },
  { key: 'actual', re: /实际完成|完成值|实际值|全年实际值|实际达到/ },
  { key: 'reviewerScore', re: /复核得分|审核得分|评审得分/ },
  { key: 'weight', re: /分值|权重|标准分/ },
  { key: 'score', re: /得分|自评分/ },
  { key: 'reason', re: /偏差|原因|改进措施|说明/ },
  { key: 'core', re: /核心指标/ },
];

/** A level-1 name of the indicator tree (also used to read level-1 score tables). */
export const LEVEL1_WORDS = '产出|效益|满意度|成本|投入|过程|效果|管理|决策|履职|投入管理|预算执行|经济成本|社会成本';
export const LEVEL1_NAME = new RegExp(`^(?:${LEVEL1_WORDS})(?:指标)?`);
export const BUDGET_EXECUTION_ROW = /预算执行|资金执行/;
export const TOTAL_ROW = /^(?:总分|合计|总计|综合得分|自评总分|总得分|合\s*计)$/;

/** Level-1 score table header ("指标 | 权重分值 | 得分 | 得分率"). */
export const SCORE_TABLE_HEAD = {
  label: /^(?:一级)?指标(?:名称)?$|^评价指标$|^项目$|^指标类别$/,
  weight: /权重|分值|标准分/,
  score: /^(?:自评)?得分$/,
  rate: /得分率/,
};

/** Cells that label the unit, project and departments in a table header block. */
export type HeaderFieldKey = 'unit' | 'project' | 'transfer' | 'supervising' | 'issuing' | 'implementing' | 'code' | 'manager' | 'phone' | 'category';
/** Tested in order; the first match names the field. */
export const HEADER_FIELDS: Array<{ key: HeaderFieldKey; re: RegExp }> = [
  { key: 'project', re: /^项目名称[：:]?$/ },
  { key: 'transfer', re: /^转移支付(?:[（(]?项目[）)]?)?名称[：:]?$|^(?:专项)?资金名称[：:]?$/ },
  { key: 'code', re: /^项目(?:编码|代码|编号)[：:]?$/ },
  { key: 'issuing', re: /^(?:中央|省级|省|上级)(?:主管)?部门[：:]?$/ },
  { key: 'supervising', re: /^(?:地方)?主管(?:部门|单位)[：:]?$|^项目主管(?:部门|单位)[：:]?$/ },
  { key: 'implementing', re: /^(?:项目)?(?:实施|承担|执行)单位(?:[（(]盖章[）)])?[：:]?$|^项目单位[：:]?$|^资金使用单位[：:]?$/ },
  { key: 'manager', re: /^项目负责人[：:]?$/ },
  { key: 'phone', re: /^联系电话[：:]?$/ },
  { key: 'category', re: /^项目(?:类别|类型|属性)[：:]?$/ },
  { key: 'unit', re: /^(?:(?:市级|县级|区级|省级)?预算(?:部门|单位)|部门|单位)(?:[（(](?:部门|单位)[）)])?(?:名称)?[：:]?$|^(?:填报|评价)单位[：:]?$/ },
];

/** The first half of a column title wrapped in its cell ("年初" / "预算数", "实际" / "完成值"). */
export const TITLE_FIRST_HALF = /^(?:年初|全年|年度|调整后|调整|实际|本年|当年)$/;

export const STAFFING_COLUMNS: Array<{ key: 'authorized' | 'actual' | 'rate'; re: RegExp }> = [
  { key: 'rate', re: /控制率/ },
  { key: 'authorized', re: /编制数|编制人数|核定编制|人员编制/ },
  { key: 'actual', re: /在职人数|实有人数|在编人数|实际人数/ },
];

/** Base-data sheet rows with three columns (上年决算 / 本年预算 / 本年决算). */
export type BaseRowKey =
  | 'threePublic.total'
  | 'threePublic.vehicles'
  | 'threePublic.vehiclePurchase'
  | 'threePublic.vehicleOperation'
  | 'threePublic.overseas'
  | 'threePublic.reception'
  | 'project'
  | 'operating'
  | 'procurement'
  | 'basicBudgetAdjustment'
  | 'carryOverBalance';
export const BASE_ROWS: Array<{ key: BaseRowKey; re: RegExp }> = [
  { key: 'threePublic.total', re: /^[“"]?三公[”"]?经费(?:合计|支出)?$/ },
  { key: 'threePublic.vehicles', re: /公务用车购置(?:和|及)(?:运行)?维护|公务用车(?:费|经费)$/ },
  { key: 'threePublic.vehiclePurchase', re: /公车购置|公务用车购置(?:费)?$/ },
  { key: 'threePublic.vehicleOperation', re: /公车运行|公务用车运行/ },
  { key: 'threePublic.overseas', re: /出国/ },
  { key: 'threePublic.reception', re: /公务接待/ },
  { key: 'project', re: /^项目支出/ },
  { key: 'operating', re: /^(?:日常)?公用经费/ },
  { key: 'procurement', re: /政府采购/ },
  { key: 'basicBudgetAdjustment', re: /基本支出预算调整/ },
  { key: 'carryOverBalance', re: /结转结余/ },
];

export const GOAL_HEADER = /年度总体目标|总体绩效目标|年度绩效目标|(?:项目|区域)?年度(?:总体)?目标(?:完成情况)?$/;
export const GOAL_EXPECTED = /预期目标|年度目标|目标内容/;
export const GOAL_ACHIEVED = /实际完成情况|完成情况|实际完成/;

/**
 * Column titles as they run together when a site flattens a table's header into one line
 * ("全年预算数(A)全年执行数(B)预算执行率(B/A)"); longest first. A bracketed column letter or
 * formula may follow each.
 */
export const GLUED_HEADER_TERMS = [
  '年初预算数', '全年预算数', '调整后预算数', '全年到位数', '全年到位资金', '资金到位率', '预算到位率', '全年执行数', '全年执行资金',
  '预算执行率', '执行率', '预算数', '执行数', '到位数', '分值', '得分', '权重',
].sort((a, b) => b.length - a.length);

/** A header cell saying the table's amounts are in 元: "（元）", "单位：元". */
export const YUAN_HEAD = /[（(]\s*元\s*[）)]|单位[：:]\s*元(?!\S*万)/;

/** A caption introducing a table ("各项指标得分情况", "…如下：", "附件2"), not a row of one. */
export const CAPTION = /^附(?:件|表)|绩效(?:自评|评价)(?:表|报告)$|基础数据表$|(?:情况|表|如下|统计|明细)[：:]?$/;

/** A short line that may be a row of the table around it whose other cells were empty. */
export function isShortRow(text: string): boolean {
  return text.length <= 40 && !/[。；]/.test(text) && !CAPTION.test(text);
}
