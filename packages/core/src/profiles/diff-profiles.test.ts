import { describe, expect, it } from 'vitest';
import { diffProfiles } from './diff-profiles.js';
import { getProfile } from './get-profile.js';
import { Profile } from './profile.js';

describe('diffProfiles', () => {
  it('is empty for a profile against itself', () => {
    const p = getProfile('national');
    expect(diffProfiles(p, p)).toEqual([]);
  });

  it('names the grade bands in Chinese when national and hebei differ', () => {
    const d = diffProfiles(getProfile('national'), getProfile('hebei'));
    const grades = d.find((x) => x.key === 'grades');
    expect(grades).toEqual({ key: 'grades', label: '评价等级', a: '优 ≥90，良 ≥80，中 ≥60，差 ≥0', b: '优秀 ≥85，良好 ≥75，一般 ≥60，较差 ≥0' });
  });

  it('shows the department tree difference between national and henan', () => {
    const d = diffProfiles(getProfile('national'), getProfile('henan'));
    const row = d.find((x) => x.key === 'weights.level1.department');
    expect(row?.label).toBe('部门整体一级指标分值');
    expect(row?.b).toBe('投入管理指标 20 / 产出指标 40 / 效益指标 30');
    expect(d.some((x) => x.key === 'grades')).toBe(false);
  });

  it('renders formulas and ratios as Chinese text', () => {
    const a = getProfile('national');
    const b = Profile.parse({
      ...a,
      reverse: { formula: 'linear_to_zero' },
      quantitative: { overAchievementThreshold: '1.3' },
    });
    const d = diffProfiles(a, b);
    expect(d.find((x) => x.key === 'reverse.formula')?.b).toContain('最低 0 分');
    expect(d.find((x) => x.key === 'quantitative.overAchievementThreshold')).toMatchObject({ a: '120%', b: '130%' });
  });

  it('shows the transfer tree and that national transfers do not score budget execution (hunan falls back to its project tree)', () => {
    const d = diffProfiles(getProfile('national'), getProfile('hunan'));
    expect(d.find((x) => x.key === 'weights.level1.transfer')).toMatchObject({
      label: '转移支付一级指标分值',
      a: '产出指标 50 / 效益指标 30 / 满意度指标 20',
      b: '产出指标 50 / 效益指标 30 / 满意度指标 10',
    });
    expect(d.find((x) => x.key === 'weights.byKind.transfer')).toMatchObject({ a: '不计分', b: '10' });
  });
});
