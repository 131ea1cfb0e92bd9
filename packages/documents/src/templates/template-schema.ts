/**
 * A document template: everything that differs between jurisdictions in the official
 * package (titles, attachment labels, chapter outline, fonts, which tables to include).
 * Templates are JSON files under packages/documents/templates/; adding a province is
 * adding a file. They are validated with this schema when loaded.
 */
import { z } from 'zod';
import { EvaluationKind as EvaluationKindSchema, FundSource, type EvaluationKind } from '@jixiao/core';

/** Figures the renderer computes from the evaluation (never typed by hand). */
export const FIGURE_BLOCKS = [
  'staffing', // 编制数 / 在职人数 / 控制率
  'fundsSummary', // 年初 / 全年 / 执行 / 执行率
  'fundsBySource', // 按收入性质
  'fundsByNature', // 基本 / 项目，人员 / 公用，with shares
  'goals', // 年度总体目标（预期）
  'goalsAchieved', // 年度总体目标（实际完成）
  'indicatorOverview', // 指标体系与分值
  'indicatorTable', // the indicator table with merged cells
  'levelAnalysis', // score of each level-1 indicator, unmet indicators
  'conclusion', // total, grade, grade bands
  'scoreTable', // score by level-1 indicator
  'chartScores',
  'chartBudget',
  'chartSources',
  'team', // 评价工作组 and date
  'projects', // the department's projects: roll-up figures and a table (from the children's evaluations)
] as const;
export type FigureBlockName = (typeof FIGURE_BLOCKS)[number];

/** Chapters only the unit can write; matched against `evaluation.chapters` titles. */
export const UNIT_SLOTS = [
  'basicInfo',
  'fundsNarrative',
  'goalsNarrative',
  'process',
  'achievementNarrative',
  'problems',
  'measures',
  'resultUse',
  'other',
] as const;
export type UnitSlot = (typeof UNIT_SLOTS)[number];

const Block = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('figures'),
    name: z.enum(FIGURE_BLOCKS),
    heading: z.string().min(1).nullable().default(null),
  }),
  z.object({
    kind: z.literal('unit'),
    slot: z.enum(UNIT_SLOTS),
    heading: z.string().min(1).nullable().default(null),
    /** Print 【待填写：…】 when the unit has not written it (false: leave the block out). */
    required: z.boolean().default(true),
  }),
]);
export type TemplateBlock = z.output<typeof Block>;

const Chapter = z.object({
  title: z.string().min(1),
  /** Only for this kind of evaluation (both when absent). */
  kinds: z.array(EvaluationKindSchema).optional(),
  blocks: z.array(Block).min(1),
});
export type TemplateChapter = z.output<typeof Chapter>;

const ByKind = z.object({ department: z.string().min(1), project: z.string().min(1), transfer: z.string().min(1) });
type ByKindText = z.output<typeof ByKind>;

/** The text for an evaluation kind. */
export function textForKind(texts: ByKindText, kind: EvaluationKind): string {
  return texts[kind];
}

const FontSet = z.object({
  title: z.string().min(1),
  body: z.string().min(1),
  heading1: z.string().min(1),
  heading2: z.string().min(1),
  table: z.string().min(1),
  latin: z.string().min(1),
});

export const INDICATOR_COLUMNS = [
  'level1',
  'level2',
  'level3',
  'sign', // 指标性质 (≥ ≤ = 定性); with it, the target cell holds the value only
  'initialTarget', // 年初指标值 (beside an adjusted target)
  'target', // 年度指标值 / 调整指标值 / 指标值
  'unitOfMeasure', // 计量单位; with it, the target and actual cells hold the number only
  'actual',
  'weight',
  'score',
  'scoreRate', // 得分系数 = 得分 ÷ 分值 (a live formula)
  'core', // 是否核心指标
  'deviation',
] as const;
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];

