/**
 * Data: words that tell what kind of self-evaluation a text is, and where one evaluation form
 * ends and the next begins. Patterns over the genre (national and provincial form titles),
 * not any one report.
 */

/** The title of a self-evaluation form or report ("项目支出绩效自评表（2021年度）", "…绩效自评报告"). */
export const FORM_TITLE =
  /(?:绩效(?:目标)?(?:自评价?|评价)|自评(?:价)?|绩效目标自评|支出绩效)(?:表|报告)(?:\s*[（(][^（）()]{0,12}[）)])?\s*(?:\.(?:pdf|docx?|xlsx?))?$/;
/** A line that introduces an annex ("附件2", "附件：项目支出绩效自评表"). */
export const ANNEX_LINE = /^附(?:件|表)\s*\d*\s*[：:]?/;
/** A summary of many evaluations (not an evaluation itself): 项目自评结果汇总表. */
export const SUMMARY_TITLE = /汇总表|汇总情况表|一览表|统计表/;

/** Kind words in a title or header, strongest first: the first that matches decides. */
export const KIND_WORDS: Array<{ kind: 'department' | 'project' | 'transfer'; re: RegExp }> = [
  { kind: 'transfer', re: /转移支付|区域绩效目标|补助(?:地方)?资金|直达资金|中央(?:财政)?(?:专项)?资金/ },
  { kind: 'department', re: /部门整体|单位整体|整体支出|部门(?:绩效)?自评(?:工作|报告|表)|整体绩效/ },
  { kind: 'project', re: /项目(?:支出)?(?:绩效|自评)|项目资金|专项资金|专项经费|[^\s，,。]{2,20}项目(?:[）)]|$|自评)|[^\s，,。]{2,20}(?:经费|资金)(?:绩效)?(?:自评|评价)/ },
];

/** Table kinds that only a project or transfer form has. */
export const PROJECT_HEADER_FIELDS = /^(?:项目名称|项目编码|项目负责人|转移支付(?:[（(]项目[）)])?名称|中央主管部门|资金使用单位)/;

/** How a whole report ends: a sentence, a date, a signature, a closing "无". */
export const ENDS_SENTENCE = /[。！？!?；;…”"』」】]\s*$/;
export const ENDS_DATE = /\d{4}\s*(?:年|[-./])\s*\d{1,2}\s*(?:月|[-./])\s*\d{1,2}\s*日?\s*$/;
export const SIGNATURE_LINE = /^(?:填报人|填表人|单位负责人|财务负责人|项目负责人|联系人|联系电话|填报日期|日期|审核人)\s*[:：]|[（(]盖章[）)]\s*$|^[\u4e00-\u9fa5（）()]{2,30}(?:办公室|委员会|领导小组|局|委|中心|处|院|站|所|会|政府|办|队|馆|社|厅|学校|医院|街道|乡|镇)$/;
export const CLOSING_ANSWER = /(?:无|暂无|没有|不涉及)[。.]?\s*$/;
/** A value that completes a table row: a number, a percentage, a grade, a blank mark. */
export const COMPLETE_CELL = /^(?:[≥≤<>=]?-?[\d,]+(?:\.\d+)?\s*(?:%|分|万元|元)?|优秀|良好|合格|不合格|优|良|中|差|[—–\-/]{1,3}|无)$/;
