/**
 * Audit knobs that do not vary by jurisdiction: phrase lists and thresholds, as data
 * (rules-data.json). Jurisdiction-specific knobs (grade bands, budget-adjustment and
 * over-achievement thresholds, execution base) come from the rule profile.
 */
import { z } from 'zod';
import raw from './rules-data.json' with { type: 'json' };

const Dec = z.string().regex(/^-?\d+(\.\d+)?$/);

export const RulesData = z.object({
  version: z.string(),
  description: z.string(),
  templateText: z.object({
    /** Instruction phrases of the common report outlines (参考提纲), left in by copy and paste. */
    phrases: z.array(z.string().min(2)),
    /** A body that is nothing but phrases leaves at most this many other characters. */
    leftoverMaxChars: z.number().int().min(0),
    /** Shape heuristic: a short body that opens with an instruction word and states no figure. */
    shape: z.object({
      maxChars: z.number().int().min(1),
      leadWords: z.array(z.string().min(1)),
      allowDigits: z.boolean(),
    }),
  }),
  costIndicator: z.object({
    level2Keywords: z.array(z.string()),
    level1Keywords: z.array(z.string()),
    /** A cost indicator is about the whole project's cost when its name has one of these … */
    totalPhrases: z.array(z.string().min(1)),
    /** … and none of these (亩均 / 人均 unit costs, a single item, a rate). */
    unitCostPhrases: z.array(z.string().min(1)),
  }),
  allFullMarks: z.object({ minIndicators: z.number().int().min(1) }),
  highScoreLowExecution: z.object({ defaultExplanationBelow: Dec }),
  /** Grade names that mean the same level (优秀 = 优 …), mapped to a canonical name. */
  gradeSynonyms: z.record(z.string(), z.string()),
  /** Department formulas whose stated figure a dedicated rule already judges. */
  formulasWithOwnRule: z.array(z.string()),
  strayLatin: z.object({
    minLetters: z.number().int().min(1),
    /** How many characters either side are searched for a Chinese character. */
    window: z.number().int().min(1),
    allowWords: z.array(z.string()),
  }),
});
export type RulesData = z.output<typeof RulesData>;

export const RULES_DATA: RulesData = RulesData.parse(raw);
