/**
 * The evaluation model: one shape for whole-of-department (部门整体) and project (项目)
 * self-evaluations. It holds what the unit *stated*; every computed figure comes from
 * the scoring engine and the auditor, never from this model.
 *
 * Amounts are decimal strings in 万元 (converted on import; `funds.sourceUnit` records
 * the unit they were printed in). Stated percentages are decimal strings in percent
 * units without the sign ("91.67" means 91.67%), kept exactly as printed so the auditor
 * can judge them within their printed precision. Nothing here is ever a binary float.
 */
import { z } from 'zod';

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

/** Accepts a JSON string or number and yields a canonical decimal string. */
function decimalLike(message: string) {
  return z
    .union([z.string(), z.number()], { error: message })
    .transform((v, ctx) => {
      const s = typeof v === 'number' ? numberToDecimalString(v) : normaliseDecimalText(v);
      if (s === null || !DECIMAL_RE.test(s)) {
        ctx.addIssue({ code: 'custom', message, params: { jx: 'not_a_number', value: String(v) } });
        return z.NEVER;
      }
      return s;
    });
}

function numberToDecimalString(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  // String(n) is the shortest text that reads back as n: for amounts typed in JSON it is
  // exactly what was typed (e.g. 263.38), and from here on we stay in decimal strings.
  const s = String(n);
  if (/e/i.test(s)) return null;
  return s;
}

function normaliseDecimalText(s: string): string | null {
  const t = s.trim().replace(/,/g, '');
  if (t === '') return null;
  return t.startsWith('+') ? t.slice(1) : t;
}

export const DecimalString = decimalLike('应为数字（可带小数），如 12.5');

export const Amount = decimalLike('应为金额数字（万元），如 263.38').refine((s) => !s.startsWith('-'), {
  message: '金额不能为负数',
  params: { jx: 'negative_amount' },
});

/** A stated percentage: "91.67", "91.67%" or 91.67, stored as "91.67". */
export const Percent = z
  .union([z.string(), z.number()], { error: '应为百分比，如 91.67%' })
  .transform((v, ctx) => {
    const raw = typeof v === 'number' ? numberToDecimalString(v) : normaliseDecimalText(v.replace(/[%％]\s*$/, ''));
    if (raw === null || !DECIMAL_RE.test(raw)) {
      ctx.addIssue({ code: 'custom', message: '应为百分比，如 91.67%', params: { jx: 'not_a_number', value: String(v) } });
      return z.NEVER;
    }
    return raw;
  });

export const Weight = decimalLike('分值应为数字，如 10').refine(
  (s) => !s.startsWith('-') && Number(s) <= 100,
  { message: '分值应在 0 到 100 之间', params: { jx: 'weight_range' } },
);

export const Score = decimalLike('得分应为数字，如 9.5').refine((s) => !s.startsWith('-'), {
  message: '得分不能为负数',
  params: { jx: 'negative_score' },
});

const Count = z.number({ error: '应为整数人数或个数' }).int('应为整数').min(0, '不能为负数');

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Optional in input, null in output. */
function opt<T extends z.ZodType>(schema: T) {
  return schema
    .nullable()
    .optional()
    .transform((v): z.output<T> | null => (v === undefined ? null : v));
}

const Text = z.string({ error: '应为文字' });

/** Where a figure or a node was read from (filled by importers; optional everywhere). */
export const SourceRef = z.object({
  file: opt(Text),
  line: opt(z.number().int().min(1)),
  start: opt(z.number().int().min(0)),
  end: opt(z.number().int().min(0)),
  snippet: opt(Text),
});
export type SourceRef = z.output<typeof SourceRef>;

export const FUND_SOURCES = [
  'general_public', // 一般公共预算
  'government_funds', // 政府性基金
  'state_capital', // 国有资本经营预算
  'social_insurance', // 社会保险基金
  'special_account_nontax', // 纳入专户管理的非税收入
  'current_appropriation', // 本年（当年）财政拨款 — the project form's first 其中 row
  'carry_over', // 上年结转
  'central', // 中央资金 / 中央补助 (split by level: project forms of some provinces, transfers)
  'provincial', // 省级资金
  'municipal', // 市级资金
  'county', // 县（区）级资金
  'local', // 地方资金 / 地方财政资金 (one row for every level below the centre: transfer forms)
  'self_raised', // 单位自筹
  'other', // 其他资金
] as const;
export const FundSource = z.enum(FUND_SOURCES, { error: `资金来源应为 ${FUND_SOURCES.join(' / ')} 之一` });
export type FundSource = z.output<typeof FundSource>;
/** The Chinese row label of each source, as the national forms print it. */
export const FUND_SOURCE_LABELS: Record<FundSource, string> = {
  general_public: '一般公共预算',
  government_funds: '政府性基金',
  state_capital: '国有资本经营预算',
  social_insurance: '社会保险基金',
  special_account_nontax: '纳入专户管理的非税收入',
  current_appropriation: '本年财政拨款',
  carry_over: '上年结转',
  central: '中央资金',
  provincial: '省级资金',
  municipal: '市级资金',
  county: '县级资金',
  local: '地方资金',
  self_raised: '单位自筹',
  other: '其他资金',
};

