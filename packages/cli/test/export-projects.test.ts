import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { cli, examplesDir, tempDir } from './helpers.js';

const seed001 = join(examplesDir, 'seed-001-hunan-2023.json');

const leaf = (name: string, target: string, actual: string, weight: string, selfScore: string) => ({ name, target, actual, weight, selfScore });
const project = (name: string, code: string, executed: string, score: string) => ({
  kind: 'project',
  fiscalYear: 2023,
  unit: { name: '示例县交通运输局' },
  supervisingDepartment: '示例县交通运输局',
  project: { name, code },
  funds: { total: { initial: '100', adjusted: '100', executed }, bySource: [{ source: 'current_appropriation', initial: '100', adjusted: '100', executed }] },
  budgetExecution: { weight: '10', selfScore: '10' },
  goals: [{ expected: '按期完成建设任务。', achieved: '已按期完成。' }],
  indicators: [
    { name: '产出指标', weight: '50', children: [{ name: '数量指标', children: [leaf('完成里程', '≥30公里', '30公里', '50', '50')] }] },
    { name: '效益指标', weight: '30', children: [{ name: '社会效益指标', children: [leaf('通行条件改善', '明显改善', '明显改善', '30', '30')] }] },
    { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', children: [leaf('群众满意度', '≥90%', '95%', '10', '10')] }] },
  ],
  totals: { statedWeight: '100', statedScore: score, statedGrade: '优' },
});
const transfer = {
  kind: 'transfer',
  fiscalYear: 2023,
  unit: { name: '示例县交通运输局' },
  project: { name: '车辆购置税收入补助地方资金', issuingDepartment: '财政部' },
  funds: { total: { adjusted: '500', arrived: '500', executed: '450' } },
  totals: { statedScore: '96' },
};

/** A folder of project and transfer JSON files. */
function projectFolder(): string {
  const dir = join(tempDir(), 'projects');
  mkdirSync(dir);
  writeFileSync(join(dir, '01.json'), JSON.stringify(project('农村公路养护', 'P001', '100', '100')));
  writeFileSync(join(dir, '02.json'), JSON.stringify(project('公交站亭建设', 'P002', '90', '99')));
  writeFileSync(join(dir, '03.json'), JSON.stringify(transfer));
  return dir;
}

const sheetNames = (file: string) => [...strFromU8(unzipSync(readFileSync(file))['xl/workbook.xml']!).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
const docText = (file: string) => strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);

describe('jixiao export: project and transfer 自评表', () => {
  it('a project exports its 自评表 as .xlsx and .docx, and its report with --document report', async () => {
    const dir = projectFolder();
    const xlsx = join(dir, '..', 'p.xlsx');
    expect((await cli(['export', join(dir, '01.json'), '--format', 'xlsx', '-o', xlsx])).code).toBe(0);
    expect(sheetNames(xlsx)).toEqual(['项目支出绩效自评表']);
    const docx = join(dir, '..', 'p.docx');
    expect((await cli(['export', join(dir, '01.json'), '--format', 'docx', '-o', docx])).code).toBe(0);
    expect(docText(docx)).toContain('项目支出绩效自评表（2023年度）');
    const report = join(dir, '..', 'r.docx');
    expect((await cli(['export', join(dir, '01.json'), '--format', 'docx', '--document', 'report', '-o', report])).code).toBe(0);
    expect(docText(report)).toContain('农村公路养护2023年度项目支出绩效自评报告');
    const t = join(dir, '..', 't.xlsx');
    expect((await cli(['export', join(dir, '03.json'), '--format', 'xlsx', '-o', t])).code).toBe(0);
    expect(sheetNames(t)).toEqual(['转移支付区域绩效自评表']);
  });

  it('a project 自评表 as PDF through LibreOffice', async () => {
    const dir = projectFolder();
    const out = join(dir, '..', 'p.pdf');
    const r = await cli(['export', join(dir, '02.json'), '--format', 'pdf', '-o', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('--workbook writes one unit workbook: the summary, then a sheet per project, with live totals', async () => {
    const dir = projectFolder();
    const out = join(dir, '..', 'unit.xlsx');
    const r = await cli(['export', dir, '--workbook', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('3 个项目工作表');
    expect(sheetNames(out)).toEqual(['项目自评结果汇总表', '农村公路养护', '公交站亭建设', '车辆购置税收入补助地方资金']);
    // The summary's 合计 of 全年执行数: a live SUM with its cached result, 100 + 90 + 450.
    const summary = strFromU8(unzipSync(readFileSync(out))['xl/worksheets/sheet1.xml']!);
    expect(summary).toMatch(/<c r="G7"[^>]*><f>SUM\(G4:G6\)<\/f><v>640<\/v><\/c>/);
  });

  it('--workbook refuses a department evaluation or an unreadable file, naming them, and writes nothing', async () => {
    const dir = projectFolder();
    const out = join(dir, '..', 'unit.xlsx');
    const dept = await cli(['export', dir, seed001, '--workbook', '-o', out]);
    expect(dept.code).toBe(64);
    expect(dept.stderr).toContain('seed-001-hunan-2023.json');
    expect(dept.stderr).toContain('部门整体自评');
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    const bad = await cli(['export', dir, '--workbook', '-o', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json');
    expect(bad.stderr).toContain('未生成任何文件');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(dir, '..'))).toEqual(['projects']);
    const pdf = await cli(['export', dir, '--workbook', '--format', 'pdf', '-o', out]);
    expect(pdf.code).toBe(64);
  });

  it('--projects gives a department report its project chapter', async () => {
    const dir = projectFolder();
    const out = join(dir, '..', 'report.docx');
    const r = await cli(['export', seed001, '--format', 'docx', '--projects', dir, '-o', out]);
    expect(r.code).toBe(0);
    const xml = docText(out);
    expect(xml).toContain('项目支出绩效自评情况');
    expect(xml).toContain('公交站亭建设');
    const notDept = await cli(['export', join(dir, '01.json'), '--format', 'docx', '--projects', dir, '-o', join(dir, '..', 'x.docx')]);
    expect(notDept.code).toBe(64);
    expect(notDept.stderr).toContain('不是部门整体自评');
  });

  it('a combination that does not exist is a usage error and writes nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'x.docx');
    const r = await cli(['export', seed001, '--format', 'docx', '--document', 'table', '-o', out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('部门整体自评表请导出为 .xlsx');
    const bad = await cli(['export', seed001, '--format', 'docx', '--document', 'memo', '-o', out]);
    expect(bad.code).toBe(64);
    expect(existsSync(out)).toBe(false);
  });
});