/** Header fields of a project / transfer 自评表. */
export const HEADER_FIELDS = ['name', 'code', 'supervisingDepartment', 'implementingUnit', 'manager', 'phone', 'category', 'issuingDepartment', 'unit'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

/** Columns of the funds block: amounts, rates (live formulas), and the execution weight and score (total row). */
export const FUNDS_COLUMNS = ['initial', 'adjusted', 'executed', 'arrived', 'arrivalRate', 'weight', 'rate', 'score'] as const;
export type FundsColumn = (typeof FUNDS_COLUMNS)[number];

const Label = z.string().min(1);

/**
 * The layout of a project (项目支出) or transfer (转移支付区域绩效) 自评表: the same data
 * renders to .xlsx (live formulas) and .docx/PDF. Placeholders: {year} {project} {unit}.
 */
export const FormSpec = z
  .object({
    /** Where the layout comes from (a document number, a corpus text); not printed. */
    basis: z.string().nullable().default(null),
    attachmentLabel: z.string().nullable().default(null),
    /** Sheet name of a single-form workbook (a unit workbook names sheets after projects). */
    sheetName: z.string().min(1).max(31),
    title: Label,
    /** Label/value pairs, one or two per row; `optional` rows print only when a value is known. */
    header: z
      .array(
        z.object({
          cells: z.array(z.object({ label: Label, field: z.enum(HEADER_FIELDS) })).min(1).max(2),
          optional: z.boolean().default(false),
        }),
      )
      .min(1),
    funds: z.object({
      /** Block label; {unit} is the unit the amounts are printed in (万元 or 元). */
      label: z.string().includes('{unit}'),
      columns: z.array(z.object({ key: z.enum(FUNDS_COLUMNS), label: Label })).min(2),
      totalLabel: Label,
      /** Printed before the first 其中 row's label. */
      firstSourcePrefix: z.string().default('其中：'),
      /** The 其中 rows every form prints (blank when the evaluation has none); others follow in the evaluation's order. */
      sources: z.array(z.object({ source: FundSource, label: Label })).default([]),
      /** Print 执行率 / 到位率 on the 其中 rows too. */
      ratesOnSourceRows: z.boolean().default(true),
      /** Printed in the weight and score cells of the 其中 rows (null: left blank). */
      notScoredMark: z.string().nullable().default(null),
    }),
    goals: z.object({ label: Label, expected: Label, achieved: Label }),
    indicators: z.object({
      label: Label,
      columns: z.array(z.enum(INDICATOR_COLUMNS)).min(5),
      /** Column headings that differ from the usual ones (e.g. target → 指标值). */
      columnLabels: z.partialRecord(z.enum(INDICATOR_COLUMNS), Label).default({}),
      /** Print the level-1 weight under its name: 产出指标（50分）. */
      level1Weight: z.boolean().default(true),
    }),
    totalLabel: Label,
    grade: z.object({ label: Label, show: z.enum(['always', 'whenStated', 'never']) }),
    /** Lines under the table; placeholders {filler} {contact} {phone} {head} {manager} {date}. */
    footer: z.array(z.string()).default([]),
  })
  .superRefine((f, ctx) => {
    for (const need of ['level1', 'level2', 'level3', 'weight', 'score'] as const) {
      if (!f.indicators.columns.includes(need)) ctx.addIssue({ code: 'custom', path: ['indicators', 'columns'], message: `指标列缺少 ${need}` });
    }
    const keys = f.funds.columns.map((c) => c.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['funds', 'columns'], message: '资金列重复' });
    if (!keys.includes('executed')) ctx.addIssue({ code: 'custom', path: ['funds', 'columns'], message: '资金列缺少 executed（全年执行数）' });
    if ((keys.includes('rate') || keys.includes('arrivalRate')) && !keys.includes('adjusted')) {
      ctx.addIssue({ code: 'custom', path: ['funds', 'columns'], message: '有执行率或到位率列时须有 adjusted（全年预算数）列' });
    }
    if (keys.includes('arrivalRate') && !keys.includes('arrived')) ctx.addIssue({ code: 'custom', path: ['funds', 'columns'], message: '有到位率列时须有 arrived（到位数）列' });
  });
