/**
 * 规则测算 (rule check) sheet: the rule profile's formulas as live Excel formulas over the
 * 自评表 cells — execution score, each quantitative indicator's score, level-1 sums, the
 * total and the grade (nested IF over the profile's bands; 无法定级 with the reason where the total
 * cannot be graded). Explanations say where a qualitative level is jixiao's inference. It is a reviewer's aid, kept
 * apart from the 自评表 so the unit's stated figures are never overwritten by a
 * recomputation. Cached results are rounded half up to the places the cells show.
 */
import type { Worksheet } from 'exceljs';
import { sumDec, type Decimal } from '@jixiao/core';
import type { ReportFigures } from '../compute/compute-report-figures.js';
import type { Template } from '../templates/template-schema.js';
import { cachedNumber, executionScoreFormula, gradeFormula, indicatorScoreFormula } from './excel-formulas.js';
import type { SelfEvaluationCells } from './build-self-evaluation-sheet.js';
import { SheetWriter, addr, setA4PageSetup } from './sheet-writer.js';

export interface RuleCheckCells {
  executionScore: string;
  leafScores: Record<string, string>;
  level1Scores: string[];
  total: string;
  grade: string;
}

const SCORE_FMT = '0.00';

export function buildRuleCheckSheet(ws: Worksheet, fig: ReportFigures, t: Template, self: SelfEvaluationCells, selfSheet: string): RuleCheckCells {
  const w = new SheetWriter(ws, t.fonts.table, 10);
  const places = 2;
  const ref = (a: string) => `'${selfSheet}'!${a}`;
  const out: RuleCheckCells = { executionScore: '', leafScores: {}, level1Scores: [], total: '', grade: '' };
  ws.columns = [{ width: 14 }, { width: 30 }, { width: 10 }, { width: 12 }, { width: 12 }, { width: 40 }];
  let r = 1;
  w.set(r, 1, `按评分规则测算（${fig.profile.name}，${fig.profile.id}@${fig.profile.version}）——供复核参考，不是单位自评得分`, { bold: true, align: 'left' });
  w.merge(r, 1, r, 6);
  r++;
  ['项目', '指标', '分值', '单位自评得分', '规则测算得分', '测算说明'].forEach((h, i) => w.set(r, i + 1, h, { bold: true }));
  const head = r;
  r++;
  const ex = fig.score.execution;
  w.set(r, 1, '预算执行率');
  w.set(r, 2, '');
  w.formula(r, 3, `N(${ref(self.executionWeight)})`, cachedNumber(fig.scoreRows[0]!.weight, places), { numFmt: SCORE_FMT });
  w.formula(r, 4, `${ref(self.executionScore)}&""`, fig.scoreRows[0]!.score?.toString() ?? '');
  out.executionScore = addr(r, 5);
  if (fig.executionLine) {
    w.formula(r, 5, executionScoreFormula(fig.profile, addr(r, 3), ref(self.executionRate)), cachedNumber(ex.computed, places), { numFmt: SCORE_FMT });
    w.set(r, 6, ex.explanation, { align: 'left' });
  } else {
    // The profile gives this kind of evaluation no execution weight (kindWeights): nothing to compute, nothing in the total.
    w.set(r, 5, '不计分');
    w.set(r, 6, `按${fig.profile.name}，此类评价不单独计预算执行率分值`, { align: 'left' });
  }
  const execRow = r;
  r++;
  const level1Rows: number[][] = fig.evaluation.indicators.map(() => []);
  for (const leaf of self.leaves) {
    const s = leaf.scored;
    const i = Number(/^indicators\.(\d+)\./.exec(leaf.path)?.[1] ?? 0);
    w.set(r, 1, s.level1);
    w.set(r, 2, s.name, { align: 'left' });
    w.formula(r, 3, `N(${ref(leaf.weight)})`, cachedNumber(s.weight, places), { numFmt: SCORE_FMT });
    w.formula(r, 4, `${ref(leaf.score)}&""`, s.stated?.toString() ?? '');
    const f = leaf.numeric ? indicatorScoreFormula(fig.profile, s, addr(r, 3), ref(leaf.target), ref(leaf.actual)) : null;
    if (f) w.formula(r, 5, f, cachedNumber(s.computed, places), { numFmt: SCORE_FMT });
    else w.set(r, 5, s.status === 'not_applicable' ? '不适用' : cachedNumber(s.computed ?? s.stated, places), { numFmt: SCORE_FMT });
    w.set(r, 6, s.explanation, { align: 'left' });
    out.leafScores[leaf.path] = addr(r, 5);
    level1Rows[i]?.push(r);
    r++;
  }
  const l1Cells: string[] = [];
  fig.score.level1.forEach((l1, i) => {
    const rows = level1Rows[i] ?? [];
    w.set(r, 1, `${l1.name}小计`, { bold: true });
    w.merge(r, 1, r, 2);
    const sum = (col: number) => (rows.length ? `SUM(${rows.map((x) => addr(x, col)).join(',')})` : '0');
    const leafWeights = fig.score.indicators.filter((x) => x.path.startsWith(`${l1.path}.`) && x.weight !== null).map((x) => x.weight as Decimal);
    w.formula(r, 3, sum(3), cachedNumber(leafWeights.length ? sumDec(leafWeights) : l1.headedWeight, places), { numFmt: SCORE_FMT });
    w.set(r, 4, '');
    w.formula(r, 5, rows.length ? sum(5) : `N("${l1.stated?.toString() ?? ''}")`, cachedNumber(l1.computed ?? l1.stated, places), { numFmt: SCORE_FMT });
    w.set(r, 6, l1.explanation, { align: 'left' });
    l1Cells.push(addr(r, 5));
    r++;
  });
  out.level1Scores = l1Cells;
  w.set(r, 1, '总分', { bold: true });
  w.merge(r, 1, r, 2);
  const includeExec = fig.weights.totalIncludesBudgetExecution && fig.executionLine;
  const parts = [...(includeExec ? [addr(execRow, 5)] : []), ...l1Cells].map((a) => `N(${a})`);
  out.total = addr(r, 5);
  w.formula(r, 5, parts.length ? parts.join('+') : '0', cachedNumber(fig.score.computedTotal, places), { numFmt: SCORE_FMT, bold: true });
  w.set(r, 6, fig.score.explanation.join('；'), { align: 'left' });
  r++;
  w.set(r, 1, '等级', { bold: true });
  w.merge(r, 1, r, 2);
  out.grade = addr(r, 5);
  if (fig.score.ungradableReason) {
    // Weights that do not add up to the profile's total, unscored indicators …: no band applies.
    w.set(r, 5, '无法定级', { bold: true });
    w.set(r, 6, fig.score.ungradableReason, { align: 'left' });
  } else {
    w.formula(r, 5, gradeFormula(fig.profile, out.total), fig.score.computedGrade ?? '', { bold: true });
  }
  w.border(head, 1, r, 6);
  setA4PageSetup(ws, { orientation: 'landscape', printArea: `A1:F${r}`, titleRow: head, centered: false });
  return out;
}
