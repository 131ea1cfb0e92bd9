import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Evaluation, dec } from '@jixiao/core';
import { RULE_CHECK_SHEET, renderTablesWorkbook } from './render-tables-xlsx.js';
import { cachedNumber, gradeFormula } from './excel-formulas.js';
import { getProfile } from '@jixiao/core';

const seed = (name: string) => Evaluation.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../../examples', name), 'utf8')));

async function open(name: string) {
  const r = await renderTablesWorkbook(seed(name), { createdAt: new Date('2024-01-01T00:00:00Z') });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ExcelJS.Buffer);
  return { r, wb };
}

/** Places a number shows in a format like 0.00 or 0.00%. */
const placesOf = (fmt: string) => (/0\.(0+)/.exec(fmt)?.[1]!.length ?? 0) + (fmt.includes('%') ? 2 : 0);

describe('自评表 and 基础数据表 (.xlsx)', () => {
  it('caches formula results rounded half up to the cell’s displayed places', () => {
    expect(cachedNumber(dec('84.96100960632887'), 2)).toBe(84.96);
    expect(cachedNumber(dec('2.345'), 2)).toBe(2.35);
    expect(cachedNumber(null, 2)).toBe('');
  });

  it('every cached formula result in every sheet has no more places than its format shows', async () => {
    const { wb } = await open('seed-001-hunan-2023.json');
    let formulas = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { formula?: string; result?: unknown } | null;
          if (!v || typeof v !== 'object' || !('formula' in v)) return;
          formulas++;
          if (typeof v.result === 'number') {
            const shown = v.result.toString().split('.')[1]?.length ?? 0;
            expect(shown, `${ws.name}!${cell.address} ${v.result} (${cell.numFmt})`).toBeLessThanOrEqual(placesOf(cell.numFmt ?? '0.00'));
          }
        }),
      ),
    );
    expect(formulas).toBeGreaterThan(20);
  });

  it('the 自评表 holds the unit’s own scores; the rule check sheet has live profile formulas, sums, total and grade', async () => {
    const { r, wb } = await open('seed-001-hunan-2023.json');
    const self = wb.getWorksheet('自评表')!;
    const c = r.cells.selfEvaluation;
    expect(self.getCell(c.total).value).toBe(99); // stated, not 109.96
    const rate = self.getCell(c.executionRate).value as { formula: string; result: number };
    expect(rate.formula).toMatch(/^IF\(N\(/);
    expect(rate.result).toBe(1);
    const check = wb.getWorksheet(RULE_CHECK_SHEET)!;
    expect(check.state).toBe('hidden');
    const rc = r.cells.ruleCheck;
    const leafPath = 'indicators.0.children.3.children.0'; // 费用开支控制在预算内执行 ≤263.38, actual 265.45
    const leaf = check.getCell(rc.leafScores[leafPath]!).value as { formula: string; result: number };
    expect(leaf.formula).toContain("'自评表'!");
    expect(leaf.result).toBe(4.96);
    const total = check.getCell(rc.total).value as { formula: string; result: number };
    expect(total.formula).toMatch(/N\(.+\)\+N\(/);
    expect(total.result).toBe(109.96);
    // Weights add to 110, so the recomputed total cannot be graded: no grade formula, the reason instead.
    expect(check.getCell(rc.grade).value).toBe('无法定级');
    expect(String(check.getCell(rc.grade).value)).not.toMatch(/^IF/);
    const gradeRow = Number(/\d+$/.exec(rc.grade)![0]);
    expect(check.getCell(gradeRow, 6).value).toBe('无法定级：各项分值合计 110 分，不等于规则总分 100 分');
    // A qualitative level jixiao inferred from the wording (实际完成值“增强”) says so in its explanation.
    const explanations = Object.values(rc.leafScores).map((a) => String(check.getCell(Number(/\d+$/.exec(a)![0]), 6).value));
    expect(explanations.some((e) => e.includes('推定为达成年度指标') && e.includes('非单位填报的等级'))).toBe(true);
  });

  it('the rule check sheet grades a gradable total with a live formula over the profile’s bands', async () => {
    const { r, wb } = await open('seed-003-henan-2021.json');
    const check = wb.getWorksheet(RULE_CHECK_SHEET)!;
    const rc = r.cells.ruleCheck;
    const grade = check.getCell(rc.grade).value as { formula: string; result: string };
    expect(grade.formula).toBe(gradeFormula(getProfile('henan'), rc.total));
    expect(grade.formula).toMatch(/^IF\(ISNUMBER\(.+IF\(ROUND\(.+>=90,"优"/);
  });

  it('lays out like the paper form: merges, borders, A4 print setup with repeated header rows', async () => {
    const { wb } = await open('seed-001-hunan-2023.json');
    for (const name of ['基础数据表', '自评表']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.printArea).toMatch(/^A1:[A-Z]+\d+$/);
      expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
      expect(Object.keys((ws as unknown as { _merges: object })._merges).length).toBeGreaterThan(5);
      expect(ws.getCell('A3').border?.top?.style).toBe('thin');
    }
  });
});
