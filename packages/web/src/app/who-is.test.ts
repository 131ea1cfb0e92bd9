import { describe, expect, it } from 'vitest';
import { whoIs } from './Shell.js';

describe('whoIs (the header)', () => {
  it('shows the unit once and the role once', () => {
    expect(whoIs({ unitName: '市教育考试院', displayName: '市教育考试院 填报人', role: 'unit_filler' })).toBe('市教育考试院 · 填报人');
    expect(whoIs({ unitName: null, departmentName: null, displayName: '财政局绩效科 王科长', role: 'finance_reviewer' })).toBe('财政局 · 王科长（财政局绩效科）');
    expect(whoIs({ unitName: '甲单位', displayName: '张三', role: 'unit_head' })).toBe('甲单位 · 张三（单位负责人）');
    expect(whoIs({ unitName: '甲单位', displayName: '甲单位 负责人', role: 'unit_head' })).toBe('甲单位 · 单位负责人');
  });
});
