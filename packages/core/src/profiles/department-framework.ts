/**
 * A department-framework scheme (the 2013 common framework, 财预〔2013〕53号: 投入 / 过程 /
 * 产出 / 效果) as profile data: the level weights, and every line with its weight, the base-data
 * formula it is scored from (ids of `computeDepartmentFormulas`) and its scoring rule — a
 * deduction per percentage point, a step table, or the unit's own score where the form asks for
 * a judgement. Level-1 groups marked `fromForm` (产出, 效果: the department's own indicators)
 * are scored from the evaluation's own indicator table.
 */
import { z } from 'zod';

const Dec = z.string().regex(/^-?\d+(\.\d+)?$/, '应为十进制数字字符串');

/** One step: a value in [min, max] (each end inclusive or not; null = unbounded) scores `points`. */
export const FrameworkStep = z.object({
  min: Dec.nullable(),
  minInclusive: z.boolean().default(true),
  max: Dec.nullable(),
  maxInclusive: z.boolean().default(true),
  points: Dec,
});
export type FrameworkStep = z.output<typeof FrameworkStep>;

export const FrameworkRule = z.discriminatedUnion('type', [
  /**
   * "以 100% 为标准，≤100% 计满分；每超过一个百分点扣 0.5 分，扣完为止": `limit` is the ratio,
   * `direction` which side loses points, `pointsPerPercent` the deduction per percentage point
   * (proportional: 6.45 points over deducts 6.45 × 0.5).
   */
  z
    .object({
      type: z.literal('deduct-per-point'),
      limit: Dec,
      direction: z.enum(['above', 'below']),
      /** Points deducted per percentage point past the limit … */
      pointsPerPercent: Dec.optional(),
      /** … or a share of the line's weight per percentage point (for lines weighted by the form). */
      sharePerPercent: Dec.optional(),
    })
    .refine((r) => (r.pointsPerPercent === undefined) !== (r.sharePerPercent === undefined), {
      message: '应填写 pointsPerPercent 或 sharePerPercent 之一',
    }),
  /** A step table over the formula's value (ratio), first matching step wins. */
  z.object({
    type: z.literal('steps'),
    /** Judge |value| (an adjustment either way counts). */
    absolute: z.boolean().default(false),
    steps: z.array(FrameworkStep).min(1),
  }),
  /** A judgement (制度健全性, 合规性 …): the unit's score for the line, within its weight. */
  z.object({ type: z.literal('stated') }),
]);
export type FrameworkRule = z.output<typeof FrameworkRule>;

export const FrameworkIndicator = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  level1: z.string(),
  level2: z.string(),
  /** Points as the scheme prints them; null: the weight the unit's form prints for the line. */
  weight: Dec.nullable(),
  /** Base-data formula (a `computeDepartmentFormulas` id) the line is scored from; null: judged. */
  formula: z.string().nullable(),
  rule: FrameworkRule,
  /** 评分标准 as the scheme words it. */
  criterion: z.string(),
  /** Scored only when the unit's form lists the line (some forms add it, the scheme does not). */
  onlyWhenListed: z.boolean().default(false),
});
export type FrameworkIndicator = z.output<typeof FrameworkIndicator>;

export const FrameworkLevel = z.object({
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  /** Null when the scheme's weight is not known (the form's weight is used). */
  weight: Dec.nullable(),
  /** Scored from the evaluation's own indicators under this level-1 (个性指标). */
  fromForm: z.boolean().default(false),
  level2: z.array(z.object({ name: z.string(), weight: Dec.nullable() })).default([]),
});
export type FrameworkLevel = z.output<typeof FrameworkLevel>;

export const DepartmentFramework = z.object({
  name: z.string(),
  level1: z.array(FrameworkLevel).min(1),
  indicators: z.array(FrameworkIndicator).min(1),
});
export type DepartmentFramework = z.output<typeof DepartmentFramework>;
