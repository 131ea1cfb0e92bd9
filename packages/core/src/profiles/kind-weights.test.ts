import { describe, expect, it } from 'vitest';
import { getProfile } from './get-profile.js';
import { kindWeights } from './kind-weights.js';
import { Profile } from './profile.js';

describe('kindWeights', () => {
  it('national project and department: execution 10 of 100, the profile-wide knobs', () => {
    for (const kind of ['project', 'department'] as const) {
      const w = kindWeights(getProfile('national'), kind);
      expect([w.total, w.budgetExecution, w.totalIncludesBudgetExecution]).toEqual(['100', '10', true]);
      expect(w.level1.map((l) => `${l.name} ${l.weight}`)).toEqual(['产出指标 50', '效益指标 30', '满意度指标 10']);
    }
  });
  it('national transfer: execution not scored (0), indicators 产出 50 / 效益 30 / 满意度 20 = 100', () => {
    const w = kindWeights(getProfile('national'), 'transfer');
    expect([w.total, w.budgetExecution]).toEqual(['100', '0']);
    expect(w.level1.map((l) => `${l.name} ${l.weight}`)).toEqual(['产出指标 50', '效益指标 30', '满意度指标 20']);
  });
  it('a profile without transfer data (hunan) scores transfers like projects', () => {
    const p = getProfile('hunan');
    expect(kindWeights(p, 'transfer')).toEqual({ ...kindWeights(p, 'project'), kind: 'transfer' });
  });
  it('an override for one kind leaves the other kinds on the profile-wide knobs', () => {
    const p = Profile.parse({ ...getProfile('hunan'), weights: { ...getProfile('hunan').weights, byKind: { project: { budgetExecution: '20' } } } });
    expect(kindWeights(p, 'project').budgetExecution).toBe('20');
    expect(kindWeights(p, 'department').budgetExecution).toBe('10');
  });
});
