import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { BUILT } from '../../test/project-fixtures.js';
import { renderFormWorkbook } from './render-form.js';

type FormulaValue = { formula: string; result: unknown };

async function open(ev: Evaluation, template?: string) {
  const r = await renderFormWorkbook(ev, { createdAt: new Date('2024-01-01T00:00:00Z'), ...(template ? { template } : {}) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ExcelJS.Buffer);
  return { r, ws: wb.getWorksheet(r.sheet)!, wb };
}

const formula = (ws: ExcelJS.Worksheet, a: string | null) => ws.getCell(a!).value as FormulaValue;
/** Places a number shows in a format like 0.00 or 0.00%. */
const placesOf = (fmt: string) => (/0\.(0+)/.exec(fmt)?.[1]!.length ?? 0) + (fmt.includes('%') ? 2 : 0);

/** Every text on a sheet, row by row (merged cells once). */
function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => {
    if (c.isMerged && c.master.address !== c.address) return;
    if (typeof c.value === 'string') out.push(c.value);
  }));
  return out;
}

describe('project 自评表 (.xlsx)', () => {
  it('prints the national layout: header, funds block, goals, indicator columns, 总分 and grade', async () => {
    const { ws } = await open(BUILT['project-drugs']!);
    const t = texts(ws);
    for (const label of ['项目支出绩效自评表（2021年度）', '项目名称', '禁毒经费', '项目编码', '341700210000000012345', '主管部门', '实施单位', '禁毒支队', '项目负责人', '联系电话', '项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金', '年度总体目标', '预期目标', '实际完成情况', '绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '偏差原因分析及改进措施', '总分', '自评等级', '优']) {
      expect(t, label).toContain(label);
    }
    expect(t).toContain('产出指标（50分）');
    expect(t.some((x) => x.startsWith('填报人：李华'))).toBe(true);
  });

  it('writes live formulas whose cached results are the stated figures: 其中 sums, 执行率, 执行得分, 总分', async () => {
    const { r, ws } = await open(BUILT['project-drugs']!);
    const f = r.cells.funds;
    const total = formula(ws, f.totals.executed!);
    expect(total.formula).toMatch(/^SUM\(F\d+,F\d+,F\d+\)$/);
    expect(total.result).toBe(98.75);
    const rate = formula(ws, f.executionRate);
    expect(rate.formula).toBe(`IF(AND(ISNUMBER(${f.totals.executed}),N(${f.totals.adjusted})>0),${f.totals.executed}/${f.totals.adjusted},"")`);
    expect(rate.result).toBe(0.9875);
    const score = formula(ws, f.executionScore);
    expect(score.formula).toBe(`IF(AND(ISNUMBER(${f.executionRate}),ISNUMBER(${f.executionWeight})),ROUND(${f.executionWeight}*MIN(${f.executionRate},1),2),"")`);
    expect(score.result).toBe(9.88);
    const tot = formula(ws, r.cells.indicators.total);
    expect(tot.formula).toMatch(new RegExp(`^ROUND\\(N\\(${f.executionScore}\\)\\+SUM\\(H\\d+:H\\d+\\),2\\)$`));
    expect(tot.result).toBe(98.71);
    expect(formula(ws, r.cells.indicators.totalWeight).result).toBe(100);
    expect(ws.getCell(r.cells.indicators.grade!).value).toBe('优');
  });

  it('keeps a stated figure that its formula does not give, as a constant with a note saying what the formula gives', async () => {
    const { r, ws } = await open(BUILT['project-roads-yuan']!);
    const f = r.cells.funds;
    // 全年预算数 309.5 万元 = 3 095 000 元 stated; 其中 300 + 9.4 = 309.4 万元.
    const adjusted = ws.getCell(f.totals.adjusted!);
    expect(adjusted.value).toBe(3095000);
    expect(String(adjusted.note)).toContain('3094000');
    // 年初 309 = 300 + 9: a live sum, in 元.
    expect(formula(ws, f.totals.initial!).result).toBe(3090000);
    // Stated 95% where the amounts give 93.74%; the stated 10 is not 10 × 95%.
    const rate = ws.getCell(f.executionRate!);
    expect(rate.value).toBe(0.95);
    expect(rate.numFmt).toBe('0%');
    expect(String(rate.note)).toContain('93.74%');
    const score = ws.getCell(f.executionScore!);
    expect(score.value).toBe(10);
    expect(String(score.note)).toContain('9.50');
    const total = ws.getCell(r.cells.indicators.total!);
    expect(total.value).toBe(95);
    expect(String(total.note)).toContain('97.00');
    expect(texts(ws)).toContain('项目资金（元）');
  });

  it('prints a score stated per 二级 indicator once, merged over its rows, and sums it into 总分', async () => {
    const { r, ws } = await open(BUILT['project-library-level2']!);
    const cell = r.cells.indicators.scores['indicators.0.children.0']!;
    expect(ws.getCell(cell).value).toBe(30);
    const below = ws.getCell(cell.replace(/\d+$/, (n) => String(Number(n) + 1)));
    expect(below.isMerged && below.master.address).toBe(cell);
    expect(formula(ws, r.cells.indicators.total).result).toBe(100);
    expect(r.cells.indicators.grade).toBeNull(); // national prints 自评等级 only when one is stated
  });

  it('a transfer: funds by level with 到位数, live 资金到位率 and 执行率, its own title and labels', async () => {
    const { r, ws } = await open(BUILT['transfer-forestry']!);
    const t = texts(ws);
    for (const label of ['转移支付区域绩效自评表（2024年度）', '转移支付（项目）名称', '中央主管部门', '国家林业和草原局', '地方主管部门', '资金使用单位', '资金投入情况（万元）', '全年到位数（B）', '资金到位率（B/A）', '预算执行率（C/A）', '其中：中央财政资金', '省级财政资金', '市级财政资金', '县级财政资金', '区域年度总体目标', '指标值', '全年实际完成值', '未完成原因和改进措施']) {
      expect(t, label).toContain(label);
    }
    const f = r.cells.funds;
    expect(formula(ws, f.totals.arrived!).result).toBe(52.8);
    const rate = formula(ws, f.executionRate);
    expect(rate.result).toBe(0.5833);
    expect(formula(ws, f.executionScore).result).toBe(5.83);
    expect(formula(ws, r.cells.indicators.total).result).toBe(95.61);
    const arrival = ws.getCell(f.arrivalRate!);
    expect((arrival.value as FormulaValue).formula).toBe(`IF(AND(ISNUMBER(${f.totals.arrived}),N(${f.totals.adjusted})>0),${f.totals.arrived}/${f.totals.adjusted},"")`);
    expect((arrival.value as FormulaValue).result).toBe(1); // 52.8 ÷ 52.8
    expect(arrival.numFmt).toBe('0%'); // the stated 100% has no decimals
  });

  it('every cached formula result has no more places than its cell shows', async () => {
    for (const ev of Object.values(BUILT)) {
      const { ws } = await open(ev);
      let n = 0;
      ws.eachRow((row) => row.eachCell((cell) => {
        const v = cell.value as FormulaValue | null;
        if (!v || typeof v !== 'object' || !('formula' in v) || typeof v.result !== 'number') return;
        n++;
        const shown = v.result.toString().split('.')[1]?.length ?? 0;
        expect(shown, `${cell.address} ${v.result} (${cell.numFmt})`).toBeLessThanOrEqual(placesOf(cell.numFmt ?? '0.00'));
      }));
      expect(n).toBeGreaterThan(3);
    }
  });

  it('is printable: A4 landscape, one page wide, the indicator header repeated, a print area, borders', async () => {
    const { r, ws } = await open(BUILT['project-drugs']!);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printArea).toMatch(/^A1:I\d+$/);
    expect(ws.pageSetup.printTitlesRow).toBe(`${r.cells.indicators.headerRow}:${r.cells.indicators.headerRow}`);
    expect(ws.getCell('A3').border?.top?.style).toBe('thin');
  });

  it('Sichuan splits the target into 指标性质 | 指标值 | 度量单位; Chongqing prints 年初/调整指标值, a live 得分系数 and 是否核心指标', async () => {
    const sc = await open(BUILT['project-drugs']!, 'sichuan');
    const t = texts(sc.ws);
    for (const label of ['部门预算项目支出绩效自评表（2021年度）', '指标性质', '指标值', '度量单位', '实施单位（盖章）', '合计', '项目年度目标']) expect(t, label).toContain(label);
    const row = rowWith(sc.ws, '毛发检查试剂数量');
    expect(row.slice(0, 7)).toEqual(['毛发检查试剂数量', '≥', '2400', '份', '3200', 12, 12]);
    const pct = rowWith(sc.ws, '资金支付及时率');
    expect(pct.slice(0, 5)).toEqual(['资金支付及时率', '≥', '95', '%', '93']);
    const cq = await open(BUILT['project-drugs']!, 'chongqing');
    expect(texts(cq.ws)).toEqual(expect.arrayContaining(['年初指标值', '调整指标值', '得分系数', '是否核心指标']));
    const q = rowWith(cq.ws, '资金支付及时率');
    expect(q.slice(0, 5)).toEqual(['资金支付及时率', '≥95%', '≥95%', '93%', 8]);
    const ratio = cq.ws.getCell(cq.r.cells.indicators.scores['indicators.0.children.2.children.0']!.replace(/^[A-Z]+/, 'J')).value as FormulaValue;
    expect(ratio.formula).toMatch(/^IF\(AND\(ISNUMBER\(I\d+\),N\(H\d+\)>0\),I\d+\/H\d+,""\)$/);
    expect(ratio.result).toBe(0.98); // 7.83 ÷ 8 = 0.97875
  });
});

/** The values of the row holding `name`, from that cell on (merged continuation cells skipped). */
function rowWith(ws: ExcelJS.Worksheet, name: string): unknown[] {
  let out: unknown[] = [];
  ws.eachRow((row) => {
    const cells: ExcelJS.Cell[] = [];
    row.eachCell((c) => cells.push(c));
    const i = cells.findIndex((c) => c.value === name);
    if (i < 0) return;
    out = cells.slice(i).filter((c) => !(c.isMerged && c.master.address !== c.address)).map((c) => c.value);
  });
  return out;
}
