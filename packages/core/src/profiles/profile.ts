/**
 * A rule profile: the scoring and audit knobs of one jurisdiction, as versioned data.
 * Adding a province is adding a JSON file under profiles/data/, not code.
 */
import { z } from 'zod';
import { DepartmentFramework } from './department-framework.js';
import { ProfileSources } from './profile-sources.js';
import { COMMON_GRADE_BAND_IDS } from './common-grade-band.js';

const Dec = z.string().regex(/^-?\d+(\.\d+)?$/, '应为十进制数字字符串');

const Level1Template = z.object({ name: z.string(), weight: Dec, aliases: z.array(z.string()).default([]) });
export type Level1Template = z.output<typeof Level1Template>;

/** Per-kind overrides of the profile-wide weights (see `kindWeights`). */
const KindWeights = z.object({
  total: Dec.optional(),
  budgetExecution: Dec.optional(),
  totalIncludesBudgetExecution: z.boolean().optional(),
});

export const GradeRule = z.object({
  name: z.string(), // 优 / 优秀 …
  min: Dec, // lower bound, inclusive
});

const QualityRubric = z.object({
  /** Required fields filled (targets, actuals, self scores, funds, total and grade). */
  completeness: z.object({ weight: Dec }),
  /** Audit findings: each error and warning takes off its points. */
  consistency: z.object({ weight: Dec, perError: Dec, perWarning: Dec }),
  /** Leaf targets stated as measurable figures. */
  targets: z.object({ weight: Dec }),
  /** |self total − reference| (re-score, else computed): full at 0, none at `threshold` points (失真). */
  distortion: z.object({ weight: Dec, threshold: Dec }),
  /** Share of indicators at full marks: full up to `tolerance`, none at 100%. */
  fullMarks: z.object({ weight: Dec, tolerance: Dec }),
  /** Indicators below full marks that give a deviation reason. */
  deviationReasons: z.object({ weight: Dec }),
});
const DEFAULT_QUALITY = {
  completeness: { weight: '20' },
  consistency: { weight: '25', perError: '5', perWarning: '1' },
  targets: { weight: '15' },
  distortion: { weight: '20', threshold: '10' },
  fullMarks: { weight: '10', tolerance: '0.8' },
  deviationReasons: { weight: '10' },
};
export type QualityRubric = z.output<typeof QualityRubric>;

const ResultApplicationRules = z.object({
  actions: z.array(z.object({ id: z.string().regex(/^[a-z][a-z_]*$/), label: z.string().min(1) })).min(1),
  byGrade: z.record(z.string(), z.string()),
  /** The action suggested when the total cannot be graded (无法定级). */
  ungradable: z.string(),
});
const DEFAULT_RESULT_APPLICATION = {
  actions: [
    { id: 'priority', label: '优先保障，可适当增加预算' },
    { id: 'maintain', label: '保持预算规模' },
    { id: 'reduce', label: '压减预算' },
    { id: 'cut_or_stop', label: '大幅压减或取消' },
    { id: 'review', label: '重新核实后再定' },
  ],
  byGrade: { 优: 'priority', 良: 'maintain', 中: 'reduce', 差: 'cut_or_stop' },
  ungradable: 'review',
};
export type ResultApplicationRules = z.output<typeof ResultApplicationRules>;

