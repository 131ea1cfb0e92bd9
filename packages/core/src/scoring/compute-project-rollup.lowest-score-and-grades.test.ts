import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../decimal/decimal.js';
import { computeProjectRollup } from './compute-project-rollup.js';
import { projectOf } from './testing/project-of.js';

// computed = 10 × min(executed ÷ adjusted, 1) + 50 + 30 + 10 × min(satisfaction ÷ 90, 1)
const children = [
  // 10 × 1 + 80 + 10 × 1 = 100
  projectOf({ name: '道路养护', code: 'P-1', funds: { adjusted: '100', executed: '100' }, satisfaction: '90', statedScore: '98', statedGrade: '优' }),
  // 10 × 0.5 + 80 + 10 × 81/90 = 5 + 80 + 9 = 94
  projectOf({ name: '图书采购', code: 'P-2', funds: { adjusted: '100', executed: '50' }, satisfaction: '81', statedScore: '85.5', statedGrade: '良' }),
  // 10 × 0.5 + 80 + 10 × 45/90 = 5 + 80 + 5 = 90
  projectOf({ name: '设备更新', code: 'P-3', funds: { adjusted: '200', executed: '100' }, satisfaction: '45', statedScore: '92', statedGrade: '优' }),
  projectOf({ name: '不是项目', kind: 'department', statedScore: '10' }),
];

describe('compute-project-rollup: average and lowest score (which project), grade distribution', () => {
  const r = computeProjectRollup(children);

  it('leaves out a department evaluation given as a child, saying so', () => {
    expect(r.projectCount).toBe(3);
    expect(r.skipped).toEqual([{ index: 3, reason: expect.stringContaining('部门整体') }]);
  });
  it('computes each child by its own profile', () => {
    expect(r.children.map((c) => formatDecimal(c.computedScore!))).toEqual(['100', '94', '90']);
    expect(r.children[0]!.profile.id).toBe('national');
  });
  it('stated scores: average (98 + 85.5 + 92) ÷ 3 = 91.83, lowest 85.5 is 图书采购', () => {
    expect(formatDecimal(r.statedScores.average!)).toBe('91.83');
    expect(r.statedScores.lowest).toMatchObject({ index: 1, name: '图书采购', code: 'P-2' });
    expect(r.statedScores.lowest!.score.toString()).toBe('85.5');
  });
  it('computed scores: average (100 + 94 + 90) ÷ 3 = 94.67, lowest 90 is 设备更新', () => {
    expect(formatDecimal(r.computedScores.average!)).toBe('94.67');
    expect(r.computedScores.lowest).toMatchObject({ index: 2, name: '设备更新' });
  });
  it('grades: stated 优 ×2, 良 ×1; computed (national ≥90 优) 优 ×3', () => {
    expect(r.grades.stated).toEqual({ 优: 2, 良: 1 });
    expect(r.grades.computed).toEqual({ 优: 3 });
  });
  it('no children: no average, no lowest', () => {
    const empty = computeProjectRollup([]);
    expect(empty.statedScores.average).toBeNull();
    expect(empty.computedScores.lowest).toBeNull();
  });
});