export const AmountTriple = z.object({
  initial: opt(Amount), // 年初预算数
  adjusted: opt(Amount), // 全年预算数（调整后）
  executed: opt(Amount), // 全年执行数
});
export type AmountTriple = z.output<typeof AmountTriple>;

const emptyTriple = { initial: null, adjusted: null, executed: null };

/**
 * One row of a funds table: the total (年度资金总额) or one of its 其中 rows. `arrived`
 * (资金到位数) is printed by transfer-payment forms and some project forms; `statedRate`
 * is the 执行率 printed on the row itself, when a form prints one per row.
 */
export const FundRow = AmountTriple.extend({
  arrived: opt(Amount),
  statedRate: opt(Percent),
});
export type FundRow = z.output<typeof FundRow>;

export const SourceFundRow = FundRow.extend({ source: FundSource, label: opt(Text) });
export type SourceFundRow = z.output<typeof SourceFundRow>;

export const Funds = z.object({
  /** The unit the amounts were printed in; amounts here are always 万元. */
  sourceUnit: z.enum(['万元', '元']).default('万元'),
  total: FundRow.default(() => ({ ...emptyTriple, arrived: null, statedRate: null })),
  /** The 其中 rows under the total, in printed order (by source, or by level for transfers). */
  bySource: z.array(SourceFundRow).default([]),
  basic: AmountTriple.default(emptyTriple), // 基本支出
  personnel: AmountTriple.default(emptyTriple), // 人员经费
  operating: AmountTriple.default(emptyTriple), // 公用经费
  project: AmountTriple.default(emptyTriple), // 项目支出
  projectCount: opt(Count),
  projectLines: z.array(AmountTriple.extend({ name: Text })).default([]),
  /** Why the budget was adjusted during the year (预算调整说明). */
  adjustmentReason: opt(Text),
});
export type Funds = z.output<typeof Funds>;

/** 上年决算 / 本年预算 / 本年决算, the three columns of the base-data sheet. */
export const YearTriple = z.object({
  priorActual: opt(Amount),
  budget: opt(Amount),
  actual: opt(Amount),
});
export type YearTriple = z.output<typeof YearTriple>;
const emptyYear = { priorActual: null, budget: null, actual: null };

export const BaseData = z.object({
  staffing: z
    .object({
      authorized: opt(Count), // 编制数
      actual: opt(Count), // 实际在职人数
      statedControlRate: opt(Percent), // 控制率 as printed
    })
    .default({ authorized: null, actual: null, statedControlRate: null }),
  threePublic: z
    .object({
      total: YearTriple.default(emptyYear),
      overseas: YearTriple.default(emptyYear), // 因公出国(境)费
      vehicles: YearTriple.default(emptyYear), // 公务用车购置及运行维护费
      vehiclePurchase: YearTriple.default(emptyYear),
      vehicleOperation: YearTriple.default(emptyYear),
      reception: YearTriple.default(emptyYear), // 公务接待费
    })
    // A function: zod copies a default only one level deep, and a nested object shared
    // between parsed evaluations would let one edit leak into every other.
    .default(() => ({
      total: { ...emptyYear },
      overseas: { ...emptyYear },
      vehicles: { ...emptyYear },
      vehiclePurchase: { ...emptyYear },
      vehicleOperation: { ...emptyYear },
      reception: { ...emptyYear },
    })),
  project: YearTriple.default(emptyYear), // 项目支出 (total row)
  projectLines: z.array(YearTriple.extend({ name: Text })).default([]),
  operating: YearTriple.default(emptyYear), // 公用经费
  operatingLines: z.array(YearTriple.extend({ name: Text })).default([]),
  procurement: z.object({ budget: opt(Amount), actual: opt(Amount) }).default({ budget: null, actual: null }),
  basicBudgetAdjustment: opt(Amount), // 部门基本支出预算调整
  carryOverBalance: opt(Amount), // 结转结余
  fixedAssets: z.object({ total: opt(Amount), inUse: opt(Amount) }).default({ total: null, inUse: null }),
  buildings: z
    .array(
      z.object({
        name: opt(Text),
        approvedSize: opt(DecimalString), // 批复规模 ㎡
        actualSize: opt(DecimalString),
        statedSizeControlRate: opt(Percent),
        budgetInvestment: opt(Amount),
        actualInvestment: opt(Amount),
        statedInvestmentControlRate: opt(Percent),
      }),
    )
    .default([]),
  savingsMeasures: opt(Text), // 厉行节约保障措施
  signatures: z
    .object({ filler: opt(Text), head: opt(Text), date: opt(IsoDate), phone: opt(Text) })
    .default({ filler: null, head: null, date: null, phone: null }),
});
export type BaseData = z.output<typeof BaseData>;

