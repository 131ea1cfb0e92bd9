/**
 * The Word and Excel readers' libraries (mammoth, exceljs) and the traditional→simplified
 * converter (opencc-js) load on the first file that needs them, not with the package: a process
 * that imports only text reports (a `jixiao audit` worker) never compiles them. Checked in a fresh
 * Node process through its CommonJS module cache, where those three packages land when loaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Piece } from './helpers/seed-content.js';
import { makeDocx } from './helpers/make-docx.js';
import { makeXlsx } from './helpers/make-xlsx.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const INDEX = fileURLToPath(new URL('../src/index.ts', import.meta.url));

const PIECES: Piece[] = [
  { kind: 'p', text: '某某单位2023年度部门整体支出绩效自评报告' },
  { kind: 'table', rows: [['一级指标', '二级指标', '三级指标', '分值', '得分'], ['产出指标', '数量指标', '培训人次', '10', '9'], ['合计', '', '', '100', '90']] },
];

// Each step imports one file (a failure to recognise it is fine here) and prints what is loaded.
const SCRIPT = `
import { createRequire } from 'node:module';
const req = createRequire(process.cwd() + '/');
const loaded = () => [...new Set(Object.keys(req.cache).map((k) => /node_modules[\\\\/](exceljs|mammoth|opencc-js)[\\\\/]/.exec(k)?.[1]).filter(Boolean))].sort();
const [index, dir] = process.argv.slice(1);
const m = await import(index);
const seen = { atLoad: loaded() };
for (const f of ['simplified.txt', 'traditional.txt', 'report.xlsx', 'report.docx']) {
  await m.importFile(dir + '/' + f).catch(() => null);
  seen[f] = loaded();
}
console.log(JSON.stringify(seen));
`;

const dir = mkdtempSync(join(tmpdir(), 'jx-lazy-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('format readers load on first use', () => {
  it('loading the package and importing simplified text loads none of exceljs, mammoth, opencc-js; each comes with its first file', async () => {
    writeFileSync(join(dir, 'simplified.txt'), '某某单位2023年度部门整体支出绩效自评报告\n一、基本情况\n预算执行率为95.5%。\n');
    writeFileSync(join(dir, 'traditional.txt'), '某某單位2023年度部門整體支出績效自評報告\n一、基本情況\n預算執行率為95.5%。\n');
    writeFileSync(join(dir, 'report.xlsx'), await makeXlsx(PIECES));
    writeFileSync(join(dir, 'report.docx'), await makeDocx(PIECES));
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions', 'jixiao-source', '--input-type=module', '-e', SCRIPT, INDEX, dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const seen = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, string[]>;
    expect(seen).toEqual({
      atLoad: [],
      'simplified.txt': [],
      'traditional.txt': ['opencc-js'],
      'report.xlsx': ['exceljs', 'opencc-js'],
      'report.docx': ['exceljs', 'mammoth', 'opencc-js'],
    });
  });
});
