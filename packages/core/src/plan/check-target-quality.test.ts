import { describe, expect, it } from 'vitest';
import { getProfile } from '../profiles/get-profile.js';
import { checkTargetQuality } from './check-target-quality.js';
import { TargetTree } from './target-tree.js';

const national = getProfile('national');
let n = 0;
const leaf = (name: string, sign: string, value: string, unitOfMeasure: string | null = null) => ({ id: `x${++n}`, name, sign, value, unitOfMeasure, weight: '5' });
const good = () => ({
  goal: '完成年度培训任务',
  indicators: [
    {
      name: '产出指标',
      children: [
        { name: '数量指标', children: [leaf('培训人次', '>=', '100', '人次')] },
        { name: '质量指标', children: [leaf('培训考核合格率', '>=', '95', '%')] },
        { name: '时效指标', children: [leaf('培训完成时间', '<=', '12', '月')] },
        { name: '成本指标', children: [leaf('人均培训成本', '<=', '800', '元')] },
      ],
    },
    { name: '效益指标', children: [{ name: '社会效益指标', children: [leaf('参训人员技能提升', 'qualitative', '技能等级普遍提升一级')] }] },
    { name: '满意度指标', children: [{ name: '服务对象满意度指标', children: [leaf('参训人员满意度', '>=', '90', '%')] }] },
  ],
});

const byId = (tree: unknown, kind: 'project' | 'department' = 'project') => new Map(checkTargetQuality(TargetTree.parse(tree), kind, national).map((c) => [c.id, c]));

describe('checkTargetQuality', () => {
  it('passes every check for a complete, measurable tree', () => {
    const checks = byId(good());
    expect([...checks.values()].filter((c) => !c.passed)).toEqual([]);
    expect(checks.size).toBe(10);
  });
  it('reports missing cost and time indicators', () => {
    const t = good();
    t.indicators[0]!.children = t.indicators[0]!.children.slice(0, 2);
    const checks = byId(t);
    expect(checks.get('cost')).toMatchObject({ passed: false, label: '成本指标' });
    expect(checks.get('time')!.passed).toBe(false);
    expect(checks.get('time-bound')!.passed).toBe(false);
  });
  it('asks for a 满意度 indicator only where there are service users', () => {
    const t = good();
    t.indicators = t.indicators.slice(0, 2);
    expect(byId(t).get('satisfaction')!.passed).toBe(false);
    expect(byId({ ...t, hasServiceUsers: false }).get('satisfaction')!.passed).toBe(true);
  });
  it('flags a vague qualitative target and a quantitative one without a unit as not measurable, naming them', () => {
    const t = good();
    t.indicators[1]!.children[0]!.children = [leaf('效益', 'qualitative', '有效提升'), leaf('受益人数', '>=', '50')];
    const m = byId(t).get('measurable')!;
    expect(m.passed).toBe(false);
    expect(m.message).toContain('“受益人数”');
    expect(m.message).toContain('“效益”');
    expect(m.paths).toHaveLength(2);
    expect(byId(t).get('specific')!.message).toContain('“效益”');
  });
  it('flags a percent target above 100 as unattainable and a foreign level-1 as not relevant', () => {
    const t = good();
    t.indicators[0]!.children[1]!.children = [leaf('培训考核合格率', '>=', '120', '%')];
    t.indicators.push({ name: '管理指标', children: [{ name: '制度建设', children: [leaf('制度完善程度', 'qualitative', '建立培训管理制度3项')] }] });
    const c = byId(t);
    expect(c.get('attainable')!.passed).toBe(false);
    expect(c.get('relevant')).toMatchObject({ passed: false, paths: ['indicators.3'] });
  });
});
