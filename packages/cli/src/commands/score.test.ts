import { describe, expect, it } from 'vitest';
import { cli, exampleJsonFiles } from '../../test/helpers.js';

// Every project and transfer example (examples/projects, the department's children, the corpus).
const projectFiles = exampleJsonFiles().filter((f) => !f.startsWith('seed-') && !f.endsWith('department.json'));

describe('jixiao score on project and transfer evaluations', () => {
  it('titles the table with the project and its kind, and prints the funds table with recomputed rates', async () => {
    const r = await cli(['score', 'examples/projects/project-uniforms-yuan-2022.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('文化市场综合行政执法人员制式服装购置（51092322T000000400001） 2022 年度项目支出绩效自评 — 评分');
    expect(r.stdout).toContain('项目资金（万元，原表以元填报）');
    expect(r.stdout).toMatch(/年度资金总额\s*│ 3\.75\s*│ 3\.75\s*│ 3\.7467\s*│ —\s*│ 99\.91%/); // 3.7467 ÷ 3.75 = 99.912%
    expect(r.stdout).toContain('计算总分：99.79');
  });
  it('says a national transfer does not score execution and shows the arrival rate (40 ÷ 52.8 = 75.76%)', async () => {
    const r = await cli(['score', 'examples/projects/transfer-forestry-arrival-error-2024.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('年度转移支付绩效自评');
    expect(r.stdout).toMatch(/预算执行率\s*│ 不计分/);
    expect(r.stdout).toMatch(/年度资金总额\s*│ —\s*│ 52\.8\s*│ 30\.8\s*│ 40\s*│ 58\.33%\s*│ 75\.76%/);
  });
  it('scores and audits every project and transfer example', async () => {
    expect(projectFiles.length).toBeGreaterThanOrEqual(15);
    for (const f of projectFiles) {
      const s = await cli(['score', `examples/${f}`, '--json']);
      expect(s.code, f).toBe(0);
      expect(JSON.parse(s.stdout).score.profile.id, f).toBe('national');
      const a = await cli(['audit', `examples/${f}`, '--json', '--fail-on', 'none']);
      expect(a.code, f).toBe(0);
      expect(Array.isArray(JSON.parse(a.stdout).findings), f).toBe(true);
    }
  });
});