/** A fresh, empty base-data sheet (every figure null), for builders such as importers. */
export function emptyBaseData(): BaseData {
  return BaseData.parse({});
}

export const QualitativeLevel = z.enum(['achieved', 'partial', 'not_achieved'], {
  error: '定性等级应为 achieved（达成年度指标）/ partial（部分达成）/ not_achieved（未达成）',
});
export type QualitativeLevel = z.output<typeof QualitativeLevel>;

export const Sign = z.enum(['>=', '>', '=', '<=', '<', 'qualitative'], { error: '指标性质应为 >= > = <= < qualitative 之一' });
export type Sign = z.output<typeof Sign>;

/** A level-3 (leaf) indicator, one row of the indicator table. */
export const Indicator = z.object({
  id: opt(Text),
  name: Text,
  /** The target as written, adjusted if it was officially adjusted (年度指标值). */
  target: opt(Text),
  /** The initial target when an adjusted one is recorded beside it (年初指标值). */
  initialTarget: opt(Text),
  /** Sign when the table has its own 指标性质 column. */
  sign: opt(Sign),
  unitOfMeasure: opt(Text),
  actual: opt(Text),
  qualitativeLevel: opt(QualitativeLevel),
  weight: opt(Weight),
  selfScore: opt(Score),
  reviewerScore: opt(Score),
  deviationReason: opt(Text),
  core: z.boolean().default(false),
  notApplicable: z.boolean().default(false),
});
export type Indicator = z.output<typeof Indicator>;

export const Level2 = z.object({
  name: Text,
  weight: opt(Weight),
  selfScore: opt(Score),
  children: z.array(Indicator).default([]),
});
export type Level2 = z.output<typeof Level2>;

export const Level1 = z.object({
  name: Text,
  weight: opt(Weight),
  selfScore: opt(Score),
  statedScoreRate: opt(Percent), // 得分率 as printed
  children: z.array(Level2).default([]),
});
export type Level1 = z.output<typeof Level1>;

export const Goal = z.object({
  title: opt(Text),
  expected: opt(Text),
  achieved: opt(Text),
  /** Targets written inside a goal's text ("…率达到 90%及以上"). */
  targets: z.array(z.object({ name: Text, target: Text })).default([]),
});
export type Goal = z.output<typeof Goal>;

export const GRADE_NAMES_HINT = '优 / 良 / 中 / 差 或 优秀 / 良好 / 一般 / 较差';

export const GradeBand = z.object({
  grade: Text,
  min: DecimalString,
  max: opt(DecimalString),
  minInclusive: z.boolean().default(true),
  maxInclusive: z.boolean().default(false),
});
export type GradeBand = z.output<typeof GradeBand>;

const Figure = z.object({ label: Text, value: DecimalString });

/** Statements a text makes about the year as a whole (claims of type `statement`). */
export const STATEMENTS = ['no_problems', 'runs_normally', 'targets_met'] as const;

/**
 * A figure stated in the prose, made checkable. Importers produce these from sentences;
 * hand-written JSON may state them too.
 */
