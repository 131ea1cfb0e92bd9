/**
 * 基础数据表 (department evaluations) laid out like the paper form: staffing with a live
 * control rate, 三公经费 / 项目支出 / 公用经费 over 上年决算 | 本年预算 | 本年决算 (totals as
 * SUM formulas where their parts are given), procurement, budget adjustment, buildings
 * with live control rates, savings measures, note and signatures.
 */
import type { Worksheet } from 'exceljs';
import { decOrNull, sumDec, type BaseData, type Decimal, type YearTriple } from '@jixiao/core';
import type { ReportFigures } from '../compute/compute-report-figures.js';
import { fillPlaceholders } from '../compute/format-figures.js';
import { placeholderValues } from '../compute/build-report-outline.js';
import type { Template } from '../templates/template-schema.js';
import { cachedRatio, shareFormula } from './excel-formulas.js';
import { SheetWriter, addr, setA4PageSetup } from './sheet-writer.js';
import { AMOUNT_FMT, RATE_FMT } from './build-self-evaluation-sheet.js';

export interface BaseDataCells {
  staffingControlRate: string;
  threePublicTotal: string[];
  buildingRates: string[];
}

const n = (d: Decimal | null): number | null => (d === null ? null : Number(d.toString()));
const emptyYear: YearTriple = { priorActual: null, budget: null, actual: null };
const KEYS = ['priorActual', 'budget', 'actual'] as const;

