import { describe, expect, it } from 'vitest';
import { navFor, navKeyFor } from './nav.js';

const keys = (role: Parameters<typeof navFor>[0]) => navFor(role).flatMap((g) => g.items.map((i) => i.key));

describe('navigation by role', () => {
  it('gives units their project list and reviewers the project review list and the list import', () => {
    expect(keys('unit_filler')).toContain('unitProjects');
    expect(keys('unit_filler')).not.toContain('projects');
    expect(keys('department_reviewer')).toEqual(expect.arrayContaining(['projects', 'projectImport']));
    expect(keys('finance_reviewer')).not.toContain('unitProjects');
    expect(keys('admin')).not.toContain('unitProjects');
  });

  it('highlights the project-list import under the unit’s projects for a unit, under review for a reviewer', () => {
    expect(navKeyFor('/projects/import', '', 'unit_head')).toBe('unitProjects');
    expect(navKeyFor('/projects/import', '', 'finance_reviewer')).toBe('projectImport');
    expect(navKeyFor('/projects', 'kind=transfer', 'finance_reviewer')).toBe('projects');
    expect(navKeyFor('/unit-projects', '', 'unit_filler')).toBe('unitProjects');
  });

  it('gives the third-party reviewer only its sampled work, and reviewers the result-application list', () => {
    expect(keys('assessor')).toEqual(['assessment']);
    expect(keys('finance_reviewer')).toEqual(expect.arrayContaining(['samples', 'results', 'rectifications']));
    expect(keys('unit_head')).not.toContain('results');
    expect(navKeyFor('/assessment/3', '', 'assessor')).toBe('assessment');
    expect(navKeyFor('/results', '', 'finance_reviewer')).toBe('results');
  });

  it('gives the administrator 账号管理 and 安全日志 under 系统管理, and no one else', () => {
    const admin = navFor('admin').find((g) => g.key === 'admin')!;
    expect(admin.items.map((i) => [i.label, i.to])).toEqual([
      ['组织机构', '/admin'],
      ['账号管理', '/admin/users'],
      ['安全日志', '/admin/security-events'],
    ]);
    expect(keys('finance_reviewer')).not.toContain('security');
    expect(navKeyFor('/admin/users', '', 'admin')).toBe('accounts');
    expect(navKeyFor('/admin/security-events', 'action=auth.login_failed', 'admin')).toBe('security');
    expect(navKeyFor('/admin', '', 'admin')).toBe('org');
  });
});