export const Claim = z.discriminatedUnion(
  'type',
  [
    /** part ÷ whole = percent ("基本支出215.81万元，占本年整体支出的77.99%"; "共29个…完成率100%"). */
    z.object({ type: z.literal('share'), part: Figure, whole: Figure, percent: Percent, text: opt(Text) }),
    /** parts add up to the total ("其中…"). */
    z.object({ type: z.literal('sum'), total: Figure, parts: z.array(Figure).min(1), text: opt(Text) }),
    /** A table figure quoted in the narrative (prose vs table). */
    z.object({
      type: z.literal('figure'),
      field: z.enum([
        'selfScore',
        'grade',
        'executionRate',
        'initialBudget',
        'adjustedBudget',
        'executed',
        'basicExpenditure',
        'projectExpenditure',
        'personnel',
        'operating',
      ]),
      value: Text,
      text: opt(Text),
    }),
    /** A year used as a comparison base ("较2020年减少1.1万元"). */
    z.object({
      type: z.literal('yearComparison'),
      year: z.number().int(),
      /** What the text says the year is: the previous year (上年), or a plain year. */
      statedAs: z.enum(['year', 'previous_year']).default('year'),
      text: opt(Text),
    }),
    /** The grade bands the report says it used. */
    z.object({ type: z.literal('gradeBands'), bands: z.array(GradeBand).min(1), text: opt(Text) }),
    /**
     * A change on last year in percent: the figure now, last year's figure or the change in
     * amount (or both), which way, and the percent ("收入1050万元，较上年增加50万元，增长5%").
     */
    z.object({
      type: z.literal('change'),
      current: Figure,
      previous: opt(Figure),
      delta: opt(Figure),
      direction: z.enum(['up', 'down'], { error: 'change.direction 应为 up / down' }),
      percent: Percent,
      text: opt(Text),
    }),
    /**
     * What the text says of the year as a whole, in words: that there were no problems
     * ("暂无问题"), that the project runs normally ("运转正常"), or that its targets were met as
     * planned ("已按照计划完成目标"). The auditor holds these against the figures.
     */
    z.object({ type: z.literal('statement'), says: z.enum(STATEMENTS, { error: `statement.says 应为 ${STATEMENTS.join(' / ')} 之一` }), text: opt(Text) }),
  ],
  { error: '未知的说明类型（share / sum / figure / yearComparison / gradeBands / change / statement）' },
);
export type Claim = z.output<typeof Claim>;

export const Chapter = z.object({
  level: z.number().int().min(1).max(4),
  /** The number as printed: "一、", "（三）", "1、", "2." or null. */
  number: opt(Text),
  title: Text,
  body: opt(Text),
});
export type Chapter = z.output<typeof Chapter>;

export const TeamMember = z.object({ name: Text, role: opt(Text), title: opt(Text), unit: opt(Text) });

/** What kind of self-evaluation: 部门整体, 项目支出, or 转移支付 (区域绩效目标自评). */
export const EVALUATION_KINDS = ['department', 'project', 'transfer'] as const;
export const EvaluationKind = z.enum(EVALUATION_KINDS, {
  error: 'kind 应为 department（部门整体）、project（项目支出）或 transfer（转移支付）',
});
export type EvaluationKind = z.output<typeof EvaluationKind>;
export const EVALUATION_KIND_LABELS: Record<EvaluationKind, string> = {
  department: '部门整体支出',
  project: '项目支出',
  transfer: '转移支付',
};

/**
 * The header of a project or transfer-payment 自评表. For a transfer, `name` is the
 * transfer's name (转移支付名称), `issuingDepartment` the department above that issued
 * it (中央主管部门 / 省级主管部门), and `implementingUnit` the unit that uses the money.
 */
export const ProjectHeader = z.object({
  name: Text,
  /** 项目编码 as the budget system prints it. */
  code: opt(Text),
  implementingUnit: opt(Text), // 实施单位 / 资金使用单位
  manager: opt(Text), // 项目负责人
  phone: opt(Text), // 联系电话
  /** 项目类别 as printed (e.g. 专项业务类, 运转类, 其他运转类). */
  category: opt(Text),
  issuingDepartment: opt(Text),
});
export type ProjectHeader = z.output<typeof ProjectHeader>;

/** Who filled and signed the form, as printed at its foot. */
export const FormSignatures = z.object({
  filler: opt(Text), // 填报人
  contact: opt(Text), // 联系人
  phone: opt(Text), // 联系电话
  head: opt(Text), // 单位负责人
  date: opt(IsoDate), // 填报日期
});
export type FormSignatures = z.output<typeof FormSignatures>;

/**
 * What a department report states about its projects' self-evaluations. The roll-up
 * itself (count, spending, execution, scores) is computed from the project evaluations;
 * these stated figures are checked against it. Spending stays in `funds.project` and the
 * count in `funds.projectCount`.
 */
