/**
 * `jixiao audit <部门评价> --projects <项目文件…|文件夹>`: the department's stated project figures
 * checked against its projects (examples/department-with-projects/), and transfers named as
 * such (转移支付) in the title and the batch summary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, examplesDir, tempFile } from './helpers.js';

const DIR = join(examplesDir, 'department-with-projects');
const DEPARTMENT = join(DIR, 'department.json');
const PROJECTS = join(DIR, 'projects');

/** The example department stating 4 projects and 2 self-evaluated where its folder has 3, all evaluated. */
function misstated(): string {
  const d = JSON.parse(readFileSync(DEPARTMENT, 'utf8'));
  d.funds.projectCount = 4;
  d.projectRollup.evaluatedCount = 2;
  return tempFile('department.json', JSON.stringify(d));
}

describe('jixiao audit --projects', () => {
  it('checks the example department against its three projects: nothing wrong, and it says what it checked against', async () => {
    const r = await cli(['audit', DEPARTMENT, '--projects', PROJECTS]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('按所属 3 份自评表（项目支出 2 份、转移支付 1 份）核对部门报告的项目个数');
    expect(r.stdout).toContain('未发现问题');
  });

  it('finds the misstated project count and evaluated count only with the projects', async () => {
    const file = misstated();
    const alone = await cli(['audit', file, '--json', '--fail-on', 'none']);
    expect(JSON.parse(alone.stdout).findings.filter((f: { rule: string }) => f.rule.startsWith('project-rollup'))).toEqual([]);
    const r = await cli(['audit', file, '--projects', PROJECTS, '--json']);
    expect(r.code).toBe(1);
    const rollup = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'project-rollup-matches');
    expect(rollup.map((f: { location: { path: string }; reported: string; expected: string }) => [f.location.path, f.reported, f.expected])).toEqual([
      ['funds.projectCount', '4', '3'],
      ['projectRollup.evaluatedCount', '2', '3'],
      ['projectRollup.statedCoverageRate', '100', '75'], // 3 evaluated ÷ 4 stated projects
    ]);
    const text = await cli(['audit', file, '-p', join(PROJECTS, '01-rural-bus-stations.json'), '-p', join(PROJECTS, '02-road-safety-facilities.json'), '-p', join(PROJECTS, '03-transfer-rural-roads.json')]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('部门报告称共有 4 个项目，所属项目自评表为 3 份');
  });

  it('refuses what it cannot check, with a clear message and exit 64 or 2', async () => {
    const project = join(PROJECTS, '01-rural-bus-stations.json');
    let r = await cli(['audit', project, '--projects', PROJECTS]);
    expect([r.code, r.stderr]).toEqual([64, expect.stringContaining('--projects 用于部门整体自评')]);
    r = await cli(['audit', DEPARTMENT, '--projects', DIR]); // the folder holds the department itself
    expect([r.code, r.stderr]).toEqual([64, expect.stringContaining('是部门整体自评')]);
    r = await cli(['audit', DEPARTMENT, project, '--projects', PROJECTS]);
    expect([r.code, r.stderr]).toEqual([64, expect.stringContaining('只能用于一个部门整体自评文件')]);
    r = await cli(['audit', DEPARTMENT, '--projects', join(DIR, 'no-such-folder')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-folder：找不到文件');
    expect(r.stderr).toContain('--projects 中有 1 个文件无法读取，未做检查');
    r = await cli(['audit', DEPARTMENT, '--projects', tempFile('broken.json', '{"kind": "project", ')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.json');
    expect(r.stdout).toBe('');
  });
});

describe('jixiao audit names transfers as 转移支付', () => {
  it('in the title of one file and in the batch summary', async () => {
    const one = await cli(['audit', join(PROJECTS, '03-transfer-rural-roads.json'), '--fail-on', 'none']);
    expect(one.stdout).toMatch(/年度转移支付绩效自评 — 审核/);
    const many = await cli(['audit', PROJECTS, '--fail-on', 'none']);
    const row = many.stdout.split('\n').find((l) => l.includes('03-transfer-rural-roads'));
    expect(row).toContain('转移支付');
    expect(many.stdout.split('\n').find((l) => l.includes('01-rural-bus-stations'))).not.toContain('转移支付');
  });
});
