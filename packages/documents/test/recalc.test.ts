/**
 * The formulas compute what we cached: LibreOffice opens the unit workbook (every project
 * and transfer 自评表 of the test fixtures and examples/, plus the 项目自评结果汇总表), recalculates every formula (forced on load),
 * and saves it; each recalculated result, shown at its cell's places (half up), equals the
 * result we cached. Missing soffice fails with the install command (never skipped).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec, roundHalfUp } from '@jixiao/core';
import { renderUnitProjectsWorkbook } from '../src/index.js';
import { requireTool } from './helpers.js';
import { BUILT, allForms } from './project-fixtures.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'jx-recalc-'));
let soffice: string;
beforeAll(() => {
  soffice = requireTool('soffice');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** OOXMLRecalcMode 0: always recalculate an .xlsx on load. */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`;

async function recalculate(name: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const job = join(dir, name);
  mkdirSync(join(job, 'profile/user'), { recursive: true });
  mkdirSync(join(job, 'out'));
  writeFileSync(join(job, 'profile/user/registrymodifications.xcu'), RECALC_ALWAYS);
  writeFileSync(join(job, 'in.xlsx'), bytes);
  await run(soffice, [`-env:UserInstallation=file://${join(job, 'profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', join(job, 'out'), join(job, 'in.xlsx')], {
    env: { ...process.env, HOME: job },
    timeout: 120_000,
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(job, 'out/in.xlsx')) as unknown as ExcelJS.Buffer);
  return wb;
}

const placesOf = (fmt: string | undefined) => (/0\.(0+)/.exec(fmt ?? '')?.[1]!.length ?? 0) + ((fmt ?? '').includes('%') ? 2 : 0);

type FormulaValue = { formula: string; result?: unknown };

/** Every formula cell: [sheet!cell, cached, recalculated shown at the cell's places]. */
async function compare(name: string, bytes: Uint8Array): Promise<{ checked: number; diffs: string[] }> {
  const ours = new ExcelJS.Workbook();
  await ours.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const theirs = await recalculate(name, bytes);
  const diffs: string[] = [];
  let checked = 0;
  ours.eachSheet((ws) => {
    const other = theirs.getWorksheet(ws.name)!;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as FormulaValue | null;
        if (!v || typeof v !== 'object' || !('formula' in v)) return;
        checked++;
        const lo = other.getCell(cell.address).value as FormulaValue | number | string | null;
        const got = lo !== null && typeof lo === 'object' ? lo.result : lo;
        const where = `${ws.name}!${cell.address} ${v.formula}`;
        if (typeof v.result === 'number') {
          const shown = typeof got === 'number' ? roundHalfUp(dec(got).toSignificantDigits(12), placesOf(cell.numFmt)).toString() : String(got);
          if (shown !== dec(v.result).toString()) diffs.push(`${where}: cached ${v.result}, LibreOffice ${String(got)}`);
        } else if ((v.result ?? '') !== (got ?? '')) diffs.push(`${where}: cached ${JSON.stringify(v.result)}, LibreOffice ${JSON.stringify(got)}`);
      }),
    );
  });
  return { checked, diffs };
}

describe('LibreOffice recalculates every formula to the cached result', () => {
  it('the national unit workbook of every test fixture and example: each project and transfer sheet and the summary', async () => {
    const { checked, diffs } = await compare('national', await renderUnitProjectsWorkbook(Object.values(allForms())));
    expect(diffs).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  }, 180_000);

  it('the Chongqing layout (得分系数 formulas)', async () => {
    const { checked, diffs } = await compare('chongqing', await renderUnitProjectsWorkbook(Object.values(BUILT), { template: 'chongqing' }));
    expect(diffs).toEqual([]);
    expect(checked).toBeGreaterThan(70);
  }, 180_000);
});
