/**
 * Performance targets (绩效目标) as filed with the budget: the same tree as the indicator
 * table of a self-evaluation (一级 › 二级 › 三级), each leaf with its 指标性质 (sign), value,
 * unit of measure, weight and core flag. A tree belongs to a project or to the department;
 * the self-evaluation is later generated from its approved version.
 *
 * Values are kept as text exactly as filed ("95", "明显提升"); weights are decimal strings.
 */
import { z } from 'zod';
import { Sign, Weight, type Indicator, type Level1 } from '../model/evaluation.js';

const Text = z.string({ error: '应为文字' });
const Name = Text.transform((s) => s.trim()).pipe(z.string().min(1, '名称不能为空'));

/** A level-3 target: one row of the target table. */
export const TargetLeaf = z.object({
  /** Stable id, kept through adjustments and into the self-evaluation (matching by id, not by name). */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'id 只能用字母、数字、- 和 _'),
  name: Name,
  sign: Sign,
  /** The value: a number for ≥ > = ≤ <, a phrase for qualitative ("明显提升"). */
  value: Text.transform((s) => s.trim()).pipe(z.string().min(1, '缺少指标值')),
  unitOfMeasure: Text.nullable().optional().transform((v) => (v?.trim() ? v.trim() : null)),
  weight: Weight.nullable().optional().transform((v) => v ?? null),
  core: z.boolean().default(false),
}).superRefine((leaf, ctx) => {
  if (leaf.value !== '' && leaf.sign !== 'qualitative' && !/^-?\d+(\.\d+)?$/.test(leaf.value.replace(/,/g, ''))) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `指标性质为“${SIGN_TEXT[leaf.sign]}”时，指标值应为数字（计量单位另填），如 95` });
  }
});
export type TargetLeaf = z.output<typeof TargetLeaf>;

export const TargetLevel2 = z.object({
  name: Name,
  weight: Weight.nullable().optional().transform((v) => v ?? null),
  children: z.array(TargetLeaf).default([]),
});
export type TargetLevel2 = z.output<typeof TargetLevel2>;

export const TargetLevel1 = z.object({
  name: Name,
  weight: Weight.nullable().optional().transform((v) => v ?? null),
  children: z.array(TargetLevel2).default([]),
});
export type TargetLevel1 = z.output<typeof TargetLevel1>;

export const TargetTree = z.object({
  /** 年度总体目标. */
  goal: Text.nullable().optional().transform((v) => (v?.trim() ? v.trim() : null)),
  /** Whether the spending serves people who can be asked (a 满意度 indicator is then expected). */
  hasServiceUsers: z.boolean().default(true),
  indicators: z.array(TargetLevel1).default([]),
});
export type TargetTree = z.output<typeof TargetTree>;
export type TargetTreeInput = z.input<typeof TargetTree>;

const SIGN_TEXT: Record<Exclude<Sign, 'qualitative'>, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' };

/** The target as an indicator table prints it: "≥95%", "≤263.38万元", or the qualitative phrase. */
export function targetText(leaf: Pick<TargetLeaf, 'sign' | 'value' | 'unitOfMeasure'>): string {
  if (leaf.sign === 'qualitative') return leaf.value;
  return `${SIGN_TEXT[leaf.sign]}${leaf.value}${leaf.unitOfMeasure ?? ''}`;
}

export interface TargetLeafEntry {
  i: number;
  j: number;
  k: number;
  /** Path in the tree: "indicators.0.children.1.children.2". */
  path: string;
  label: string;
  leaf: TargetLeaf;
  level1: TargetLevel1;
  level2: TargetLevel2;
}

/** Every leaf of a tree with its path and "一级 › 二级 › 三级" label. */
export function targetLeaves(tree: Pick<TargetTree, 'indicators'>): TargetLeafEntry[] {
  const out: TargetLeafEntry[] = [];
  tree.indicators.forEach((level1, i) =>
    level1.children.forEach((level2, j) =>
      level2.children.forEach((leaf, k) =>
        out.push({ i, j, k, path: `indicators.${i}.children.${j}.children.${k}`, label: `${level1.name} › ${level2.name} › ${leaf.name}`, leaf, level1, level2 }),
      ),
    ),
  );
  return out;
}

/**
 * The indicator tree of a self-evaluation generated from an approved target tree: names,
 * weights, signs, units and targets come from the approved version; `initial` (the version
 * first approved with the budget) supplies `initialTarget` where an adjustment changed it.
 */
export function indicatorsFromTargets(approved: TargetTree, initial?: TargetTree): Level1[] {
  const initialById = new Map(initial ? targetLeaves(initial).map((e) => [e.leaf.id, targetText(e.leaf)]) : []);
  return approved.indicators.map((l1) => ({
    name: l1.name,
    weight: l1.weight,
    selfScore: null,
    statedScoreRate: null,
    children: l1.children.map((l2) => ({
      name: l2.name,
      weight: l2.weight,
      selfScore: null,
      children: l2.children.map((leaf): Indicator => {
        const target = targetText(leaf);
        const first = initialById.get(leaf.id);
        return {
          id: leaf.id,
          name: leaf.name,
          target,
          initialTarget: first !== undefined && first !== target ? first : null,
          sign: leaf.sign,
          unitOfMeasure: leaf.unitOfMeasure,
          actual: null,
          qualitativeLevel: null,
          weight: leaf.weight,
          selfScore: null,
          reviewerScore: null,
          deviationReason: null,
          core: leaf.core,
          notApplicable: false,
        };
      }),
    })),
  }));
}