export const ProjectRollupStated = z.object({
  evaluatedCount: opt(Count), // 开展自评的项目个数
  statedCoverageRate: opt(Percent), // 项目自评覆盖率
  statedExecutionRate: opt(Percent), // 项目支出执行率
  statedAverageScore: opt(Score), // 项目平均得分
  statedLowestScore: opt(Score), // 最低得分
});
export type ProjectRollupStated = z.output<typeof ProjectRollupStated>;

/**
 * Why a text is not a whole report: it stops mid-table or mid-sentence (`truncated`), begins
 * inside a table printed before it (`starts_mid_table`), is one project's lines taken from a
 * report on several (`excerpt`), or lost a table's empty cells so that some rows could not be
 * placed under their columns and were left unread (`rows_unread`). `cutIn` names the part the cut
 * (or the unread rows) falls in, whose totals then prove nothing (sums over a table read only in part).
 */
export const INCOMPLETE_REASONS = ['truncated', 'starts_mid_table', 'excerpt', 'rows_unread'] as const;
export const SourceIncomplete = z.object({
  reason: z.enum(INCOMPLETE_REASONS, { error: `incomplete.reason 应为 ${INCOMPLETE_REASONS.join(' / ')} 之一` }),
  cutIn: opt(z.enum(['funds', 'indicators', 'scores', 'goals', 'prose'], { error: 'incomplete.cutIn 应为 funds / indicators / scores / goals / prose 之一' })),
});
export type SourceIncomplete = z.output<typeof SourceIncomplete>;

export const Evaluation = z.object({
  schemaVersion: z.literal(1, { error: 'schemaVersion 应为 1' }).default(1),
  kind: EvaluationKind,
  unit: z.object({ name: opt(Text), code: opt(Text) }).default({ name: null, code: null }),
  supervisingDepartment: opt(Text),
  jurisdiction: z
    .object({ name: opt(Text), province: opt(Text), city: opt(Text), county: opt(Text) })
    .default({ name: null, province: null, city: null, county: null }),
  fiscalYear: z.number({ error: 'fiscalYear 应为年份数字，如 2023' }).int().min(1990).max(2100),
  /** Rule profile id, optionally pinned to a version: "hunan" or "hunan@2023.1". */
  profile: z.string().default('national'),
  /** The 自评表 header of a project or transfer; null for a department evaluation. */
  project: opt(ProjectHeader),
  funds: Funds.default(() => Funds.parse({})),
  baseData: opt(BaseData),
  goals: z.array(Goal).default([]),
  budgetExecution: z
    .object({
      weight: opt(Weight),
      selfScore: opt(Score),
      statedRate: opt(Percent),
      statedScoreRate: opt(Percent),
      /** 资金到位率 as printed (transfers, some project forms). */
      statedArrivalRate: opt(Percent),
    })
    .default({ weight: null, selfScore: null, statedRate: null, statedScoreRate: null, statedArrivalRate: null }),
  indicators: z.array(Level1).default([]),
  totals: z
    .object({
      statedWeight: opt(DecimalString), // 总分 as headed (usually 100)
      statedScore: opt(Score), // 自评得分
      statedGrade: opt(Text),
      statedScoreRate: opt(Percent),
    })
    .default({ statedWeight: null, statedScore: null, statedGrade: null, statedScoreRate: null }),
  /** A department report's statements about its projects' self-evaluations. */
  projectRollup: ProjectRollupStated.default(() => ProjectRollupStated.parse({})),
  signatures: FormSignatures.default(() => FormSignatures.parse({})),
  claims: z.array(Claim).default([]),
  chapters: z.array(Chapter).default([]),
  team: z.array(TeamMember).default([]),
  dates: z
    .object({ evaluationStart: opt(IsoDate), evaluationEnd: opt(IsoDate), reportDate: opt(IsoDate) })
    .default({ evaluationStart: null, evaluationEnd: null, reportDate: null }),
  /** Model path ("funds.total.executed", "indicators.0.children.2.children.1") → where it was read. */
  provenance: z.record(z.string(), SourceRef).default({}),
  source: opt(
    z.object({
      file: opt(Text),
      format: opt(Text),
      title: opt(Text),
      /** The text is not a whole report (set by importers; absent means whole, as far as known). */
      incomplete: opt(SourceIncomplete),
    }),
  ),
});
export type Evaluation = z.output<typeof Evaluation>;
export type EvaluationInput = z.input<typeof Evaluation>;