export const Profile = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.string(),
  name: z.string(), // Chinese display name
  jurisdiction: z.string(), // 全国 / 湖南省 / …
  basis: z.string(), // the document it follows, e.g. 财预〔2020〕10号
  description: z.string(),
  weights: z.object({
    /** The total the table should add up to. */
    total: Dec,
    /** 预算执行率 weight. */
    budgetExecution: Dec,
    /** Whether the stated total includes the budget-execution score. */
    totalIncludesBudgetExecution: z.boolean(),
    /**
     * Template level-1 weights by evaluation kind; names matched after normalisation. A
     * profile without a `transfer` tree scores transfers by its `project` tree.
     */
    level1: z
      .object({
        project: z.array(Level1Template),
        department: z.array(Level1Template),
        transfer: z.array(Level1Template).optional(),
      })
      .transform((t) => ({ ...t, transfer: t.transfer ?? t.project })),
    /**
     * Other accepted level-1 trees (e.g. the 2021 central tree with 成本 as a level-1
     * indicator). A table matches a profile when it matches `level1` or one of these.
     */
    level1Alternatives: z
      .array(
        z.object({
          name: z.string(),
          description: z.string().default(''),
          project: z.array(Level1Template).default([]),
          department: z.array(Level1Template).default([]),
          transfer: z.array(Level1Template).optional(),
        })
        .transform((t) => ({ ...t, transfer: t.transfer ?? t.project })),
      )
      .default([]),
    /**
     * Knobs that differ by evaluation kind (e.g. a transfer-payment form that does not score
     * budget execution); a knob left out here is the profile-wide one above.
     */
    byKind: z
      .object({ department: KindWeights.optional(), project: KindWeights.optional(), transfer: KindWeights.optional() })
      .default({}),
  }),
  execution: z.object({
    /** Denominator of the execution rate. */
    base: z.enum(['adjusted', 'initial']),
    /** Maximum rate credited (1 = 100%). */
    cap: Dec,
    /** Below this rate an explanation is required (ratio), or null. */
    explanationBelow: Dec.nullable(),
  }),
  quantitative: z.object({
    /** actual ÷ target at or above which an over-achievement explanation is required. */
    overAchievementThreshold: Dec,
  }),
  reverse: z.object({
    /** target_over_actual: weight × target ÷ actual; linear_to_zero: weight × (1 − (actual − target) ÷ target). */
    formula: z.enum(['target_over_actual', 'linear_to_zero']),
  }),
  qualitative: z.object({
    /** Share of the weight for each level: [min, max]; min inclusive. */
    bands: z.object({
      achieved: z.tuple([Dec, Dec]),
      partial: z.tuple([Dec, Dec]),
      not_achieved: z.tuple([Dec, Dec]),
    }),
  }),
  /** Grade bands, highest first; a score gets the first grade whose min it reaches. */
  grades: z.array(GradeRule).min(1),
  /**
   * For statistics across profiles: each grade name → a common band (excellent / good / fair /
   * poor, see `COMMON_GRADE_BANDS`), so 优 and 优秀 are one slice of a chart. Optional for
   * profiles written before it; every shipped profile maps all its grades (tested).
   */
  gradeBands: z.record(z.string(), z.enum(COMMON_GRADE_BAND_IDS)).optional(),
  rounding: z.object({ places: z.number().int().min(0).max(6) }),
  notApplicable: z.enum(['rescale', 'drop']),
  /**
   * 运行监控 (mid-year monitoring): traffic-light thresholds for budget execution against the
   * time schedule (序时进度), in percentage points behind, and how far a monitoring forecast
   * may be from the year-end figure (a ratio) before the year-end audit flags it. Profiles
   * written before monitoring existed get the default.
   */
  monitoring: z
    .object({
      executionLag: z.object({ yellow: Dec, red: Dec }),
      forecastTolerance: Dec,
    })
    .default({ executionLag: { yellow: '10', red: '20' }, forecastTolerance: '0.2' }),
  audit: z.object({
    /** |adjusted − initial| ÷ initial above which an explanation is expected. */
    budgetAdjustmentThreshold: Dec,
    /** Step table for 预算调整率 (department formulas): up to `max` (ratio) → `factor` of the weight. */
    budgetAdjustmentSteps: z.array(z.object({ max: Dec.nullable(), factor: Dec })),
  }),
  /**
   * Severity of audit rules where this jurisdiction differs from the catalog's (rule id →
   * severity), e.g. an unexplained over-achievement is an error where a province requires a reason.
   */
  severity: z.record(z.string(), z.enum(['error', 'warning', 'info'])).default({}),
  /**
   * Checks before submission: findings of these rules block the unit's 提交 until fixed, or
   * until the finance bureau overrides them for one evaluation with a recorded reason.
   */
  submission: z.object({ blocking: z.array(z.string()) }).default({ blocking: [] }),
  /**
   * 自评质量 rubric: the share of 100 each part carries and its thresholds (see
   * `scoreSelfEvaluationQuality`). Profiles written before the rubric get the default.
   */
  quality: QualityRubric.default(DEFAULT_QUALITY),
  /**
   * 结果应用: the budget actions a grade suggests for next year (grade name → action id) and
   * the actions' Chinese names. Each profile maps its own grade names.
   */
  resultApplication: ResultApplicationRules.default(DEFAULT_RESULT_APPLICATION),
  /** A department-framework scheme (投入 / 过程 / 产出 / 效果) scoring 部门整体 evaluations. */
  departmentFramework: DepartmentFramework.optional(),
  /** Where every knob above comes from (see `profileKnobs`). */
  sources: ProfileSources,
});
export type Profile = z.output<typeof Profile>;