export function buildBaseDataSheet(ws: Worksheet, fig: ReportFigures, t: Template): BaseDataCells {
  const ev = fig.evaluation;
  const spec = t.tables.baseData;
  const bd: BaseData | null = ev.baseData;
  const w = new SheetWriter(ws, t.fonts.table, 10);
  const last = 7;
  const cells: BaseDataCells = { staffingControlRate: '', threePublicTotal: [], buildingRates: [] };
  ws.columns = [{ width: 30 }, { width: 13 }, { width: 13 }, { width: 13 }, { width: 13 }, { width: 13 }, { width: 13 }];
  let r = 1;
  if (spec.attachmentLabel) {
    w.set(r, 1, spec.attachmentLabel, { align: 'left', bold: true, font: t.fonts.heading1, size: 12, wrap: false });
    r++;
  }
  w.set(r, 1, fillPlaceholders(spec.title, placeholderValues(ev)), { font: t.fonts.title, size: 16 });
  w.merge(r, 1, r, last);
  ws.getRow(r).height = 32;
  r++;
  const top = r;
  const y = ev.fiscalYear;

  // Staffing.
  w.set(r, 1, '财政供养人员情况（人）', { bold: true });
  w.set(r, 2, '编制数', { bold: true });
  w.merge(r, 2, r, 3);
  w.set(r, 4, `${y}年实际在职人数`, { bold: true });
  w.merge(r, 4, r, 5);
  w.set(r, 6, '控制率', { bold: true });
  w.merge(r, 6, r, 7);
  r++;
  w.set(r, 1, '');
  w.set(r, 2, bd?.staffing.authorized ?? null);
  w.merge(r, 2, r, 3);
  w.set(r, 4, bd?.staffing.actual ?? null);
  w.merge(r, 4, r, 5);
  cells.staffingControlRate = addr(r, 6);
  w.formula(r, 6, shareFormula(addr(r, 4), addr(r, 2)), cachedRatio(fig.staffing.rate), { numFmt: RATE_FMT });
  w.merge(r, 6, r, 7);
  r++;

  // Expenses over three years' columns (B:C, D:E, F:G merged).
  const yc = [2, 4, 6];
  const line = (label: string, tr: YearTriple | null, opts: { bold?: boolean; sumOf?: number[]; indent?: number } = {}) => {
    w.set(r, 1, `${'　'.repeat(opts.indent ?? 0)}${label}`, { align: 'left', bold: opts.bold ?? false });
    KEYS.forEach((k, i) => {
      const col = yc[i]!;
      const parts = (opts.sumOf ?? []).filter((pr) => pr > 0);
      const partValues = parts.map((pr) => ws.getCell(pr, col).value).filter((v) => typeof v === 'number' || (typeof v === 'object' && v !== null && 'formula' in v));
      if (parts.length > 0 && partValues.length > 0) {
        const cached = sumDec(partRows(parts, col));
        w.formula(r, col, `SUM(${parts.map((pr) => addr(pr, col)).join(',')})`, n(cached), { numFmt: AMOUNT_FMT });
      } else {
        w.set(r, col, n(decOrNull(tr?.[k] ?? null)), { numFmt: AMOUNT_FMT });
      }
      w.merge(r, col, r, col + 1);
    });
    return r++;
  };
  const decAt = new Map<string, Decimal>();
  const partRows = (rows: number[], col: number) => rows.map((pr) => decAt.get(`${pr}:${col}`)).filter((d): d is Decimal => d !== undefined);
  const record = (row: number, tr: YearTriple | null, sumRows?: number[]) => {
    KEYS.forEach((k, i) => {
      const col = yc[i]!;
      const own = decOrNull(tr?.[k] ?? null);
      const parts = sumRows ? partRows(sumRows, col) : [];
      const v = parts.length > 0 ? sumDec(parts) : own;
      if (v) decAt.set(`${row}:${col}`, v);
    });
  };

  w.set(r, 1, '经费控制情况（万元）', { bold: true });
  [`${y - 1}年决算数`, `${y}年预算数`, `${y}年决算数`].forEach((h, i) => {
    w.set(r, yc[i]!, h, { bold: true });
    w.merge(r, yc[i]!, r, yc[i]! + 1);
  });
  r++;
  const tp = bd?.threePublic;
  const totalRowIdx = r;
  r++; // placeholder: the 三公经费 total is written after its parts
  const vehRow = r;
  r++;
  const purchaseRow = line('其中：公车购置', tp?.vehiclePurchase ?? emptyYear, { indent: 3 });
  record(purchaseRow, tp?.vehiclePurchase ?? emptyYear);
  const operationRow = line('公车运行维护', tp?.vehicleOperation ?? emptyYear, { indent: 6 });
  record(operationRow, tp?.vehicleOperation ?? emptyYear);
  const overseasRow = line('2、出国经费', tp?.overseas ?? emptyYear, { indent: 1 });
  record(overseasRow, tp?.overseas ?? emptyYear);
  const receptionRow = line('3、公务接待', tp?.reception ?? emptyYear, { indent: 1 });
  record(receptionRow, tp?.reception ?? emptyYear);
  // Vehicles = purchase + operation where given; total = vehicles + overseas + reception.
  const save = r;
  r = vehRow;
  line('1、公务用车购置和维护经费', tp?.vehicles ?? emptyYear, { indent: 1, sumOf: [purchaseRow, operationRow] });
  record(vehRow, tp?.vehicles ?? emptyYear, [purchaseRow, operationRow]);
  r = totalRowIdx;
  line('三公经费', tp?.total ?? emptyYear, { bold: true, sumOf: [vehRow, overseasRow, receptionRow] });
  record(totalRowIdx, tp?.total ?? emptyYear, [vehRow, overseasRow, receptionRow]);
  cells.threePublicTotal = yc.map((col) => addr(totalRowIdx, col));
  r = save;

  const projHead = r;
  r++;
  const projRows = (bd?.projectLines ?? []).map((p, i) => {
    const row = line(`${i + 1}、${p.name}`, p, { indent: 2 });
    record(row, p);
    return row;
  });
  const afterProj = r;
  r = projHead;
  line('项目支出：', bd?.project ?? emptyYear, { bold: true, sumOf: projRows });
  record(projHead, bd?.project ?? emptyYear, projRows);
  r = afterProj;

  line('公用经费', bd?.operating ?? emptyYear, { bold: true });
  (bd?.operatingLines ?? []).forEach((p, i) => line(`${i === 0 ? '其中：' : '　　　'}${p.name}`, p, { indent: 2 }));
  const procurement = bd?.procurement;
  line('政府采购金额', { priorActual: null, budget: procurement?.budget ?? null, actual: procurement?.actual ?? null });
  line('部门基本支出预算调整', { priorActual: null, budget: null, actual: bd?.basicBudgetAdjustment ?? null });
  for (const row of [r - 2, r - 1]) w.set(row, 2, '——');

  // Buildings.
  const bHead = r;
  ['楼堂馆所控制情况\n（本年完工项目）', '批复规模（㎡）', '实际规模（㎡）', '规模控制率', '预算投资（万元）', '实际投资（万元）', '投资概算控制率'].forEach((h, i) =>
    w.set(r, i + 1, h, { bold: true }),
  );
  ws.getRow(r).height = 30;
  r++;
  const buildings = bd?.buildings.length ? bd.buildings : [null];
  for (const b of buildings) {
    w.set(r, 1, b?.name ?? '', { align: 'left' });
    w.set(r, 2, n(decOrNull(b?.approvedSize ?? null)));
    w.set(r, 3, n(decOrNull(b?.actualSize ?? null)));
    const sizeRate = ratio(decOrNull(b?.actualSize ?? null), decOrNull(b?.approvedSize ?? null));
    w.formula(r, 4, shareFormula(addr(r, 3), addr(r, 2)), cachedRatio(sizeRate), { numFmt: RATE_FMT });
    w.set(r, 5, n(decOrNull(b?.budgetInvestment ?? null)), { numFmt: AMOUNT_FMT });
    w.set(r, 6, n(decOrNull(b?.actualInvestment ?? null)), { numFmt: AMOUNT_FMT });
    const invRate = ratio(decOrNull(b?.actualInvestment ?? null), decOrNull(b?.budgetInvestment ?? null));
    w.formula(r, 7, shareFormula(addr(r, 6), addr(r, 5)), cachedRatio(invRate), { numFmt: RATE_FMT });
    cells.buildingRates.push(addr(r, 4), addr(r, 7));
    r++;
  }
  void bHead;
  w.set(r, 1, '厉行节约保障措施', { bold: true });
  w.set(r, 2, bd?.savingsMeasures ?? '', { align: 'left' });
  w.merge(r, 2, r, last);
  ws.getRow(r).height = 40;
  r++;
  w.border(top, 1, r - 1, last);
  if (spec.note) {
    w.set(r, 1, spec.note, { align: 'left', size: 9 });
    w.merge(r, 1, r, last);
    ws.getRow(r).height = 28;
    r++;
  }
  const sig = bd?.signatures;
  w.set(
    r,
    1,
    `填表人：${sig?.filler ?? '　　　　'}　　填报日期：${sig?.date ?? '　　　　'}　　联系电话：${sig?.phone ?? '　　　　'}　　单位负责人签字：${sig?.head ?? '　　　　'}`,
    { align: 'left' },
  );
  w.merge(r, 1, r, last);

  setA4PageSetup(ws, { orientation: 'portrait', printArea: `A1:G${r}`, titleRow: top, centered: true });
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  return cells;
}

function ratio(part: Decimal | null, whole: Decimal | null): Decimal | null {
  if (part === null || whole === null || whole.isZero()) return null;
  return part.dividedBy(whole);
}
