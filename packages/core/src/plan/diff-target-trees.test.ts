import { describe, expect, it } from 'vitest';
import { diffTargetTrees } from './diff-target-trees.js';
import { TargetTree } from './target-tree.js';

const tree = (leaves: Record<string, unknown>[]) => TargetTree.parse({ indicators: [{ name: '产出指标', children: [{ name: '数量指标', children: leaves }] }] });
const a = { id: 'a', name: '培训人次', sign: '>=', value: '100', unitOfMeasure: '人次', weight: '20' };
const b = { id: 'b', name: '培训场次', sign: '>=', value: '10', unitOfMeasure: '场', weight: '10' };

describe('diffTargetTrees', () => {
  it('lists a lowered target, a new weight, an added and a removed leaf', () => {
    const changes = diffTargetTrees(tree([a, b]), tree([{ ...a, value: '80', weight: '20.0' }, { ...b, id: 'c', name: '线上课程' }]));
    expect(changes).toEqual([
      { id: 'a', label: '产出指标 › 数量指标 › 培训人次', field: 'target', from: '≥100人次', to: '≥80人次' },
      { id: 'c', label: '产出指标 › 数量指标 › 线上课程', field: 'added', from: null, to: '≥10场' },
      { id: 'b', label: '产出指标 › 数量指标 › 培训场次', field: 'removed', from: '≥10场', to: null },
    ]);
  });
  it('is empty for the same tree', () => {
    expect(diffTargetTrees(tree([a]), tree([a]))).toEqual([]);
  });
});
