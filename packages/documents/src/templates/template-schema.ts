/**
 * A document template: everything that differs between jurisdictions in the official
 * package (titles, attachment labels, chapter outline, fonts, which tables to include).
 * Templates are JSON files under packages/documents/templates/; adding a province is
 * adding a file. They are validated with this schema when loaded.
 */
import { z } from 'zod';
import { EvaluationKind as EvaluationKindSchema, type EvaluationKind } from '@jixiao/core';

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

const ByKind = z.object({ department: z.string().min(1), project: z.string().min(1), transfer: z.string().min(1).optional() });
type ByKindText = z.output<typeof ByKind>;

/** The text for an evaluation kind; a transfer falls back to the project text when a template has none. */
export function textForKind(texts: ByKindText, kind: EvaluationKind): string {
  return kind === 'transfer' ? (texts.transfer ?? texts.project) : texts[kind];
}

const FontSet = z.object({
  title: z.string().min(1),
  body: z.string().min(1),
  heading1: z.string().min(1),
  heading2: z.string().min(1),
  table: z.string().min(1),
  latin: z.string().min(1),
});

const INDICATOR_COLUMNS = ['level1', 'level2', 'level3', 'sign', 'target', 'unitOfMeasure', 'actual', 'weight', 'score', 'deviation'] as const;
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];

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
    slots: z.record(z.enum(UNIT_SLOTS), z.object({ label: z.string().min(1), match: z.array(z.string().min(1)).min(1) })),
    tables: z.object({
      selfEvaluation: z.object({
        attachmentLabel: z.string().nullable().default(null),
        sheetName: z.string().min(1).max(31),
        title: ByKind,
        unitLabel: ByKind,
        indicatorColumns: z.array(z.enum(INDICATOR_COLUMNS)).min(5),
      }),
      baseData: z.object({
        include: z.boolean(),
        attachmentLabel: z.string().nullable().default(null),
        sheetName: z.string().min(1).max(31),
        title: z.string().min(1),
        note: z.string().nullable().default(null),
      }),
    }),
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
