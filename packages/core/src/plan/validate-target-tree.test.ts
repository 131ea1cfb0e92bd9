import { describe, expect, it } from 'vitest';
import { validateTargetTree } from './validate-target-tree.js';

const leaf = (over: Record<string, unknown> = {}) => ({ id: 'a', name: '培训人次', sign: '>=', value: '100', unitOfMeasure: '人次', weight: '20', ...over });
const tree = (l1: unknown[]) => ({ indicators: l1 });
const output = (leaves: unknown[], weight = '50') => ({ name: '产出指标', weight, children: [{ name: '数量指标', children: leaves }] });

function issuesOf(input: unknown) {
  const r = validateTargetTree(input);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('validateTargetTree', () => {
  it('accepts a well-formed tree', () => {
    expect(validateTargetTree(tree([output([leaf()])])).ok).toBe(true);
  });
  it('refuses a target with no value, naming the field and its label', () => {
    const e = issuesOf(tree([output([leaf({ value: '  ' })])]));
    expect(e.code).toBe('TARGETS_INVALID');
    expect(e.issues).toEqual([expect.objectContaining({ field: 'indicators.0.children.0.children.0.value', label: '三级指标指标值', message: '缺少指标值' })]);
  });
  it('refuses a non-numeric value for a quantitative sign', () => {
    const e = issuesOf(tree([output([leaf({ value: '一百' })])]));
    expect(e.issues[0]!.message).toContain('应为数字');
  });
  it('refuses level-1 weights over 100 in total', () => {
    const e = issuesOf(tree([output([leaf()], '60'), { ...output([leaf({ id: 'b' })], '50'), name: '效益指标' }]));
    expect(e.issues).toEqual([expect.objectContaining({ field: 'indicators', message: '一级指标分值合计 110，超过满分 100' })]);
  });
  it('refuses a single level-1 weight of 120', () => {
    const e = issuesOf(tree([output([leaf()], '120')]));
    expect(e.issues[0]).toMatchObject({ field: 'indicators.0.weight', label: '一级指标分值' });
  });
  it('refuses leaves whose weights exceed their level-1 weight', () => {
    const e = issuesOf(tree([output([leaf({ weight: '30' }), leaf({ id: 'b', weight: '30' })])]));
    expect(e.issues[0]).toMatchObject({ field: 'indicators.0.children.0.children', message: '“数量指标”下三级指标分值合计 60，超过一级指标分值 50' });
  });
  it('refuses duplicate leaf ids and an empty tree', () => {
    expect(issuesOf(tree([output([leaf(), leaf()])])).issues[0]!.message).toContain('重复');
    expect(issuesOf(tree([])).issues[0]!.message).toContain('至少填写一个三级指标');
  });
});
