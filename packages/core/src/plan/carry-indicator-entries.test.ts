import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { carryIndicatorEntries } from './carry-indicator-entries.js';
import { TargetTree, indicatorsFromTargets } from './target-tree.js';

const leaf = (id: string, name: string, value: string, weight: string) => ({ id, name, sign: '>=', value, unitOfMeasure: '人次', weight });
const tree = (leaves: ReturnType<typeof leaf>[]) => TargetTree.parse({ indicators: [{ name: '产出指标', weight: '50', children: [{ name: '数量指标', weight: '50', children: leaves }] }] });

const v1 = tree([leaf('a', '培训人次', '1000', '30'), leaf('b', '培训场次', '10', '20')]);
const v2 = tree([leaf('a', '培训人次', '900', '30'), leaf('c', '线上培训人次', '200', '20')]);

/** The evaluation generated from v1, with the unit's entries and one indicator of its own. */
function filled() {
  const ind = indicatorsFromTargets(v1);
  const [a, b] = ind[0]!.children[0]!.children;
  Object.assign(a!, { actual: '950人次', selfScore: '28', deviationReason: '场地改造' });
  Object.assign(b!, { actual: '10场', selfScore: '20' });
  ind[0]!.children[0]!.children.push({ ...b!, id: null, name: '自加指标', target: '≥1次', actual: '1次', selfScore: null });
  ind[0]!.selfScore = '48';
  return ind;
}

describe('carryIndicatorEntries', () => {
  it('takes the new version’s names, targets and weights and keeps the unit’s entries by id', () => {
    const { indicators, dropped } = carryIndicatorEntries(indicatorsFromTargets(v2, v1), filled(), new Set(['a', 'b']));
    const leaves = indicators[0]!.children[0]!.children;
    expect(leaves.map((l) => l.id ?? l.name)).toEqual(['a', 'c', '自加指标']);
    expect(leaves[0]).toMatchObject({ target: '≥900人次', initialTarget: '≥1000人次', weight: '30', actual: '950人次', selfScore: '28', deviationReason: '场地改造' });
    expect(leaves[1]).toMatchObject({ id: 'c', target: '≥200人次', actual: null, selfScore: null });
    expect(leaves[2]).toMatchObject({ name: '自加指标', actual: '1次' });
    expect(indicators[0]!.selfScore).toBe('48');
    expect(dropped).toEqual([{ id: 'b', label: '产出指标 › 数量指标 › 培训场次' }]);
    expect(Evaluation.safeParse({ kind: 'department', fiscalYear: 2025, indicators }).success).toBe(true);
  });

  it('drops an own indicator whose 二级指标 is gone, and reports it', () => {
    const moved = TargetTree.parse({ indicators: [{ name: '产出指标', weight: '50', children: [{ name: '质量指标', weight: '50', children: [leaf('a', '培训人次', '900', '50')] }] }] });
    const { indicators, dropped } = carryIndicatorEntries(indicatorsFromTargets(moved), filled(), new Set(['a', 'b']));
    expect(indicators[0]!.children[0]!.children[0]).toMatchObject({ id: 'a', actual: '950人次' });
    expect(dropped.map((d) => d.label)).toEqual(['产出指标 › 数量指标 › 培训场次', '产出指标 › 数量指标 › 自加指标']);
  });
});
