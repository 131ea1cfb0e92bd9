import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Evaluation, JxError, computeProjectRollup } from '@jixiao/core';
import { BUILT, allForms } from '../../test/project-fixtures.js';
import { loadSeed, SEEDS } from '../../test/helpers.js';
import { renderUnitWorkbook } from './render-unit-workbook.js';

type FormulaValue = { formula: string; result: unknown };

async function open(evs: Evaluation[]) {
  const r = await renderUnitWorkbook(evs, { createdAt: new Date('2024-01-01T00:00:00Z') });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ExcelJS.Buffer);
  return { r, wb };
}

/** `n` projects made from the fixtures, each with its own name and code. */
function many(n: number): Evaluation[] {
  const base = Object.values(allForms());
  return Array.from({ length: n }, (_, i) => {
    const ev = structuredClone(base[i % base.length]!);
    ev.project = { ...ev.project!, name: `${ev.project!.name}（第${i + 1}批）`, code: `P${String(i + 1).padStart(4, '0')}` };
    return ev;
  });
}

describe('unit workbook: one sheet per project and 项目自评结果汇总表', () => {
  it('puts the summary first, then one sheet per project named after it, legal and unique', async () => {
    const evs = [BUILT['project-drugs']!, BUILT['project-drugs']!, BUILT['transfer-forestry']!, BUILT['project-roads-yuan']!];
    const { r, wb } = await open(evs);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目自评结果汇总表', '禁毒经费', '禁毒经费(2)', '林业草原改革发展资金', '乡村道路建设养护项目']);
    expect(r.sheets).toEqual(wb.worksheets.slice(1).map((w) => w.name));
  });

  it('each summary figure is a live reference to its project sheet (元 converted to 万元); cached values are the stated figures', async () => {
    const evs = [BUILT['project-drugs']!, BUILT['project-roads-yuan']!, BUILT['transfer-forestry']!];
    const { r, wb } = await open(evs);
    const ws = wb.getWorksheet('项目自评结果汇总表')!;
    const s = r.summary;
    const row = (i: number, col: string) => ws.getCell(`${col}${s.firstRow + i}`).value as FormulaValue;
    expect(ws.getCell(`B${s.firstRow}`).value).toBe('341700210000000012345');
    expect(ws.getCell(`C${s.firstRow}`).value).toBe('禁毒经费');
    expect(ws.getCell(`D${s.firstRow + 2}`).value).toBe('转移支付');
    const drugsAdjusted = row(0, s.columns.adjusted);
    expect(drugsAdjusted.formula).toBe(`IF(ISNUMBER('禁毒经费'!${r.entries[0]!.cells.funds.totals.adjusted}),'禁毒经费'!${r.entries[0]!.cells.funds.totals.adjusted},"")`);
    expect(drugsAdjusted.result).toBe(100);
    const roads = row(1, s.columns.adjusted);
    expect(roads.formula).toContain('/10000');
    expect(roads.result).toBe(309.5);
    expect(row(0, s.columns.rate).result).toBe(0.9875);
    expect(row(0, s.columns.score).formula).toContain(`'禁毒经费'!${r.entries[0]!.cells.indicators.total}`);
    expect(row(0, s.columns.score).result).toBe(98.71);
    expect(row(0, s.columns.grade).result).toBe('优');
  });

  it('totals row: SUM per column and Σ执行 ÷ Σ全年 as the roll-up computes them; average and lowest score, live', async () => {
    const evs = Object.values(BUILT);
    const { r, wb } = await open(evs);
    const ws = wb.getWorksheet('项目自评结果汇总表')!;
    const s = r.summary;
    const rollup = computeProjectRollup(evs);
    const cell = (col: string, row: number) => ws.getCell(`${col}${row}`).value as FormulaValue;
    expect(ws.getCell(`A${s.totalRow}`).value).toBe('合计');
    expect(cell(s.columns.adjusted, s.totalRow).formula).toBe(`SUM(F${s.firstRow}:F${s.lastRow})`);
    expect(cell(s.columns.adjusted, s.totalRow).result).toBe(Number(rollup.funds.adjusted.sum.toString()));
    expect(cell(s.columns.executed, s.totalRow).result).toBe(Number(rollup.funds.executed.sum.toString()));
    expect(cell(s.columns.rate, s.totalRow).formula).toContain('SUMIFS(');
    expect(cell(s.columns.rate, s.totalRow).result).toBe(Number(rollup.execution.rate!.toDecimalPlaces(4).toString()));
    expect(cell(s.columns.score, s.averageRow).formula).toMatch(/AVERAGE\(I\d+:I\d+\)/);
    expect(cell(s.columns.score, s.averageRow).result).toBe(Number(rollup.statedScores.average!.toDecimalPlaces(2).toString()));
    expect(cell(s.columns.score, s.lowestRow).result).toBe(Number(rollup.statedScores.lowest!.score.toString()));
    expect(cell(s.columns.grade, s.lowestRow).formula).toMatch(/INDEX\(C\d+:C\d+,MATCH\(MIN\(/);
    expect(cell(s.columns.grade, s.lowestRow).result).toBe(rollup.statedScores.lowest!.name);
  });

  it('85 projects: 86 sheets, names at most 31 characters and unique', async () => {
    const { wb } = await open(many(85));
    expect(wb.worksheets).toHaveLength(86);
    const names = wb.worksheets.map((w) => w.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(86);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  }, 60_000);

  it('refuses a department evaluation and an empty list with a JxError', async () => {
    await expect(renderUnitWorkbook([])).rejects.toBeInstanceOf(JxError);
    const dept = loadSeed(SEEDS[0]!);
    await expect(renderUnitWorkbook([BUILT['project-drugs']!, dept])).rejects.toThrow(/第 2 个评价是部门整体自评/);
  });
});
