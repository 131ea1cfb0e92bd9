import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { importReport } from '@jixiao/import';
import { cli, exampleJsonFiles, examplesDir, tempDir } from './helpers.js';

const seed001 = join(examplesDir, 'seed-001-hunan-2023.json');
const seed003 = join(examplesDir, 'seed-003-henan-2021.json');

describe('jixiao export', () => {
  it('writes the report (.docx) in the template chosen by the profile, atomically', async () => {
    const dir = tempDir();
    const out = join(dir, '报告.docx');
    const r = await cli(['export', seed001, '--format', 'docx', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已写入');
    const xml = strFromU8(unzipSync(readFileSync(out))['word/document.xml']!);
    expect(xml).toContain('附件3'); // the hunan template
    expect(readdirSync(dir)).toEqual(['报告.docx']); // no temp file left behind
    const back = (await importReport({ bytes: readFileSync(out), fileName: out })).evaluation;
    expect(back.totals.statedScore).toBe('99');
  });

  it('--template picks another jurisdiction; xlsx tables', async () => {
    const dir = tempDir();
    const out = join(dir, 'tables.xlsx');
    const r = await cli(['export', seed001, '--format', 'xlsx', '--template', 'henan', '-o', out]);
    expect(r.code).toBe(0);
    const files = unzipSync(readFileSync(out));
    expect(strFromU8(files['xl/workbook.xml']!)).not.toContain('基础数据表'); // henan has no base-data sheet
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('自评表');
  });

  it('reads inputs of any format: a .docx report exports to .xlsx', async () => {
    const dir = tempDir();
    await cli(['export', seed003, '--format', 'docx', '-o', join(dir, 'a.docx')]);
    const r = await cli(['export', join(dir, 'a.docx'), '--format', 'xlsx', '-o', join(dir, 'b.xlsx')]);
    expect(r.code).toBe(0);
    const back = (await importReport({ bytes: readFileSync(join(dir, 'b.xlsx')), fileName: 'b.xlsx' })).evaluation;
    expect(back.totals.statedScore).toBe('91');
  });

  it('many inputs go to a folder, one file each; unreadable ones are reported and fail the run', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    const out = join(dir, 'out');
    const r = await cli(['export', examplesDir, bad, '--format', 'docx', '-o', out]);
    expect(r.code).toBe(2);
    const written = readdirSync(out).sort();
    const inputs = exampleJsonFiles().map((f) => basename(f).replace(/\.json$/, '.docx'));
    expect(written).toEqual(inputs.sort());
    expect(r.stderr).toContain('bad.json');
    expect(r.stderr).toContain(`导出 ${inputs.length} 个，失败 1 个`);
  });

  it('bad usage is a JxError with a Chinese message, and nothing is written', async () => {
    const dir = tempDir();
    const out = join(dir, 'x.docx');
    const noFormat = await cli(['export', seed001, '-o', out]);
    expect(noFormat.code).toBe(64);
    expect(noFormat.stderr).toContain('--format');
    const wrong = await cli(['export', seed001, '--format', 'odt', '-o', out]);
    expect(wrong.code).toBe(64);
    expect(wrong.stderr).toContain('odt');
    const noOut = await cli(['export', seed001, '--format', 'docx']);
    expect(noOut.code).toBe(64);
    const tpl = await cli(['export', seed001, '--format', 'docx', '--template', 'atlantis', '-o', out]);
    expect(tpl.code).toBe(2);
    expect(tpl.stderr).toContain('未知的文档模板');
    expect(existsSync(out)).toBe(false);
  });

  it('writes a PDF through LibreOffice (fails with the install command where it is missing)', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.pdf');
    const r = await cli(['export', seed003, '--format', 'pdf', '-o', out]);
    expect(r.stderr).not.toContain('未安装 LibreOffice');
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);
});
