import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { TargetTree, indicatorsFromTargets, targetLeaves, targetText } from './target-tree.js';

const leaf = (over: Record<string, unknown> = {}) => ({ id: 'a', name: '培训人次', sign: '>=', value: '100', unitOfMeasure: '人次', weight: '20', ...over });

describe('target tree', () => {
  it('prints a target as the indicator table does', () => {
    expect(targetText({ sign: '>=', value: '95', unitOfMeasure: '%' })).toBe('≥95%');
    expect(targetText({ sign: '<=', value: '263.38', unitOfMeasure: '万元' })).toBe('≤263.38万元');
    expect(targetText({ sign: 'qualitative', value: '明显改善', unitOfMeasure: null })).toBe('明显改善');
  });
  it('generates evaluation indicators that the model accepts, with ids, signs and the initial target beside an adjusted one', () => {
    const initial = TargetTree.parse({ indicators: [{ name: '产出指标', weight: '50', children: [{ name: '数量指标', children: [leaf(), leaf({ id: 'b', name: '培训场次', value: '10', unitOfMeasure: '场' })] }] }] });
    const adjusted = TargetTree.parse({ indicators: [{ name: '产出指标', weight: '50', children: [{ name: '数量指标', children: [leaf({ value: '80' }), leaf({ id: 'b', name: '培训场次', value: '10', unitOfMeasure: '场' })] }] }] });
    const ind = indicatorsFromTargets(adjusted, initial);
    const leaves = ind[0]!.children[0]!.children;
    expect(leaves[0]).toMatchObject({ id: 'a', target: '≥80人次', initialTarget: '≥100人次', sign: '>=', weight: '20' });
    expect(leaves[1]).toMatchObject({ id: 'b', target: '≥10场', initialTarget: null });
    expect(Evaluation.safeParse({ kind: 'project', fiscalYear: 2025, indicators: ind }).success).toBe(true);
  });
  it('lists leaves with their paths and labels', () => {
    const t = TargetTree.parse({ indicators: [{ name: '效益指标', children: [{ name: '社会效益指标', children: [leaf()] }] }] });
    expect(targetLeaves(t).map((e) => [e.path, e.label])).toEqual([['indicators.0.children.0.children.0', '效益指标 › 社会效益指标 › 培训人次']]);
  });
});
