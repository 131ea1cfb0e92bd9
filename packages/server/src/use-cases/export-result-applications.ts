/**
 * The 结果应用 list as an .xlsx workbook for the budget office: one row per evaluation with its
 * department, unit, kind, project, score, grade (and where the grade came from), the suggested
 * action, the decision, the note and the department's response. Every text cell that a
 * spreadsheet could take for a formula (a project named "=HYPERLINK(…)") is a text cell in the
 * Text format, so it is shown as written and never run (core's spreadsheet-text rule).
 */
import { GRADE_BASIS_LABELS, formatDecimal, dec } from '@jixiao/core';
import { keepFormulaTextAsText } from '../xlsx-text-cells.js';
import type { ResultApplicationLine } from './manage-result-applications.js';

const KIND: Record<string, string> = { department: '部门整体', project: '项目支出', transfer: '转移支付' };
const HEADER = ['序号', '主管部门', '单位', '类型', '项目 / 评价对象', '得分', '等级', '等级依据', '建议的预算处理', '财政决定', '决定说明', '部门反馈', '状态'];
const WIDTHS = [6, 18, 22, 10, 32, 8, 8, 16, 22, 22, 28, 32, 16];

export async function buildResultApplicationWorkbook(year: number | undefined, lines: readonly ResultApplicationLine[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('结果应用清单');
  ws.addRow([`${year ?? ''} 年度绩效评价结果应用清单（供编制下年预算使用）`]).font = { bold: true, size: 14 };
  ws.addRow(HEADER).font = { bold: true };
  lines.forEach((l, i) => {
    const row = ws.addRow([
      i + 1,
      l.departmentName,
      l.unitName,
      KIND[l.kind] ?? l.kind,
      l.title,
      l.score === null ? '' : formatDecimal(dec(l.score), 2),
      l.suggestion?.grade ?? '无法定级',
      l.suggestion ? GRADE_BASIS_LABELS[l.suggestion.gradeBasis] : '',
      l.suggestion?.actionLabel ?? '',
      l.decision?.label ?? '未决定',
      l.decision?.note ?? '',
      l.response?.text ?? '',
      l.stateLabel,
    ]);
    keepFormulaTextAsText(row);
  });
  ws.columns.forEach((c, i) => (c.width = WIDTHS[i] ?? 14));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
