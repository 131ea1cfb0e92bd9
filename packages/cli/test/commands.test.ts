import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, exampleJsonFiles, examplesDir } from './helpers.js';

const seed001 = join(examplesDir, 'seed-001-hunan-2023.json');
const exampleFiles = exampleJsonFiles();

describe('jixiao score', () => {
  it('prints indicator scores, totals and the grade with the profile that scored them', async () => {
    const r = await cli(['score', seed001]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('评分规则');
    expect(r.stdout).toContain('hunan@');
    expect(r.stdout).toContain('费用开支控制在预算内执行');
    expect(r.stdout).toMatch(/计算总分：\S+/);
    expect(r.stdout).toMatch(/计算等级：\S+/);
  });

  it('does not grade seed 001 (weights 110): 无法定级 with the reason, and lists the sources, unverified ones marked', async () => {
    const r = await cli(['score', seed001]);
    expect(r.stdout).toContain('计算等级：无法定级');
    expect(r.stdout).toContain('无法定级：各项分值合计 110 分，不等于规则总分 100 分');
    expect(r.stdout).toContain('计分依据');
    expect(r.stdout).toMatch(/部门整体一级指标分值：《[^》]+》（单份报告，2024）\n/);
    expect(r.stdout).toMatch(/反向指标计分公式：无文件依据（jixiao 默认）【未核实】/);
    const j = JSON.parse((await cli(['score', seed001, '--json'])).stdout);
    expect([j.score.computedGrade, j.score.ungradableReason]).toEqual([null, '无法定级：各项分值合计 110 分，不等于规则总分 100 分']);
  });

  it('--profile changes the profile recorded in the result', async () => {
    const r = await cli(['score', seed001, '--profile', 'national', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.score.profile.id).toBe('national');
    expect(typeof j.score.computedTotal).toBe('string');
  });
});

describe('jixiao audit', () => {
  it('prints findings as a table and fails on errors by default', async () => {
    const r = await cli(['audit', seed001]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('错误');
    expect(r.stdout).toMatch(/错误 \d+ 条，警告 \d+ 条/);
  });

  it('--fail-on none exits 0, --fail-on warning fails on warnings', async () => {
    expect((await cli(['audit', seed001, '--fail-on', 'none'])).code).toBe(0);
    expect((await cli(['audit', seed001, '--fail-on', 'warning'])).code).toBe(1);
  });

  it('--json has the documented, stable shape', async () => {
    const r = await cli(['audit', seed001, '--json', '--fail-on', 'none']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['file', 'evaluation', 'findings', 'evaluations']);
    expect(j.evaluations).toHaveLength(1);
    expect(j.evaluations[0]).toMatchObject({ main: true, kind: j.evaluation.kind, findings: j.findings });
    expect(Object.keys(j.evaluation)).toEqual(['unit', 'year', 'kind', 'profile', 'figures']);
    expect(Object.keys(j.evaluation.figures).sort()).toEqual(
      [
        'initialBudget',
        'adjustedBudget',
        'executed',
        'executionRate',
        'basicExpenditure',
        'projectExpenditure',
        'personnel',
        'operating',
        'selfScore',
        'computedScore',
        'grade',
        'statedExecutionRate',
        'statedGrade',
        'publicFunds',
      ].sort(),
    );
    expect(j.evaluation.year).toBe(2023);
    expect(j.findings.length).toBeGreaterThan(0);
    for (const f of j.findings) {
      expect(Object.keys(f).sort()).toEqual(
        ['rule', 'severity', 'category', 'message', 'location', 'reported', 'expected', 'difference'].sort(),
      );
      expect(['error', 'warning', 'info']).toContain(f.severity);
    }
  });

  it('audits a folder: a summary table, and JSON Lines with --json', async () => {
    const table = await cli(['audit', examplesDir, '--fail-on', 'none']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('单位');
    expect(table.stdout).toMatch(new RegExp(`共 ${exampleFiles.length} 个文件`));
    const lines = await cli(['audit', examplesDir, '--json', '--fail-on', 'none']);
    const objs = lines.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(objs).toHaveLength(exampleFiles.length);
    expect(objs.every((o) => o.evaluation && Array.isArray(o.findings))).toBe(true);
  });

  it('a glob selects files; an unreadable file in a batch is reported and the rest go on', async () => {
    const r = await cli(['audit', 'examples/seed-00*.json', '/nonexistent/y.json', '--json', '--fail-on', 'none']);
    expect(r.code).toBe(2);
    const objs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(objs.filter((o) => o.error)).toHaveLength(1);
    expect(objs.filter((o) => o.findings).length).toBe(exampleFiles.filter((f) => f.startsWith('seed-00')).length);
  });
});

describe('jixiao profiles', () => {
  it('lists every profile and what differs from the national default', async () => {
    const r = await cli(['profiles']);
    expect(r.code).toBe(0);
    for (const id of ['national', 'hunan', 'henan', 'hebei']) expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('差异');
  });

  it('shows where each knob comes from, marking unverified ones, and no knob without a source', async () => {
    const r = await cli(['profiles']);
    expect(r.stdout).toContain('全国默认（财预〔2020〕10号）（national@');
    expect(r.stdout).toContain('的依据：');
    expect(r.stdout).toContain('未核实');
    expect(r.stdout).toContain('已核对');
    expect(r.stdout).toContain('石发〔2019〕8号');
    expect(r.stdout).not.toContain('（未列出依据）');
    expect(r.stdout).not.toContain('〔…〕');
  });
});

describe('jixiao help', () => {
  it('lists commands in Chinese', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('jixiao score');
    expect(r.stdout).toContain('jixiao audit');
  });
});
