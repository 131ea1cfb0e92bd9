import { describe, expect, it } from 'vitest';
import { TargetTree, indicatorsFromTargets } from '../../plan/target-tree.js';
import { contextOf, type LooseInput } from '../testing/context-of.js';
import { approvedTargetsKept } from './approved-targets-kept.js';

const tree = TargetTree.parse({
  indicators: [
    {
      name: '产出指标',
      weight: '50',
      children: [
        { name: '数量指标', children: [{ id: 'q1', name: '培训人次', sign: '>=', value: '100', unitOfMeasure: '人次', weight: '20' }] },
        { name: '质量指标', children: [{ id: 'q2', name: '培训覆盖率', sign: '>=', value: '90', unitOfMeasure: '%', weight: '30' }] },
      ],
    },
  ],
});

function findings(input: LooseInput, approved = tree) {
  const ctx = contextOf({ kind: 'project', project: { name: '培训项目' }, ...input });
  ctx.approvedTargets = { tree: approved, version: 3 };
  return approvedTargetsKept.check(ctx);
}

const generated = () => JSON.parse(JSON.stringify(indicatorsFromTargets(tree)));

describe('approved-targets-kept', () => {
  it('finds nothing in an evaluation generated from the approved version', () => {
    expect(findings({ indicators: generated() })).toEqual([]);
  });
  it('reports a lowered target with the approved value and the version', () => {
    const ind = generated();
    ind[0].children[1].children[0].target = '≥80%';
    const f = findings({ indicators: ind });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reported: '≥80%', expected: '≥90%', location: { path: 'indicators.0.children.1.children.0.target' } });
    expect(f[0]!.message).toContain('第 3 版');
  });
  it('reports a renamed indicator and a changed weight, each at its own field', () => {
    const ind = generated();
    ind[0].children[0].children[0].name = '培训次数';
    ind[0].children[0].children[0].weight = '15';
    const f = findings({ indicators: ind });
    expect(f.map((x) => x.location.path)).toEqual(['indicators.0.children.0.children.0.name', 'indicators.0.children.0.children.0.weight']);
    expect(f[1]).toMatchObject({ reported: '15', expected: '20', difference: '-5' });
  });
  it('reports an approved indicator that is missing', () => {
    const ind = generated();
    ind[0].children[1].children = [];
    const f = findings({ indicators: ind });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('缺失');
    expect(f[0]!.location.label).toBe('产出指标 › 质量指标 › 培训覆盖率');
  });
  it('matches an indicator without an id by its name (e.g. an imported report), with the same target text written differently', () => {
    const ind = generated();
    for (const l2 of ind[0].children) for (const leaf of l2.children) leaf.id = null;
    ind[0].children[0].children[0].target = '>= 100 人次';
    expect(findings({ indicators: ind })).toEqual([]);
  });
  it('checks nothing without approved targets', () => {
    expect(approvedTargetsKept.check(contextOf({ indicators: [] }))).toEqual([]);
  });
});
