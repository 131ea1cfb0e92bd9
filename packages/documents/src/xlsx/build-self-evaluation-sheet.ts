/**
 * 自评表 laid out like the paper form: header, funds block (年初 | 全年 | 执行 | 分值 |
 * 执行率 | 得分), funds by source and by nature with shares, 年度总体目标, the indicator
 * tree with merged level cells, 总分 and 评价等级, and a summary by level-1 indicator.
 * Rates, shares, indicator scores, level sums, the total and the grade are live formulas
 * with cached results equal to core's computation.
 */
import type { Worksheet } from 'exceljs';
import { type Decimal, type ScoredIndicator } from '@jixiao/core';
import { COLUMN_LABELS, leafScore, type AmountColumn, type ReportFigures, type Triple } from '../compute/compute-report-figures.js';
import { fillPlaceholders } from '../compute/format-figures.js';
import { placeholderValues } from '../compute/build-report-outline.js';
import { INDICATOR_COLUMN_LABELS } from '../docx/build-indicator-table.js';
import type { IndicatorColumn, Template } from '../templates/template-schema.js';
import { cachedRatio, executionRateFormula, shareFormula } from './excel-formulas.js';
import { SheetWriter, addr, colLetter, setA4PageSetup } from './sheet-writer.js';

/** Where the live figures are, for tests and for readers. */
export interface SelfEvaluationCells {
  executionRate: string;
  executionScore: string;
  /** Model path of each leaf → its score cell. */
  leafScores: Record<string, string>;
  level1Scores: string[];
  executionWeight: string;
  /** Leaf rows, for the rule check sheet. */
  leaves: { path: string; row: number; scored: ScoredIndicator; weight: string; target: string; actual: string; score: string; numeric: boolean }[];
  level1Ranges: [number, number][];
  weightColumn: string;
  scoreColumn: string;
  total: string;
  grade: string;
  shares: Record<string, string>;
}

export const AMOUNT_FMT = '0.00';
export const SCORE_FMT = '0.00';
export const RATE_FMT = '0.00%';
const n = (d: Decimal | null): number | null => (d === null ? null : Number(d.toString()));

const COL_WIDTH: Record<IndicatorColumn, number> = {
  level1: 10,
  level2: 11,
  level3: 22,
  sign: 7,
  initialTarget: 12,
  target: 12,
  unitOfMeasure: 7,
  actual: 12,
  weight: 7,
  score: 8,
  scoreRate: 8,
  core: 7,
  deviation: 22,
};

/** Number format that shows a numeric target/actual as written: "≥"0.00"%". */
export function quantityFormat(value: Decimal, prefix: string, unit: string | null, percent: boolean): string {
  const places = value.decimalPlaces();
  const digits = places > 0 ? `0.${'0'.repeat(places)}` : '0';
  const suffix = percent ? '%' : (unit ?? '');
  const q = (s: string) => (s ? `"${s.replace(/"/g, '')}"` : '');
  return `${q(prefix)}${digits}${q(suffix)}`;
}

const SIGN_PREFIX: Record<string, string> = { '>=': '≥', '>': '>', '=': '', '<=': '≤', '<': '<' };

