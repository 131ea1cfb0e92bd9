/** The department report's table of its projects: 项目 | 类型 | 全年预算数 | 全年执行数 | 执行率 | 自评得分 | 自评等级, and 合计. */
import { Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import type { ProjectTableRow } from '../compute/build-project-chapter.js';
import type { Template } from '../templates/template-schema.js';
import { cellParagraph } from './docx-text.js';

const HEAD = ['项目', '类型', '全年预算数（万元）', '全年执行数（万元）', '执行率', '自评得分', '自评等级'];
const WIDTHS = [2900, 900, 1100, 1100, 900, 900, 900];

export function buildProjectTable(rows: ProjectTableRow[], total: ProjectTableRow, t: Template): Table {
  const c = (text: string, bold = false, align: 'left' | 'center' = 'center') => new TableCell({ children: [cellParagraph(t, text, align, bold)], verticalAlign: VerticalAlign.CENTER });
  const line = (r: ProjectTableRow, bold: boolean) =>
    new TableRow({ cantSplit: true, children: [c(r.name, bold, 'left'), c(r.kind, bold), c(r.adjusted, bold), c(r.executed, bold), c(r.rate, bold), c(r.score, bold), c(r.grade, bold)] });
  return new Table({
    rows: [new TableRow({ tableHeader: true, children: HEAD.map((h) => c(h, true)) }), ...rows.map((r) => line(r, false)), line(total, true)],
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: WIDTHS,
  });
}