export type FormSpec = z.output<typeof FormSpec>;

export const Template = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, '模板 id 只能用小写字母、数字和连字符'),
    name: z.string().min(1),
    /** Rule profile ids (without @version) that select this template by default. */
    profiles: z.array(z.string().min(1)).default([]),
    fonts: FontSet,
    /** Sizes in points; GB/T 9704: title 二号 22, body 三号 16, fixed line 28. */
    sizes: z.object({
      title: z.number().positive(),
      body: z.number().positive(),
      table: z.number().positive(),
      lineSpacing: z.number().positive(),
    }),
    /** Page margins in millimetres (A4). */
    margins: z.object({
      top: z.number().positive(),
      bottom: z.number().positive(),
      left: z.number().positive(),
      right: z.number().positive(),
    }),
    /** Footer page number text around the number, e.g. ["— ", " —"]. */
    pageNumber: z.tuple([z.string(), z.string()]),
    /** Placeholders: {year} {unit} {project}. */
    report: z.object({
      attachmentLabel: z.string().nullable().default(null),
      title: ByKind,
      /** Opening paragraph before the first chapter (placeholders allowed), or null. */
      preamble: z.string().nullable().default(null),
      /** Printed in place of a chapter the unit has not written; {label} is the slot label. */
      missingText: z.string().includes('{label}'),
      chapterNumbering: z.enum(['chinese', 'arabic']).default('chinese'),
      chapters: z.array(Chapter).min(1),
    }),
    /** Keywords (in priority order) that find the unit's own text in `evaluation.chapters`. */
    slots: z.record(
      z.enum(UNIT_SLOTS),
      z.object({
        label: z.string().min(1),
        match: z.array(z.string().min(1)).min(1),
        /** What the unit should write here, shown beside the editor's field (the province's outline notes). */
        guidance: z.string().min(1).nullable().default(null),
      }),
    ),
    tables: z.object({
      /** The department 自评表 (project and transfer forms: `forms`). */
      selfEvaluation: z.object({
        attachmentLabel: z.string().nullable().default(null),
        sheetName: z.string().min(1).max(31),
        title: Label,
        unitLabel: Label,
        indicatorColumns: z.array(z.enum(INDICATOR_COLUMNS)).min(5),
      }),
      baseData: z.object({
        include: z.boolean(),
        attachmentLabel: z.string().nullable().default(null),
        sheetName: z.string().min(1).max(31),
        title: z.string().min(1),
        note: z.string().nullable().default(null),
      }),
      /** The unit workbook's summary sheet (项目自评结果汇总表). */
      projectSummary: z
        .object({ sheetName: z.string().min(1).max(31), title: Label })
        .default({ sheetName: '项目自评结果汇总表', title: '{unit}{year}年度项目自评结果汇总表' }),
    }),
    /** Project and transfer 自评表 layouts; a template without one uses national's (see `formFor`). */
    forms: z.object({ project: FormSpec.optional(), transfer: FormSpec.optional() }).default({}),
  })
  .superRefine((t, ctx) => {
    for (const ch of t.report.chapters) {
      for (const b of ch.blocks) {
        if (b.kind === 'unit' && !t.slots[b.slot]) {
          ctx.addIssue({ code: 'custom', message: `章节“${ch.title}”用到的 ${b.slot} 没有在 slots 中定义` });
        }
      }
    }
    const cols = t.tables.selfEvaluation.indicatorColumns;
    for (const need of ['level1', 'level2', 'level3', 'weight', 'score'] as const) {
      if (!cols.includes(need)) ctx.addIssue({ code: 'custom', message: `自评表指标列缺少 ${need}` });
    }
  });
export type Template = z.output<typeof Template>;
export type TemplateInput = z.input<typeof Template>;
