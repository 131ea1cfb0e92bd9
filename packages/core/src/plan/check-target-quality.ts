/**
 * The checklist a finance bureau applies to filed targets (申报审核): SMART (具体、可衡量、
 * 可实现、相关、有时限), the four output indicator kinds (数量、质量、时效、成本) and a
 * 满意度 indicator where the spending has service users. Advisory: the checklist is shown
 * at filing and review; only `validateTargetTree` blocks a save. Keywords and thresholds are
 * data (target-quality-data.json).
 */
import { z } from 'zod';
import { dec } from '../decimal/decimal.js';
import type { EvaluationKind } from '../model/evaluation.js';
import { matchLevel1Template } from '../profiles/match-level1-template.js';
import type { Profile } from '../profiles/profile.js';
import raw from './target-quality-data.json' with { type: 'json' };
import { targetLeaves, type TargetLeafEntry, type TargetTree } from './target-tree.js';

const Keywords = z.object({ label: z.string(), level2: z.array(z.string()), level1: z.array(z.string()) });
export const TargetQualityData = z.object({
  version: z.string(),
  description: z.string(),
  coverage: z.object({ quantity: Keywords, quality: Keywords, time: Keywords, cost: Keywords, satisfaction: Keywords }),
  minNameChars: z.number().int().min(1),
  minQuantitativeShare: z.string().regex(/^\d+(\.\d+)?$/),
  vagueWords: z.array(z.string().min(1)),
  timeUnits: z.array(z.string().min(1)),
  timeWords: z.array(z.string().min(1)),
  percentUnits: z.array(z.string().min(1)),
});
export type TargetQualityData = z.output<typeof TargetQualityData>;
export const TARGET_QUALITY_DATA: TargetQualityData = TargetQualityData.parse(raw);

export const QUALITY_CHECK_IDS = ['specific', 'measurable', 'attainable', 'relevant', 'time-bound', 'quantity', 'quality', 'time', 'cost', 'satisfaction'] as const;
export type QualityCheckId = (typeof QUALITY_CHECK_IDS)[number];

export interface QualityCheck {
  id: QualityCheckId;
  /** Chinese name of the test, e.g. "可衡量". */
  label: string;
  passed: boolean;
  /** Plain Chinese: what passed, or what is missing and where. */
  message: string;
  /** Tree paths of the leaves (or levels) concerned. */
  paths: string[];
}

const squash = (s: string) => s.replace(/[\s\u3000]/g, '');
const names = (es: TargetLeafEntry[], n = 3) => es.slice(0, n).map((e) => `“${e.leaf.name}”`).join('、') + (es.length > n ? ` 等 ${es.length} 项` : '');

function check(id: QualityCheckId, label: string, failing: TargetLeafEntry[] | string[], ok: string, bad: (n: string) => string): QualityCheck {
  const isEntries = failing.length > 0 && typeof failing[0] !== 'string';
  const paths = isEntries ? (failing as TargetLeafEntry[]).map((e) => e.path) : (failing as string[]);
  const detail = isEntries ? names(failing as TargetLeafEntry[]) : '';
  return { id, label, passed: failing.length === 0, message: failing.length === 0 ? ok : bad(detail), paths };
}

function isVague(text: string, d: TargetQualityData): boolean {
  let rest = squash(text);
  for (const w of [...d.vagueWords].sort((a, b) => b.length - a.length)) rest = rest.split(w).join('');
  return rest.replace(/[，,。、]/g, '').length <= 1;
}

function covers(tree: TargetTree, k: z.output<typeof Keywords>): boolean {
  return tree.indicators.some(
    (l1) =>
      (k.level1.some((w) => squash(l1.name).includes(w)) && l1.children.some((l2) => l2.children.length > 0)) ||
      l1.children.some((l2) => k.level2.some((w) => squash(l2.name).includes(w)) && l2.children.length > 0),
  );
}