export function buildSelfEvaluationSheet(ws: Worksheet, fig: ReportFigures, t: Template): SelfEvaluationCells {
  const ev = fig.evaluation;
  const spec = t.tables.selfEvaluation;
  const cols = spec.indicatorColumns;
  const last = 1 + cols.length; // column A is the block label column
  const w = new SheetWriter(ws, t.fonts.table, 10);
  const places = fig.profile.rounding.places;
  const cells: SelfEvaluationCells = { executionRate: '', executionScore: '', executionWeight: '', leafScores: {}, level1Scores: [], leaves: [], level1Ranges: [], weightColumn: '', scoreColumn: '', total: '', grade: '', shares: {} };

  ws.columns = [{ width: 8 }, ...cols.map((c) => ({ width: COL_WIDTH[c] }))];
  let r = 1;
  if (spec.attachmentLabel) {
    w.set(r, 1, spec.attachmentLabel, { align: 'left', bold: true, font: t.fonts.heading1, size: 12, wrap: false });
    r++;
  }
  w.set(r, 1, fillPlaceholders(spec.title, placeholderValues(ev)), { font: t.fonts.title, size: 18 });
  w.merge(r, 1, r, last);
  ws.getRow(r).height = 36;
  r++;
  const tableTop = r;

  // Header: unit / project.
  const labelEnd = Math.max(2, last - 6); // label columns B..labelEnd in the funds block
  const header: [string, string][] = [[spec.unitLabel, ev.kind !== 'department' ? (ev.project?.name ?? '') : (ev.unit.name ?? '')]];
  if (ev.kind !== 'department') {
    header.push(['主管部门', ev.supervisingDepartment ?? '']);
    header.push(['实施单位', ev.project?.implementingUnit ?? ev.unit.name ?? '']);
  }
  for (const [label, value] of header) {
    w.set(r, 1, label, { bold: true });
    w.merge(r, 1, r, 2);
    w.set(r, 3, value, { align: 'left' });
    w.merge(r, 3, r, last);
    ws.getRow(r).height = 24;
    r++;
  }

  // Funds block.
  const fundsTop = r;
  const numCol = (i: number) => last - 5 + i; // 0 年初, 1 全年, 2 执行, 3 分值, 4 执行率, 5 得分
  w.set(r, 2, '', {});
  w.merge(r, 2, r, labelEnd);
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => w.set(r, numCol(i), h, { bold: true }));
  r++;
  const totalRow = r;
  const tripleCells = (row: number, tr: Triple) => {
    (['initial', 'adjusted', 'executed'] as const).forEach((k, i) => w.set(row, numCol(i), n(tr[k]), { numFmt: AMOUNT_FMT }));
  };
  w.set(r, 2, '年度资金总额', {});
  w.merge(r, 2, r, labelEnd);
  tripleCells(r, fig.total);
  const ex = fig.score.execution;
  const exRow = fig.scoreRows[0]!;
  cells.executionWeight = addr(r, numCol(3));
  w.set(r, numCol(3), n(exRow.weight), { numFmt: SCORE_FMT });
  const base = addr(r, numCol(ex.base === 'adjusted' ? 1 : 0));
  cells.executionRate = addr(r, numCol(4));
  if (ex.rate) w.formula(r, numCol(4), executionRateFormula(addr(r, numCol(2)), base), cachedRatio(ex.rate), { numFmt: RATE_FMT });
  else w.set(r, numCol(4), cachedRatio(fig.executionRate), { numFmt: RATE_FMT });
  // The unit's own score (its self-evaluation); the profile's recomputation is on the 规则测算 sheet.
  cells.executionScore = addr(r, numCol(5));
  w.set(r, numCol(5), n(exRow.score), { numFmt: SCORE_FMT });
  r++;

  // Composition: by source, then by nature; 占比 in the 执行率 column.
  const shareCol: AmountColumn = fig.shareColumn;
  const amountIdx = { initial: 0, adjusted: 1, executed: 2 }[shareCol];
  const compRows: { label: string; triple: Triple; share: Decimal | null; wholeRow: number | null; key: string }[] = [];
  const byNatureStart = fig.bySource.length;
  for (const s of fig.bySource) compRows.push({ label: `其中：${s.label}`, triple: s.triple, share: s.share, wholeRow: totalRow, key: `source:${s.source}` });
  if (ev.kind === 'department' || fig.byNature.basic || fig.byNature.project) {
    const nt = fig.natureTriples;
    if (fig.byNature.basic) compRows.push({ label: '基本支出', triple: nt.basic, share: fig.byNature.basic.share, wholeRow: totalRow, key: 'basic' });
    if (fig.byNature.personnel) compRows.push({ label: '　其中：人员经费', triple: nt.personnel, share: fig.byNature.personnel.share, wholeRow: -1, key: 'personnel' });
    if (fig.byNature.operating) compRows.push({ label: '　　　　公用经费', triple: nt.operating, share: fig.byNature.operating.share, wholeRow: -1, key: 'operating' });
    if (fig.byNature.project) compRows.push({ label: '项目支出', triple: nt.project, share: fig.byNature.project.share, wholeRow: totalRow, key: 'project' });
  }
  if (compRows.length > 0) {
    w.set(r, 2, `资金构成（占比按${COLUMN_LABELS[shareCol]}计）`, { bold: true, align: 'left' });
    w.merge(r, 2, r, labelEnd);
    ['年初预算数', '全年预算数', '全年执行数', '', '占比', ''].forEach((h, i) => w.set(r, numCol(i), h, { bold: true }));
    r++;
    let basicRow = -1;
    compRows.forEach((row, i) => {
      if (i === byNatureStart) {
        w.set(r, 2, '按支出性质分：', { bold: true, align: 'left' });
        w.merge(r, 2, r, last);
        r++;
      } else if (i === 0) {
        w.set(r, 2, '按收入性质分：', { bold: true, align: 'left' });
        w.merge(r, 2, r, last);
        r++;
      }
      if (row.key === 'basic') basicRow = r;
      w.set(r, 2, row.label, { align: 'left' });
      w.merge(r, 2, r, labelEnd);
      tripleCells(r, row.triple);
      const wholeRow = row.wholeRow === -1 ? basicRow : row.wholeRow;
      if (wholeRow !== null && wholeRow > 0) {
        cells.shares[row.key] = addr(r, numCol(4));
        w.formula(r, numCol(4), shareFormula(addr(r, numCol(amountIdx)), addr(wholeRow, numCol(amountIdx))), cachedRatio(row.share), { numFmt: RATE_FMT });
      }
      r++;
    });
  }
  w.set(fundsTop, 1, '年度预算申请（万元）', { bold: true });
  w.merge(fundsTop, 1, r - 1, 1);

  // Goals.
  const goalsTop = r;
  const mid = 2 + Math.floor((last - 1) / 2);
  w.set(r, 2, '预期目标', { bold: true });
  w.merge(r, 2, r, mid - 1);
  w.set(r, mid, '实际完成情况', { bold: true });
  w.merge(r, mid, r, last);
  r++;
  const goalText = (pick: 'expected' | 'achieved') =>
    ev.goals
      .map((g) => g[pick])
      .filter((x): x is string => !!x)
      .join('\n');
  w.set(r, 2, goalText('expected'), { align: 'left' });
  w.merge(r, 2, r, mid - 1);
  w.set(r, mid, goalText('achieved'), { align: 'left' });
  w.merge(r, mid, r, last);
  const longest = Math.max(goalText('expected').length, goalText('achieved').length);
  ws.getRow(r).height = Math.min(400, Math.max(40, Math.ceil(longest / 30) * 14));
  r++;
  w.set(goalsTop, 1, '年度总体目标', { bold: true });
  w.merge(goalsTop, 1, r - 1, 1);

  // Indicator table.
  const indTop = r;
  const c = (col: IndicatorColumn) => 2 + cols.indexOf(col);
  cols.forEach((col) => w.set(r, c(col), INDICATOR_COLUMN_LABELS[col], { bold: true }));
  const headerRow = r;
  r++;
  const byPath = new Map(fig.score.indicators.map((i) => [i.path, i]));
  const scoreCol = c('score');
  const weightCol = c('weight');
  const level1Ranges: [number, number][] = [];
  ev.indicators.forEach((l1, i) => {
    const l1Start = r;
    const l2s = l1.children.length > 0 ? l1.children : [null];
    l2s.forEach((l2, j) => {
      const l2Start = r;
      const leaves = l2 && l2.children.length > 0 ? l2.children : [null];
      leaves.forEach((leaf, k) => {
        if (leaf) {
          const path = `indicators.${i}.children.${j}.children.${k}`;
          const s = byPath.get(path);
          w.set(r, c('level3'), leaf.name, { align: 'left' });
          if (cols.includes('sign')) w.set(r, c('sign'), leaf.sign === 'qualitative' || s?.target?.kind !== 'quantitative' ? '定性' : SIGN_PREFIX[s.target.sign] || '=');
          if (cols.includes('unitOfMeasure')) w.set(r, c('unitOfMeasure'), leaf.unitOfMeasure ?? '');
          if (cols.includes('deviation')) w.set(r, c('deviation'), leaf.deviationReason ?? '', { align: 'left' });
          w.set(r, weightCol, n(s?.weight ?? null), { numFmt: SCORE_FMT });
          const tgt = s?.target;
          const act = s?.actual;
          const numeric = tgt?.kind === 'quantitative' && act?.kind === 'quantitative';
          const hasSignCol = cols.includes('sign');
          const hasUnitCol = cols.includes('unitOfMeasure');
          if (numeric && tgt.kind === 'quantitative' && act.kind === 'quantitative' && tgt.upper === null) {
            const tFmt = quantityFormat(tgt.value, hasSignCol ? '' : SIGN_PREFIX[tgt.sign]!, hasUnitCol ? null : tgt.unit, tgt.percent);
            w.set(r, c('target'), n(tgt.value), { numFmt: tFmt });
            w.set(r, c('actual'), n(act.value), { numFmt: quantityFormat(act.value, '', hasUnitCol ? null : act.unit, act.percent) });
          } else if (numeric && act.kind === 'quantitative') {
            w.set(r, c('target'), leaf.target ?? '');
            w.set(r, c('actual'), n(act.value), { numFmt: quantityFormat(act.value, '', hasUnitCol ? null : act.unit, act.percent) });
          } else {
            w.set(r, c('target'), leaf.target ?? '');
            w.set(r, c('actual'), leaf.actual ?? '');
          }
          const stated = s ? n(leafScore(s)) : null;
          if (s) cells.leaves.push({ path, row: r, scored: s, weight: addr(r, weightCol), target: addr(r, c('target')), actual: addr(r, c('actual')), score: addr(r, scoreCol), numeric: !!numeric && tgt?.kind === 'quantitative' && tgt.upper === null });
          {
            const cell = w.set(r, scoreCol, s?.status === 'not_applicable' ? '不适用' : stated, { numFmt: SCORE_FMT });
            if (s?.computedRange) {
              cell.dataValidation = {
                type: 'decimal',
                operator: 'between',
                allowBlank: true,
                showErrorMessage: true,
                errorTitle: '得分超出定性档次',
                error: `该定性指标得分应在 ${s.computedRange.min.toDecimalPlaces(places).toString()} 至 ${s.computedRange.max.toDecimalPlaces(places).toString()} 之间`,
                formulae: [Number(s.computedRange.min.toString()), Number(s.computedRange.max.toString())],
              };
            }
          }
          cells.leafScores[path] = addr(r, scoreCol);
        } else {
          for (const col of cols) if (col !== 'level1' && col !== 'level2') w.set(r, c(col), '');
          // A level-1 indicator without leaves: its headed weight and stated score stand in (as in core's total).
          if (l1.children.every((x) => x.children.length === 0) && j === 0) {
            const row = fig.scoreRows[i + 1]!;
            w.set(r, weightCol, n(row.weight), { numFmt: SCORE_FMT });
            w.set(r, scoreCol, n(row.score), { numFmt: SCORE_FMT });
          }
        }
        r++;
      });
      w.set(l2Start, c('level2'), l2?.name ?? '');
      w.merge(l2Start, c('level2'), r - 1, c('level2'));
    });
    const l1Weight = fig.scoreRows[i + 1]?.weight ?? null;
    w.set(l1Start, c('level1'), `${l1.name}${l1Weight ? `\n（${l1Weight.toDecimalPlaces(places).toString()}分）` : ''}`);
    w.merge(l1Start, c('level1'), r - 1, c('level1'));
    level1Ranges.push([l1Start, r - 1]);
  });

  // 总分 and 评价等级.
  const totalLabelEnd = weightCol - 1;
  const includeExec = fig.weights.totalIncludesBudgetExecution;
  w.set(r, 2, '总分', { bold: true });
  w.merge(r, 2, r, totalLabelEnd);
  const totalScoreCell = addr(r, scoreCol);
  const totalWeightCell = addr(r, weightCol);
  const firstLeaf = indTop + 1;
  const lastLeaf = r - 1;
  const leafRange = (col: number) => (lastLeaf >= firstLeaf ? `${colLetter(col)}${firstLeaf}:${colLetter(col)}${lastLeaf}` : null);
  const sumOf = (col: number) => (leafRange(col) ? `SUM(${leafRange(col)})` : '0');
  const execWeightCell = addr(totalRow, numCol(3));
  // 总分 and 评价等级 as the unit stated them.
  w.set(r, weightCol, n(fig.totalRow.weight), { numFmt: SCORE_FMT, bold: true });
  w.set(r, scoreCol, n(fig.totalRow.score), { numFmt: SCORE_FMT, bold: true });
  cells.total = totalScoreCell;
  for (let col = scoreCol + 1; col <= last; col++) w.set(r, col, '');
  r++;
  w.set(r, 2, '评价等级', { bold: true });
  w.merge(r, 2, r, totalLabelEnd);
  cells.grade = addr(r, weightCol);
  w.set(r, weightCol, fig.grade ?? '', { bold: true });
  w.merge(r, weightCol, r, last);
  r++;
  w.set(indTop, 1, '绩效指标', { bold: true });
  w.merge(indTop, 1, r - 1, 1);
  void totalWeightCell;
  w.border(tableTop, 1, r - 1, last);

  r++;
  w.set(r, 1, `评分规则：${fig.profile.name}（${fig.profile.id}@${fig.profile.version}）。本表分值、得分、总分与等级为单位自评所填；执行率与占比为公式。按评分规则的测算见隐藏的“规则测算”工作表（取消隐藏即可查看，供复核参考）。`, {
    align: 'left',
    size: 9,
  });
  w.merge(r, 1, r, last);

  setA4PageSetup(ws, { orientation: 'portrait', printArea: `A1:${colLetter(last)}${r}`, titleRow: headerRow, centered: true });
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  ws.views = [{ state: 'normal', zoomScale: 100 }];
  cells.level1Ranges = level1Ranges;
  cells.weightColumn = colLetter(weightCol);
  cells.scoreColumn = colLetter(scoreCol);
  return cells;
}
