/**
 * One file, several evaluations: `jixiao audit --json` lists them all under `evaluations`
 * (each with its figures and findings), keeps the main one in `evaluation`, and the batch
 * summary table has a row for each.
 */
import { describe, expect, it } from 'vitest';
import { cli, tempDir, tempFile } from './helpers.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const REPORT = [
  '某区文化馆2023年度项目支出绩效自评总报告',
  '一、项目情况',
  '本馆2023年度共有2个项目1、群众文化活动经费项目：预算40万元，全年实际支付30万元，使用率75%。2、场馆维修项目：预算20万元，全年实际支付20万元，使用率100%。',
  '二、存在的问题',
  '各项目运转正常，暂无问题。',
  '某区文化馆',
  '2024年3月1日',
].join('\n');

describe('jixiao audit: a file that holds several evaluations', () => {
  it('--json lists every evaluation with its figures and findings; the main one stays in evaluation', async () => {
    const r = await cli(['audit', tempFile('report.txt', REPORT), '--json', '--fail-on', 'none']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.evaluations.map((e: { project: { name: string } | null }) => e.project?.name ?? null)).toEqual([null, '群众文化活动经费项目', '场馆维修项目']);
    expect(j.evaluations.filter((e: { main: boolean }) => e.main)).toHaveLength(1);
    expect(j.evaluation.kind).toBe('project');
    const first = j.evaluations[1];
    expect(first.figures).toMatchObject({ adjustedBudget: '40', executed: '30', statedExecutionRate: '75' });
    expect(first.incomplete).toBe('excerpt');
    for (const e of j.evaluations) expect(Object.keys(e.counts).sort()).toEqual(['error', 'info', 'warning']);
  });

  it('the batch summary has a row for each evaluation of each file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.txt'), REPORT);
    const r = await cli(['audit', dir, '--fail-on', 'none']);
    expect(r.stdout).toContain('群众文化活动经费项目');
    expect(r.stdout).toContain('场馆维修项目');
    expect(r.stdout).toContain('共 3 份评价');
  });
});
