import { describe, expect, it } from 'vitest';
import { diffProjectList, type ResolvedRow } from './diff-project-list.js';
import type { ProjectRow } from '../db/schema.js';

const stored = (over: Partial<ProjectRow>): ProjectRow => ({
  id: 1, region_id: 1, fiscal_year: 2024, code: 'A', name: '项目A', unit_id: 10, kind: 'project', category: null, issuing_department: null,
  manager: null, phone: null, initial_budget: '120.50', adjusted_budget: '130', sources: [], status: 'active', version: 1, import_id: null,
  created_by: null, created_at: new Date(0), updated_at: new Date(0), ...over,
});
const row = (over: Partial<ResolvedRow>): ResolvedRow => ({
  line: 2, code: 'A', name: '项目A', unitCode: null, unitName: '甲', kind: 'project', initial: '120.5', adjusted: null, category: null,
  issuingDepartment: null, manager: null, phone: null, sources: [], unitId: 10, unitLabel: '甲', ...over,
});
const base = { headers: { code: '项目编码', kind: '类型' }, scopeUnitIds: new Set([10]), evaluations: new Map(), unitNames: new Map([[10, '甲'], [11, '乙']]) };

describe('diffProjectList', () => {
  it('compares amounts as decimals and only the columns the file has', () => {
    const d = diffProjectList({ ...base, rows: [row({})], present: ['code', 'name', 'unitName', 'initial'], stored: [stored({})] });
    expect(d.rows[0]).toMatchObject({ change: 'unchanged', changes: {}, projectId: 1 });
  });

  it('a changed amount, a new code, a gone project and a removed one that returns', () => {
    const d = diffProjectList({
      ...base,
      rows: [row({ initial: '125' }), row({ code: 'B', line: 3 }), row({ code: 'R', line: 4 })],
      present: ['code', 'name', 'unitName', 'initial'],
      stored: [stored({}), stored({ id: 2, code: 'G' }), stored({ id: 3, code: 'R', status: 'removed' }), stored({ id: 4, code: 'O', unit_id: 11 })],
    });
    expect(d.rows.map((r) => [r.code, r.change])).toEqual([['A', 'changed'], ['B', 'new'], ['R', 'changed']]);
    expect(d.rows[0]!.changes).toEqual({ initial_budget: { before: '120.50', after: '125' } });
    expect(d.rows[2]!.changes).toEqual({ status: { before: 'removed', after: 'active' } });
    expect(d.gone.map((g) => g.code)).toEqual(['G']); // O belongs to a unit outside the scope
  });

  it('refuses to move a project to another unit or change its kind', () => {
    const d = diffProjectList({ ...base, rows: [row({ unitId: 11 }), row({ code: 'T', kind: 'transfer', line: 3 })], present: ['code'], stored: [stored({}), stored({ id: 2, code: 'T' })] });
    expect(d.issues.map((i) => i.message)).toEqual([
      '第 2 行“项目编码”：项目编码“A”已属于甲，导入不能改变项目所属单位',
      '第 3 行“类型”：项目“T”已登记为部门项目，导入不能改变类型',
    ]);
  });
});