function smartChecks(tree: TargetTree, leaves: TargetLeafEntry[], kind: EvaluationKind, profile: Profile, d: TargetQualityData): QualityCheck[] {
  const vagueName = leaves.filter((e) => squash(e.leaf.name).length < d.minNameChars || squash(e.leaf.name) === squash(e.level2.name));
  const quantitative = leaves.filter((e) => e.leaf.sign !== 'qualitative');
  const share = leaves.length ? dec(quantitative.length).div(leaves.length) : dec(0);
  const unmeasurable = [
    ...quantitative.filter((e) => e.leaf.unitOfMeasure === null),
    ...leaves.filter((e) => e.leaf.sign === 'qualitative' && isVague(e.leaf.value, d)),
  ];
  const tooFew = share.lessThan(dec(d.minQuantitativeShare));
  const unattainable = quantitative.filter((e) => {
    const v = dec(e.leaf.value.replace(/,/g, ''));
    const percent = d.percentUnits.includes(e.leaf.unitOfMeasure ?? '');
    return (percent && v.greaterThan(100) && e.leaf.sign !== '<' && e.leaf.sign !== '<=') || (v.isZero() && (e.leaf.sign === '>=' || e.leaf.sign === '>'));
  });
  const irrelevant = tree.indicators.flatMap((l1, i) => (matchLevel1Template(l1.name, kind, profile) ? [] : [`indicators.${i}`]));
  const timely = covers(tree, d.coverage.time) || leaves.some((e) => d.timeUnits.includes(e.leaf.unitOfMeasure ?? '') || d.timeWords.some((w) => e.leaf.name.includes(w)));
  const pctShare = share.times(100).toDecimalPlaces(0).toString();
  return [
    check('specific', '具体', vagueName, '每个三级指标都有具体名称', (n) => `${n}的名称过短或与二级指标同名，请写明具体对象和内容`),
    unmeasurable.length > 0 || tooFew
      ? {
          id: 'measurable',
          label: '可衡量',
          passed: false,
          message: [
            unmeasurable.length ? `${names(unmeasurable)}缺少计量单位或只有“提升”“有效”等空泛表述` : '',
            tooFew ? `定量指标仅占 ${pctShare}%，应不少于 ${dec(d.minQuantitativeShare).times(100).toString()}%` : '',
          ].filter(Boolean).join('；'),
          paths: unmeasurable.map((e) => e.path),
        }
      : { id: 'measurable', label: '可衡量', passed: true, message: `定量指标占 ${pctShare}%，均有计量单位`, paths: [] },
    check('attainable', '可实现', unattainable, '指标值在可实现范围内', (n) => `${n}的指标值超过 100% 或为 0，无法考核`),
    check('relevant', '相关', irrelevant, `一级指标与${profile.name}的指标框架一致`, () => `${irrelevant.length} 个一级指标不属于评分规则的指标框架（${profile.weights.level1[kind].map((t) => t.name).join('、')}）`),
    timely
      ? { id: 'time-bound', label: '有时限', passed: true, message: '有时效指标或以时间计量的指标', paths: [] }
      : { id: 'time-bound', label: '有时限', passed: false, message: '没有时效指标，也没有以时间计量的指标（如“完成时间 ≤ 12 月”）', paths: [] },
  ];
}

/** The checklist for a target tree of an evaluation kind, by a profile's level-1 framework. */
export function checkTargetQuality(tree: TargetTree, kind: EvaluationKind, profile: Profile, data: TargetQualityData = TARGET_QUALITY_DATA): QualityCheck[] {
  const leaves = targetLeaves(tree);
  const coverage = (['quantity', 'quality', 'time', 'cost'] as const).map((id): QualityCheck => {
    const k = data.coverage[id];
    return covers(tree, k)
      ? { id, label: k.label, passed: true, message: `已设置${k.label}`, paths: [] }
      : { id, label: k.label, passed: false, message: `没有${k.label}（产出指标通常包括数量、质量、时效、成本）`, paths: [] };
  });
  const s = data.coverage.satisfaction;
  const satisfaction: QualityCheck = !tree.hasServiceUsers
    ? { id: 'satisfaction', label: s.label, passed: true, message: '已说明无服务对象，不设满意度指标', paths: [] }
    : covers(tree, s)
      ? { id: 'satisfaction', label: s.label, passed: true, message: `已设置${s.label}`, paths: [] }
      : { id: 'satisfaction', label: s.label, passed: false, message: `有服务对象，应设置${s.label}（服务对象满意度）`, paths: [] };
  return [...smartChecks(tree, leaves, kind, profile, data), ...coverage, satisfaction];
}
